import './schema';
import { addOrganisationReference } from '../directory/organisation';
import { addPersonReference } from '../directory/person';

export * from './patent-number';
export * from './fees';
export * from './dates';
export * from './lifecycle';
export * from './schema';
export * from './parties';
export * from './deadlines';
export * from './history';
export * from './patent-record';
export * from './patent-fees';
export * from './patents';
export * from './projects';
export * from './import';

// Directory records that patents and projects point at cannot be deleted from under them.
addPersonReference('registry_patent', 'contact_id');
addPersonReference('registry_patent_party', 'person_id');
addPersonReference('registry_project', 'pi_id');
addOrganisationReference('registry_patent_party', 'organisation_id');
addOrganisationReference('registry_project', 'client_id');
export * from './reminders';
