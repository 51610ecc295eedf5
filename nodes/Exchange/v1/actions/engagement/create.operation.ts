import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { createEngagement, type EngagementInput } from '../../../../../core/exchange';
import { fieldProperties, readFields } from '../../../../shared/descriptions/fields';
import { forEachItem, workflowActor } from '../../../../shared/run';
import { consortiumFor } from '../../../../shared/store';
import { engagementFields } from './fields';

export const description: INodeProperties[] = fieldProperties(engagementFields, {
	resource: ['engagement'],
	operation: ['create'],
});

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const { store } = await consortiumFor(this);
	return forEachItem(
		this,
		async (i) =>
			(await createEngagement(
				store,
				readFields(this, i, engagementFields) as unknown as EngagementInput,
				workflowActor(this),
			)) as never,
	);
}
