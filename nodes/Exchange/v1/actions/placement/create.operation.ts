import { type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { updateOperationDisplayOptions } from '../../../../shared/descriptions/common';
import { createPlacement, type PlacementInput } from '../../../../../core/exchange';
import { fieldProperties, readFields } from '../../../../shared/descriptions/fields';
import { forEachItem, workflowActor } from '../../../../shared/run';
import { consortiumFor } from '../../../../shared/store';
import { placementFields } from './fields';

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['placement'], operation: ['create'] } },
	fieldProperties(placementFields),
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const { store } = await consortiumFor(this);
	return forEachItem(this, async (i) => {
		const placement = await createPlacement(
			store,
			readFields(this, i, placementFields) as unknown as PlacementInput,
			workflowActor(this),
		);
		return placement as never;
	});
}
