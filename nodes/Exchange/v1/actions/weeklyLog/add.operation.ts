import { addLog, type LogInput } from '../../../../../core/exchange';
import { fieldProperties, readFields } from '../../../../shared/descriptions/fields';
import { perItemOperation } from '../../../../shared/operation';
import { weeklyLogFields } from './fields';
import { placementIdProperty, readPlacementId } from './placementId';

export const { description, execute } = perItemOperation(
	{ resource: 'weeklyLog', operation: 'add' },
	[placementIdProperty, ...fieldProperties(weeklyLogFields)],
	({ ctx, i, store, actor }) =>
		addLog(
			store,
			readPlacementId(ctx, i),
			readFields(ctx, i, weeklyLogFields) as unknown as LogInput,
			actor,
		),
);
