import { personOperations } from './operations';

export const { description, execute } = personOperations['upsert'];
