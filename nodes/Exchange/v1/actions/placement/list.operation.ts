import { listPlacements } from '../../../../../core/exchange';
import { listOperation } from '../../../../shared/listOperation';
import { placementFilters } from './fields';

export const { description, execute } = listOperation(
	'placement',
	listPlacements,
	placementFilters,
);
