import { type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { updateOperationDisplayOptions } from '../../../../shared/descriptions/common';
import { createEngagement, type EngagementInput } from '../../../../../core/exchange';
import { fieldProperties, readFields } from '../../../../shared/descriptions/fields';
import { forEachItem, workflowActor } from '../../../../shared/run';
import { consortiumFor } from '../../../../shared/store';
import { engagementFields } from './fields';

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['engagement'], operation: ['create'] } },
	fieldProperties(engagementFields),
);

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
