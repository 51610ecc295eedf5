import { indicatorEntries } from '../../../../../core/scoreboard';
import { entityOperations } from '../../../../shared/entityOperations';
import { indicatorEntryFields, indicatorEntryFilters } from './fields';

export const indicatorEntryOperations = entityOperations(
	'indicatorEntry',
	indicatorEntries,
	indicatorEntryFields,
	indicatorEntryFilters,
);
