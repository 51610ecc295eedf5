import { listLogs } from '../../../../../core/exchange';
import { perItemOperation } from '../../../../shared/operation';
import { placementIdProperty, readPlacementId } from './placementId';

export const { description, execute } = perItemOperation(
	{ resource: 'weeklyLog', operation: 'list' },
	[placementIdProperty],
	({ ctx, i, store }) => listLogs(store, readPlacementId(ctx, i)),
);
