import {
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { updateOperationDisplayOptions } from '../../../../shared/descriptions/common';
import { listLogs } from '../../../../../core/exchange';
import { readId } from '../../../../shared/params';
import { forEachItem } from '../../../../shared/run';
import { consortiumFor } from '../../../../shared/store';

const properties: INodeProperties[] = [
	{
		displayName: '实践记录 ID Placement ID',
		name: 'placementId',
		type: 'string',
		required: true,
		default: '',
	},
];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['weeklyLog'], operation: ['list'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const { store } = await consortiumFor(this);
	return forEachItem(
		this,
		async (i) =>
			(await listLogs(store, readId(this, i, 'placementId', '实践记录 ID Placement ID'))) as never,
	);
}
