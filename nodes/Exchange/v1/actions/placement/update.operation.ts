import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updatePlacement, type PlacementInput } from '../../../../../core/exchange';
import { recordIdProperty } from '../../../../shared/descriptions/common';
import { readFields, updateFieldProperties } from '../../../../shared/descriptions/fields';
import { readId } from '../../../../shared/params';
import { forEachItem, workflowActor } from '../../../../shared/run';
import { consortiumFor } from '../../../../shared/store';
import { placementFields } from './fields';

const show = { resource: ['placement'], operation: ['update'] };

export const description: INodeProperties[] = [
	{
		displayName: '只有 “计划” 状态的实践可以修改 Only a planned placement can be edited',
		name: 'updateNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	recordIdProperty(show, '实践记录 ID Placement ID'),
	...updateFieldProperties(placementFields, show),
];

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
