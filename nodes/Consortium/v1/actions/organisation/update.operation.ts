import { organisationOperations } from './operations';

export const { description, execute } = organisationOperations['update'];
