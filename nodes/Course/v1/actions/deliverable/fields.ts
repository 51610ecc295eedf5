import type { FieldDef } from '../../../../shared/descriptions/fields';

export const deliverableKindOptions = [
	{ name: '活页式工作手册 Workbook', value: 'workbook' },
	{ name: '教材 Textbook', value: 'textbook' },
	{ name: '教学资源库 Resource Library', value: 'resource_library' },
	{ name: '在线精品课程 Online Course', value: 'online_course' },
	{ name: '课程标准 Curriculum Standard', value: 'curriculum_standard' },
];

export const deliverableStatusOptions = [
	{ name: '计划 Planned', value: 'planned' },
	{ name: '建设中 In Progress', value: 'in_progress' },
	{ name: '已完成 Completed', value: 'completed' },
	{ name: '已验收 Accepted', value: 'accepted' },
];

export const deliverableFields: FieldDef[] = [
	{
		key: 'courseId',
		label: '课程 ID Course ID',
		type: 'string',
		required: true,
		placeholder: 'crs_…',
	},
	{
		key: 'kind',
		label: '成果类型 Kind',
		type: 'options',
		required: true,
		options: deliverableKindOptions,
		default: 'workbook',
	},
	{ key: 'title', label: '成果名称 Title', type: 'string' },
	{
		key: 'status',
		label: '成果状态 Status',
		type: 'options',
		options: deliverableStatusOptions,
		default: 'planned',
	},
	{ key: 'link', label: '成果链接 Link', type: 'string', placeholder: 'https://' },
	{ key: 'dueOn', label: '计划完成日期 Due On', type: 'date' },
	{ key: 'completedOn', label: '完成日期 Completed On', type: 'date' },
	{ key: 'note', label: '备注 Note', type: 'string' },
];

export const deliverableFilters: FieldDef[] = [
	{ key: 'courseId', label: '课程 ID Course ID', type: 'string' },
	{
		key: 'kind',
		label: '成果类型 Kind',
		type: 'options',
		options: deliverableKindOptions,
		default: 'workbook',
	},
	{
		key: 'status',
		label: '成果状态 Status',
		type: 'options',
		options: deliverableStatusOptions,
		default: 'planned',
	},
];
