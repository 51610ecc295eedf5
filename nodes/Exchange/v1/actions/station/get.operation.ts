import { stationOperations } from './operations';

export const { description, execute } = stationOperations['get'];
