import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { getEngagement } from '../../../../../core/exchange';
import { recordIdProperty } from '../../../../shared/descriptions/common';
import { readId } from '../../../../shared/params';
import { forEachItem } from '../../../../shared/run';
import { consortiumFor } from '../../../../shared/store';

export const description: INodeProperties[] = [
	recordIdProperty({ resource: ['engagement'], operation: ['get'] }, '授课记录 ID Engagement ID'),
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const { store } = await consortiumFor(this);
	return forEachItem(this, async (i) => (await getEngagement(store, readId(this, i))) as never);
}
