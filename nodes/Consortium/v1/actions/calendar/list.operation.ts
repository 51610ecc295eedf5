import type { IDataObject, INodeProperties } from 'n8n-workflow';
import {
	CALENDAR_KIND_LABELS,
	CALENDAR_KINDS,
	listCalendarDays,
} from '../../../../../core/calendar';
import { vocabularyOptions } from '../../../../shared/descriptions/common';
import { perItemOperation } from '../../../../shared/operation';

const properties: INodeProperties[] = [
	{
		displayName: '起始日期 From',
		name: 'from',
		type: 'string',
		default: '',
		placeholder: '2026-10-01',
		description: 'YYYY-MM-DD；留空不限 Empty for no lower bound',
	},
	{
		displayName: '截止日期 To',
		name: 'to',
		type: 'string',
		default: '',
		placeholder: '2026-10-31',
		description: 'YYYY-MM-DD；留空不限 Empty for no upper bound',
	},
	{
		displayName: '类型 Kind',
		name: 'kind',
		type: 'options',
		options: [
			{ name: '全部 All', value: '' },
			...vocabularyOptions(CALENDAR_KINDS, CALENDAR_KIND_LABELS),
		],
		default: '',
	},
];

/** The dates that differ from the Monday–Friday week, oldest first: one item per date. */
export const { description, execute } = perItemOperation(
	{ resource: 'calendar', operation: 'list' },
	properties,
	async ({ param, store }) =>
		(await listCalendarDays(store, {
			from: param('from'),
			to: param('to'),
			kind: param('kind'),
		})) as unknown as IDataObject[],
);
