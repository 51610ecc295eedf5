import { getEngagement } from '../../../../../core/exchange';
import { perItemOperation } from '../../../../shared/operation';
import { engagementIdProperty } from './fields';

export const { description, execute } = perItemOperation(
	{ resource: 'engagement', operation: 'get' },
	[engagementIdProperty],
	({ store, id }) => getEngagement(store, id()),
);
