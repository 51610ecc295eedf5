import { getPlacement } from '../../../../../core/exchange';
import { recordIdProperty } from '../../../../shared/descriptions/common';
import { perItemOperation } from '../../../../shared/operation';

export const { description, execute } = perItemOperation(
	{ resource: 'placement', operation: 'get' },
	[recordIdProperty('实践记录 ID Placement ID')],
	({ store, id }) => getPlacement(store, id()),
);
