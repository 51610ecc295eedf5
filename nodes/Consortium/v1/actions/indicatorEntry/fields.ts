import { INDICATORS } from '../../../../../core/scoreboard';
import type { FieldDef } from '../../../../shared/descriptions/fields';

const indicatorOptions = INDICATORS.map((i) => ({ name: `${i.nameZh} ${i.nameEn}`, value: i.key }));

export const indicatorEntryFields: FieldDef[] = [
	{
		key: 'indicator',
		label: '指标 Indicator',
		type: 'options',
		required: true,
		options: indicatorOptions,
		default: 'staff_training',
	},
	{
		key: 'onDate',
		label: '日期 Date',
		type: 'date',
		required: true,
		description: '数据所属日期，计入包含该日的周期 The day the figure belongs to',
	},
	{
		key: 'value',
		label: '数值 Value',
		type: 'number',
		required: true,
		description: '人次、个数或百分数 Person-times, a count, or a percentage',
	},
	{
		key: 'source',
		label: '数据来源 Source',
		type: 'string',
		required: true,
		placeholder: '2026年职工培训台账 Training register 2026',
	},
	{ key: 'note', label: '备注 Note', type: 'string' },
];

export const indicatorEntryFilters: FieldDef[] = [
	{
		key: 'indicator',
		label: '指标 Indicator',
		type: 'options',
		options: indicatorOptions,
		default: 'staff_training',
	},
	{ key: 'onDate', label: '日期 Date', type: 'date' },
];
