import { people } from '../../../../../core/directory';
import { entityOperations } from '../../../../shared/entityOperations';
import { personFields, personFilters } from './fields';

export const personOperations = entityOperations('person', people, personFields, personFilters);
