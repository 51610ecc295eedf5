import { createEngagement, type EngagementInput } from '../../../../../core/exchange';
import { fieldProperties, readFields } from '../../../../shared/descriptions/fields';
import { perItemOperation } from '../../../../shared/operation';
import { engagementFields } from './fields';

export const { description, execute } = perItemOperation(
	{ resource: 'engagement', operation: 'create' },
	fieldProperties(engagementFields),
	({ ctx, i, store, actor }) =>
		createEngagement(
			store,
			readFields(ctx, i, engagementFields) as unknown as EngagementInput,
			actor,
		),
);
