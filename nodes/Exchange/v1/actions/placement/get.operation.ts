import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { getPlacement } from '../../../../../core/exchange';
import { recordIdProperty } from '../../../../shared/descriptions/common';
import { forEachItem } from '../../../../shared/run';
import { consortiumFor } from '../../../../shared/store';

export const description: INodeProperties[] = [recordIdProperty({ resource: ['placement'], operation: ['get'] }, '实践记录 ID Placement ID')];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const { store } = await consortiumFor(this);
	return forEachItem(this, async (i) => (await getPlacement(store, this.getNodeParameter('id', i) as string)) as never);
}
