import { updatePlacement, type PlacementInput } from '../../../../../core/exchange';
import { readFields, updateFieldProperties } from '../../../../shared/descriptions/fields';
import { perItemOperation } from '../../../../shared/operation';
import { placementFields, placementIdProperty } from './fields';

export const { description, execute } = perItemOperation(
	{ resource: 'placement', operation: 'update' },
	[
		{
			displayName: '只有 “计划” 状态的实践可以修改 Only a planned placement can be edited',
			name: 'updateNotice',
			type: 'notice',
			default: '',
		},
		placementIdProperty,
		...updateFieldProperties(placementFields),
	],
	({ ctx, i, store, actor, id }) =>
		updatePlacement(
			store,
			id(),
			readFields(ctx, i, placementFields, 'updateFields') as Partial<PlacementInput>,
			actor,
		),
);
