import { patentOperations } from './operations';

export const { description, execute } = patentOperations['create'];
