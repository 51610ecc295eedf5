import type { INodeProperties } from 'n8n-workflow';
import { indicatorEntryOperations } from './operations';
import { entityOperationProperty } from '../../../../shared/entityOperations';

export const operations = {
	create: indicatorEntryOperations.create,
	get: indicatorEntryOperations.get,
	update: indicatorEntryOperations.update,
	upsert: indicatorEntryOperations.upsert,
	list: indicatorEntryOperations.list,
	delete: indicatorEntryOperations.delete,
	bulkUpsert: indicatorEntryOperations.bulkUpsert,
};

export const description: INodeProperties[] = [
	entityOperationProperty('indicatorEntry', {
		zh: '指标记录',
		one: 'an indicator entry',
		many: 'indicator entries',
	}),
	...Object.values(operations).flatMap((op) => op.description),
];
