import { listEngagements } from '../../../../../core/exchange';
import { listOperation } from '../../../../shared/listOperation';
import { engagementFilters } from './fields';

export const { description, execute } = listOperation(
	'engagement',
	listEngagements,
	engagementFilters,
);
