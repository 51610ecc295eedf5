import { organisations } from '../../../../../core/directory';
import { entityOperations } from '../../../../shared/entityOperations';
import { organisationFields, organisationFilters } from './fields';

export const organisationOperations = entityOperations(
	'organisation',
	organisations,
	organisationFields,
	organisationFilters,
);
