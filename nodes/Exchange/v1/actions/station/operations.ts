import { stations } from '../../../../../core/exchange';
import { entityOperations } from '../../../../shared/entityOperations';
import { stationFields, stationFilters } from './fields';

export const stationOperations = entityOperations(
	'station',
	stations,
	stationFields,
	stationFilters,
);
