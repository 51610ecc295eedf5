import type { INodeProperties } from 'n8n-workflow';
import { stationOperations } from './operations';
import { resourceOperations } from '../../../../shared/descriptions/common';
import { entityOperationOptions } from '../../../../shared/entityOperations';

export const operations = {
	create: stationOperations.create,
	get: stationOperations.get,
	update: stationOperations.update,
	upsert: stationOperations.upsert,
	list: stationOperations.list,
	delete: stationOperations.delete,
	bulkUpsert: stationOperations.bulkUpsert,
};

export const description: INodeProperties[] = resourceOperations(
	'station',
	entityOperationOptions({ zh: '实践站点', one: 'a practice station', many: 'practice stations' }),
	'create',
	operations,
);
