import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import {
	CALENDAR_KIND_LABELS,
	CALENDAR_KINDS,
	upsertCalendarDay,
} from '../../../../../core/calendar';
import {
	vocabularyOptions,
	updateOperationDisplayOptions,
} from '../../../../shared/descriptions/common';
import { forEachItem, workflowActor } from '../../../../shared/run';
import { consortiumFor } from '../../../../shared/store';

const properties: INodeProperties[] = [
	{
		displayName: '日期 Date',
		name: 'date',
		type: 'string',
		required: true,
		default: '',
		placeholder: '2027-01-01',
		description: 'YYYY-MM-DD，联合体时区的日历日 Calendar date in the consortium time zone',
	},
	{
		displayName: '类型 Kind',
		name: 'kind',
		type: 'options',
		options: vocabularyOptions(CALENDAR_KINDS, CALENDAR_KIND_LABELS),
		default: 'holiday',
		description:
			'放假：即使是工作日也不上班；调休上班：即使是周末也上班 Holiday: no work even on a weekday; Working Day: work even on a weekend',
	},
	{
		displayName: '名称 Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: '元旦',
	},
];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['calendar'], operation: ['upsert'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const { store } = await consortiumFor(this);
	return forEachItem(
		this,
		async (i) =>
			(await upsertCalendarDay(
				store,
				{
					date: this.getNodeParameter('date', i),
					kind: this.getNodeParameter('kind', i),
					name: this.getNodeParameter('name', i),
				},
				workflowActor(this),
			)) as unknown as IDataObject,
	);
}
