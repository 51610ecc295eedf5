import { deliverables } from '../../../../../core/course';
import { entityOperations } from '../../../../shared/entityOperations';
import { deliverableFields, deliverableFilters } from './fields';

export const deliverableOperations = entityOperations(
	'deliverable',
	deliverables,
	deliverableFields,
	deliverableFilters,
);
