import type { FieldDef } from '../../../../shared/descriptions/fields';

export const personKindOptions = [
	{ name: '教师 Teacher', value: 'teacher' },
	{ name: '企业技术人员 Enterprise Technician', value: 'technician' },
	{ name: '管理人员 Staff', value: 'staff' },
];

export const courseCategoryOptions = [
	{ name: '专业课 Professional', value: 'professional' },
	{ name: '公共课 General', value: 'general' },
];

export const personFields: FieldDef[] = [
	{ name: 'name', displayName: '姓名 Name', type: 'string', required: true },
	{ name: 'kind', displayName: '人员类型 Kind', type: 'options', required: true, options: personKindOptions, default: 'teacher' },
	{ name: 'organisationId', displayName: '所属单位 ID Organisation ID', type: 'string' },
	{ name: 'department', displayName: '部门 Department', type: 'string', placeholder: '智能制造系' },
	{ name: 'email', displayName: '邮箱 Email', type: 'string', placeholder: 'name@example.com' },
	{ name: 'phone', displayName: '电话 Phone', type: 'string' },
	{ name: 'title', displayName: '职称 Title', type: 'string', placeholder: '副教授 / 高级工程师' },
	{ name: 'skillLevel', displayName: '技能等级 Skill Level', type: 'string', placeholder: '高级技师' },
	{ name: 'courseCategory', displayName: '课程类别 Course Category', type: 'options', options: courseCategoryOptions, default: 'professional' },
	{ name: 'dualQualified', displayName: '双师型 Dual-Qualified', type: 'boolean' },
	{ name: 'dualQualifiedSince', displayName: '双师型认定日期 Recognised On', type: 'date' },
	{ name: 'dualQualifiedLevel', displayName: '双师型等级 Level', type: 'string', placeholder: '中级' },
	{ name: 'employeeNo', displayName: '工号 Employee No.', type: 'string' },
	{ name: 'joinedOn', displayName: '入职日期 Joined On', type: 'date' },
	{ name: 'enterpriseExperience', displayName: '企业经历 Enterprise Experience', type: 'boolean' },
];

export const personFilters: FieldDef[] = [
	{ name: 'kind', displayName: '人员类型 Kind', type: 'options', options: personKindOptions, default: 'teacher' },
	{ name: 'organisationId', displayName: '所属单位 ID Organisation ID', type: 'string' },
	{ name: 'department', displayName: '部门 Department', type: 'string' },
	{ name: 'courseCategory', displayName: '课程类别 Course Category', type: 'options', options: courseCategoryOptions, default: 'professional' },
	{ name: 'email', displayName: '邮箱 Email', type: 'string' },
];
