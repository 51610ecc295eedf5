import type { IDataObject, INodeProperties } from 'n8n-workflow';
import {
	CALENDAR_KIND_LABELS,
	CALENDAR_KINDS,
	upsertCalendarDay,
} from '../../../../../core/calendar';
import { vocabularyOptions } from '../../../../shared/descriptions/common';
import { perItemOperation } from '../../../../shared/operation';

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

export const { description, execute } = perItemOperation(
	{ resource: 'calendar', operation: 'upsert' },
	properties,
	async ({ param, store, actor }) =>
		(await upsertCalendarDay(
			store,
			{ date: param('date'), kind: param('kind'), name: param('name') },
			actor,
		)) as unknown as IDataObject,
);
