import type { FieldDef } from '../../../../shared/descriptions/fields';
import { ORGANISATION_REF } from '../../../../../core/directory/lookup';
import {
	CHAT_ID_HINTS,
	CHAT_ID_LABELS,
	COURSE_CATEGORIES,
	COURSE_CATEGORY_LABELS,
	PERSON_KIND_LABELS,
	PERSON_KINDS,
} from '../../../../../core/directory/person';
import { vocabularyOptions } from '../../../../shared/descriptions/common';

export const personKindOptions = vocabularyOptions(PERSON_KINDS, PERSON_KIND_LABELS);

export const courseCategoryOptions = vocabularyOptions(COURSE_CATEGORIES, COURSE_CATEGORY_LABELS);

/** Where an approver's app message goes (审批 Notify items' `channels`). */
const chatIdFields: FieldDef[] = (
	Object.keys(CHAT_ID_LABELS) as Array<keyof typeof CHAT_ID_LABELS>
).map((key) => ({
	key,
	label: CHAT_ID_LABELS[key],
	type: 'string',
	description: CHAT_ID_HINTS[key],
}));

/** Fields that are also filters of List, where they are not required. */
const personKindField: FieldDef = {
	key: 'kind',
	label: '人员类型 Kind',
	type: 'options',
	options: personKindOptions,
	default: 'teacher',
};

const courseCategoryField: FieldDef = {
	key: 'courseCategory',
	label: '课程类别 Course Category',
	type: 'options',
	options: courseCategoryOptions,
	default: 'professional',
};

export const personFields: FieldDef[] = [
	{ key: 'name', label: '姓名 Name', type: 'string', required: true },
	{ ...personKindField, required: true },
	{
		key: 'organisationId',
		label: '所属单位 Organisation',
		type: 'string',
		description: ORGANISATION_REF,
	},
	{ key: 'department', label: '部门 Department', type: 'string', placeholder: '智能制造系' },
	{ key: 'email', label: '邮箱 Email', type: 'string', placeholder: 'name@example.com' },
	{ key: 'phone', label: '电话 Phone', type: 'string' },
	{ key: 'title', label: '职称 Title', type: 'string', placeholder: '副教授 / 高级工程师' },
	{ key: 'skillLevel', label: '技能等级 Skill Level', type: 'string', placeholder: '高级技师' },
	courseCategoryField,
	{ key: 'dualQualified', label: '双师型 Dual-Qualified', type: 'boolean' },
	{ key: 'dualQualifiedSince', label: '双师型认定日期 Recognised On', type: 'date' },
	{ key: 'dualQualifiedLevel', label: '双师型等级 Level', type: 'string', placeholder: '中级' },
	{ key: 'employeeNo', label: '工号 Employee No.', type: 'string' },
	{ key: 'joinedOn', label: '入职日期 Joined On', type: 'date' },
	{ key: 'enterpriseExperience', label: '企业经历 Enterprise Experience', type: 'boolean' },
	...chatIdFields,
];

export const personFilters: FieldDef[] = [
	personKindField,
	{ key: 'organisationId', label: '所属单位 ID Organisation ID', type: 'string' },
	{ key: 'department', label: '部门 Department', type: 'string' },
	courseCategoryField,
	{ key: 'email', label: '邮箱 Email', type: 'string' },
];
