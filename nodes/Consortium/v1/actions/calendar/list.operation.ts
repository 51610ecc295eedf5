import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import {
	CALENDAR_KIND_LABELS,
	CALENDAR_KINDS,
	listCalendarDays,
} from '../../../../../core/calendar';
import {
	vocabularyOptions,
	updateOperationDisplayOptions,
} from '../../../../shared/descriptions/common';
import { forEachItem } from '../../../../shared/run';
import { consortiumFor } from '../../../../shared/store';

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

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['calendar'], operation: ['list'] } },
	properties,
);

/** The dates that differ from the Monday–Friday week, oldest first: one item per date. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const { store } = await consortiumFor(this);
	return forEachItem(
		this,
		async (i) =>
			(await listCalendarDays(store, {
				from: this.getNodeParameter('from', i),
				to: this.getNodeParameter('to', i),
				kind: this.getNodeParameter('kind', i),
			})) as unknown as IDataObject[],
	);
}
