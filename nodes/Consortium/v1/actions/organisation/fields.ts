import {
	ORGANISATION_KIND_LABELS,
	ORGANISATION_KINDS,
} from '../../../../../core/directory/organisation';
import { vocabularyOptions } from '../../../../shared/descriptions/common';
import type { FieldDef } from '../../../../shared/descriptions/fields';

export const organisationKindOptions = vocabularyOptions(
	ORGANISATION_KINDS,
	ORGANISATION_KIND_LABELS,
);

/** Also a filter of List, where it is not required. */
const organisationKindField: FieldDef = {
	key: 'kind',
	label: '单位类型 Kind',
	type: 'options',
	options: organisationKindOptions,
	default: 'enterprise',
};

export const organisationFields: FieldDef[] = [
	{
		key: 'name',
		label: '单位名称 Name',
		type: 'string',
		required: true,
		placeholder: '某某智能制造有限公司',
	},
	{ ...organisationKindField, required: true },
	{
		key: 'creditCode',
		label: '统一社会信用代码 Credit Code',
		type: 'string',
		placeholder: '91350100M000100Y43',
	},
	{ key: 'contactName', label: '联系人 Contact', type: 'string' },
	{
		key: 'contactEmail',
		label: '联系邮箱 Contact Email',
		type: 'string',
		placeholder: 'name@example.com',
	},
	{ key: 'contactPhone', label: '联系电话 Contact Phone', type: 'string' },
	{ key: 'memberSince', label: '加入日期 Member Since', type: 'date' },
	{ key: 'roles', label: '联合体角色 Roles', type: 'list', placeholder: '理事单位, 成员单位' },
];

export const organisationFilters: FieldDef[] = [
	organisationKindField,
	{ key: 'name', label: '单位名称 Name', type: 'string' },
	{ key: 'creditCode', label: '统一社会信用代码 Credit Code', type: 'string' },
];
