import {
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { getPlacement } from '../../../../../core/exchange';
import {
	recordIdProperty,
	updateOperationDisplayOptions,
} from '../../../../shared/descriptions/common';
import { readId } from '../../../../shared/params';
import { forEachItem } from '../../../../shared/run';
import { consortiumFor } from '../../../../shared/store';

const properties: INodeProperties[] = [recordIdProperty('实践记录 ID Placement ID')];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['placement'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const { store } = await consortiumFor(this);
	return forEachItem(this, async (i) => (await getPlacement(store, readId(this, i))) as never);
}
