import { getEngagement } from '../../../../../core/exchange';
import { recordIdProperty } from '../../../../shared/descriptions/common';
import { perItemOperation } from '../../../../shared/operation';

export const { description, execute } = perItemOperation(
	{ resource: 'engagement', operation: 'get' },
	[recordIdProperty('授课记录 ID Engagement ID')],
	({ store, id }) => getEngagement(store, id()),
);
