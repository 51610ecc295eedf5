import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { getPlacement } from '../../../../../core/exchange';
import { recordIdProperty } from '../../../../shared/descriptions/common';
import { readId } from '../../../../shared/params';
import { forEachItem } from '../../../../shared/run';
import { consortiumFor } from '../../../../shared/store';

export const description: INodeProperties[] = [
	recordIdProperty({ resource: ['placement'], operation: ['get'] }, '实践记录 ID Placement ID'),
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const { store } = await consortiumFor(this);
	return forEachItem(this, async (i) => (await getPlacement(store, readId(this, i))) as never);
}
