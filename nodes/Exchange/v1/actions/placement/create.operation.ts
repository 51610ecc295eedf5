import { createPlacement, type PlacementInput } from '../../../../../core/exchange';
import { fieldProperties, readFields } from '../../../../shared/descriptions/fields';
import { perItemOperation } from '../../../../shared/operation';
import { placementFields } from './fields';

export const { description, execute } = perItemOperation(
	{ resource: 'placement', operation: 'create' },
	fieldProperties(placementFields),
	({ ctx, i, store, actor }) =>
		createPlacement(store, readFields(ctx, i, placementFields) as unknown as PlacementInput, actor),
);
