import type { FieldDef } from '../../../../shared/descriptions/fields';

/** What a teacher records for one week of a placement. */
export const weeklyLogFields: FieldDef[] = [
	{
		key: 'weekStart',
		label: '周起始日 Week Start',
		type: 'date',
		required: true,
		description:
			'该周任一日期，按其所在周（周一起）记录 Any date of the week; stored as its Monday',
	},
	{ key: 'daysOnSite', label: '在岗天数 Days On Site', type: 'number', required: true, default: 5 },
	{ key: 'hours', label: '工时 Hours', type: 'number', required: true, default: 40 },
	{ key: 'content', label: '实践内容 Content', type: 'string', required: true },
	{
		key: 'onSiteDates',
		label: '在岗日期 On-site Dates',
		type: 'list',
		description: '可选，逗号分隔的具体日期 Optional exact dates, comma separated',
	},
];
