import { indicatorEntryOperations } from './operations';

export const { description, execute } = indicatorEntryOperations['upsert'];
