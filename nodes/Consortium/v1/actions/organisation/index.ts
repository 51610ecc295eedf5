import type { INodeProperties } from 'n8n-workflow';
import { organisationOperations } from './operations';
import { entityOperationProperty } from '../../../../shared/entityOperations';

export const operations = {
	create: organisationOperations.create,
	get: organisationOperations.get,
	update: organisationOperations.update,
	upsert: organisationOperations.upsert,
	list: organisationOperations.list,
	delete: organisationOperations.delete,
	bulkUpsert: organisationOperations.bulkUpsert,
};

export const description: INodeProperties[] = [
	entityOperationProperty('organisation', {
		zh: '单位',
		one: 'an organisation',
		many: 'organisations',
	}),
	...Object.values(operations).flatMap((op) => op.description),
];
