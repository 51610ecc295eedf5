import { getPlacement } from '../../../../../core/exchange';
import { perItemOperation } from '../../../../shared/operation';
import { placementIdProperty } from './fields';

export const { description, execute } = perItemOperation(
	{ resource: 'placement', operation: 'get' },
	[placementIdProperty],
	({ store, id }) => getPlacement(store, id()),
);
