import type { FieldDef } from '../../../../shared/descriptions/fields';
import { ORGANISATION_REF, PERSON_REF } from '../../../../../core/directory/lookup';

export const formOptions = [
	{ name: '考察观摩 Visit', value: 'visit' },
	{ name: '企业技能培训 Skills Training', value: 'training' },
	{ name: '顶岗/挂职 Holding a Post', value: 'post' },
	{ name: '产品研发/技术创新 Joint R&D', value: 'rnd' },
];

export const statusOptions = [
	{ name: '计划 Planned', value: 'planned' },
	{ name: '已批准 Approved', value: 'approved' },
	{ name: '实践中 In Progress', value: 'in_progress' },
	{ name: '已交报告 Report Submitted', value: 'report_submitted' },
	{ name: '已考核 Assessed', value: 'assessed' },
	{ name: '已结束 Closed', value: 'closed' },
	{ name: '已取消 Cancelled', value: 'cancelled' },
];

export const placementFields: FieldDef[] = [
	{
		key: 'teacherId',
		label: '教师 Teacher',
		type: 'string',
		required: true,
		description: PERSON_REF,
	},
	{
		key: 'hostId',
		label: '接收企业 Host Enterprise',
		type: 'string',
		required: true,
		description: ORGANISATION_REF,
	},
	{
		key: 'form',
		label: '实践形式 Form',
		type: 'options',
		options: formOptions,
		required: true,
		default: 'post',
	},
	{ key: 'plannedStart', label: '计划开始 Planned Start', type: 'date', required: true },
	{ key: 'plannedEnd', label: '计划结束 Planned End', type: 'date', required: true },
	{
		key: 'stationId',
		label: '实践站点 Station',
		type: 'string',
		description: '站点 ID 或名称 Station ID or name',
	},
	{
		key: 'plannedDays',
		label: '计划天数 Planned Days',
		type: 'number',
		description: '留空则为起止日期间的天数 Blank: every day from start to end',
	},
	{ key: 'goals', label: '实践目标 Goals', type: 'string' },
	{ key: 'mentorId', label: '企业导师 Mentor', type: 'string', description: PERSON_REF },
	{ key: 'mentorName', label: '企业导师姓名 Mentor Name', type: 'string' },
	{
		key: 'requireHostContact',
		label: '须有企业确认人 Require Host Contact',
		type: 'boolean',
		description:
			'Whether to refuse a host nobody can confirm for: neither the station nor the enterprise has a contact email (a registration whose approval asks the host)',
	},
];

export const placementFilters: FieldDef[] = [
	{ key: 'teacherId', label: '教师 ID Teacher ID', type: 'string' },
	{ key: 'hostId', label: '接收企业 ID Host Enterprise ID', type: 'string' },
	{ key: 'stationId', label: '实践站点 ID Station ID', type: 'string' },
	{
		key: 'status',
		label: '状态 Status',
		type: 'options',
		options: statusOptions,
		default: 'planned',
	},
	{ key: 'form', label: '实践形式 Form', type: 'options', options: formOptions, default: 'post' },
];
