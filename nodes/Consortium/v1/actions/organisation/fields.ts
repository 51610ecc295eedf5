import type { FieldDef } from '../../../../shared/descriptions/fields';

export const organisationKindOptions = [
	{ name: '学校 School', value: 'school' },
	{ name: '企业 Enterprise', value: 'enterprise' },
	{ name: '政府部门 Government', value: 'government' },
	{ name: '科研机构 Research Body', value: 'research' },
	{ name: '行业协会 Industry Association', value: 'association' },
];

export const organisationFields: FieldDef[] = [
	{ name: 'name', displayName: '单位名称 Name', type: 'string', required: true, placeholder: '某某智能制造有限公司' },
	{ name: 'kind', displayName: '单位类型 Kind', type: 'options', required: true, options: organisationKindOptions, default: 'enterprise' },
	{ name: 'creditCode', displayName: '统一社会信用代码 Credit Code', type: 'string', placeholder: '91350100M000100Y43' },
	{ name: 'contactName', displayName: '联系人 Contact', type: 'string' },
	{ name: 'contactEmail', displayName: '联系邮箱 Contact Email', type: 'string', placeholder: 'name@example.com' },
	{ name: 'contactPhone', displayName: '联系电话 Contact Phone', type: 'string' },
	{ name: 'memberSince', displayName: '加入日期 Member Since', type: 'date' },
	{ name: 'roles', displayName: '联合体角色 Roles', type: 'list', placeholder: '理事单位, 成员单位' },
];

export const organisationFilters: FieldDef[] = [
	{ name: 'kind', displayName: '单位类型 Kind', type: 'options', options: organisationKindOptions, default: 'enterprise' },
	{ name: 'name', displayName: '单位名称 Name', type: 'string' },
	{ name: 'creditCode', displayName: '统一社会信用代码 Credit Code', type: 'string' },
];
