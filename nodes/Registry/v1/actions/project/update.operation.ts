import { projectOperations } from './operations';

export const { description, execute } = projectOperations['update'];
