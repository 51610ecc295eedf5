import { addOrganisationReference, addPersonReference } from '../directory';
import './schema';

export * from './lifecycle';
export * from './rules';
export * from './vocabulary';
export * from './proposal';
export * from './view';
export * from './courses';
export * from './deliverables';
export type * from './schema';

// Courses name partners, leads and team members: the directory refuses to delete them meanwhile.
addOrganisationReference('course_partner', 'organisation_id');
addPersonReference('course', 'enterprise_lead_id');
addPersonReference('course_member', 'person_id');
