import type { INodePropertyOptions } from 'n8n-workflow';
import { ORGANISATION_REF, PERSON_REF } from '../../../../../core/directory/lookup';
import { COURSE_TYPES, COURSE_TYPE_LABELS } from '../../../../../core/course/vocabulary';
import { COURSE_STATE_LABELS, COURSE_STATES } from '../../../../../core/course/lifecycle';
import { vocabularyOptions } from '../../../../shared/descriptions/common';
import type { FieldDef } from '../../../../shared/descriptions/fields';

/** Built from core's vocabulary so the editor offers every type the validation accepts. */
export const courseTypeOptions: INodePropertyOptions[] = vocabularyOptions(
	COURSE_TYPES,
	COURSE_TYPE_LABELS,
);

export const courseStateOptions: INodePropertyOptions[] = vocabularyOptions(
	COURSE_STATES,
	COURSE_STATE_LABELS,
);

const people = `${PERSON_REF}，逗号分隔 separated by commas`;

export const proposalFields: FieldDef[] = [
	{
		key: 'name',
		label: '课程名称 Course Name',
		type: 'string',
		required: true,
		placeholder: '工业机器人编程与调试',
	},
	{
		key: 'code',
		label: '课程代码 Course Code',
		type: 'string',
		required: true,
		placeholder: 'ZN-2026-001',
	},
	{
		key: 'courseType',
		label: '课程类型 Course Type',
		type: 'options',
		required: true,
		options: courseTypeOptions,
		default: 'core',
	},
	{ key: 'credits', label: '学分 Credits', type: 'number', required: true, default: 3 },
	{
		key: 'hoursTheory',
		label: '理论学时 Theory Hours',
		type: 'number',
		required: true,
		default: 24,
	},
	{
		key: 'hoursPractice',
		label: '实践学时 Practice Hours',
		type: 'number',
		required: true,
		default: 30,
	},
	{
		key: 'partners',
		label: '合作企业 Partner Enterprises',
		type: 'string',
		required: true,
		description: `${ORGANISATION_REF}，逗号分隔 separated by commas`,
	},
	{
		key: 'enterpriseLead',
		label: '企业负责人 Enterprise Lead',
		type: 'string',
		required: true,
		description: PERSON_REF,
	},
	{ key: 'team', label: '课程团队 Team', type: 'string', required: true, description: people },
	{
		key: 'enterpriseShare',
		label: '企业授课比例 Enterprise Share',
		type: 'string',
		required: true,
		placeholder: '40%',
		description: '如 40% 或 0.4 E.g. 40% or 0.4',
	},
	{
		key: 'hoursTotal',
		label: '总学时 Total Hours',
		type: 'number',
		description: '留空则为理论与实践之和 Leave empty for theory + practice',
	},
	{
		key: 'modules',
		label: '课程模块 Modules',
		type: 'string',
		description: '每行一个模块或学习任务 One module or learning task per line',
	},
	{
		key: 'plannedDeliverables',
		label: '计划成果 Planned Deliverables',
		type: 'list',
		placeholder: 'workbook, textbook',
		description:
			'workbook 活页式工作手册, textbook 教材, resource_library 教学资源库, online_course 在线精品课程, curriculum_standard 课程标准',
	},
	{ key: 'startTerm', label: '开课学期 Start Term', type: 'string', placeholder: '2026-2027-1' },
	{ key: 'submitterName', label: '申报人 Submitter', type: 'string' },
	{
		key: 'submitterEmail',
		label: '申报人邮箱 Submitter Email',
		type: 'string',
		placeholder: 'name@example.com',
	},
];
