import {
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { updatePlacement, type PlacementInput } from '../../../../../core/exchange';
import {
	recordIdProperty,
	updateOperationDisplayOptions,
} from '../../../../shared/descriptions/common';
import { readFields, updateFieldProperties } from '../../../../shared/descriptions/fields';
import { readId } from '../../../../shared/params';
import { forEachItem, workflowActor } from '../../../../shared/run';
import { consortiumFor } from '../../../../shared/store';
import { placementFields } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: '只有 “计划” 状态的实践可以修改 Only a planned placement can be edited',
		name: 'updateNotice',
		type: 'notice',
		default: '',
	},
	recordIdProperty('实践记录 ID Placement ID'),
	...updateFieldProperties(placementFields),
];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['placement'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const { store } = await consortiumFor(this);
	return forEachItem(
		this,
		async (i) =>
			(await updatePlacement(
				store,
				readId(this, i),
				readFields(this, i, placementFields, 'updateFields') as Partial<PlacementInput>,
				workflowActor(this),
			)) as never,
	);
}
