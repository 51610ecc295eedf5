import type { INodeProperties } from 'n8n-workflow';
import { personOperations } from './operations';
import { entityOperationProperty } from '../../../../shared/entityOperations';

export const operations = {
	create: personOperations.create,
	get: personOperations.get,
	update: personOperations.update,
	upsert: personOperations.upsert,
	list: personOperations.list,
	delete: personOperations.delete,
	bulkUpsert: personOperations.bulkUpsert,
};

export const description: INodeProperties[] = [
	entityOperationProperty('person', { zh: '人员', one: 'a person', many: 'people' }),
	...Object.values(operations).flatMap((op) => op.description),
];
