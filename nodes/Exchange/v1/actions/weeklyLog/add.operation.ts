import {
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { updateOperationDisplayOptions } from '../../../../shared/descriptions/common';
import { addLog, type LogInput } from '../../../../../core/exchange';
import { fieldProperties, readFields, type FieldDef } from '../../../../shared/descriptions/fields';
import { readId } from '../../../../shared/params';
import { forEachItem, workflowActor } from '../../../../shared/run';
import { consortiumFor } from '../../../../shared/store';

const logFields: FieldDef[] = [
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

const properties: INodeProperties[] = [
	{
		displayName: '实践记录 ID Placement ID',
		name: 'placementId',
		type: 'string',
		required: true,
		default: '',
	},
	...fieldProperties(logFields),
];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['weeklyLog'], operation: ['add'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const { store } = await consortiumFor(this);
	return forEachItem(
		this,
		async (i) =>
			(await addLog(
				store,
				readId(this, i, 'placementId', '实践记录 ID Placement ID'),
				readFields(this, i, logFields) as unknown as LogInput,
				workflowActor(this),
			)) as never,
	);
}
