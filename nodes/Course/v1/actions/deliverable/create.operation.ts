import { deliverableOperations } from './operations';

export const { description, execute } = deliverableOperations['create'];
