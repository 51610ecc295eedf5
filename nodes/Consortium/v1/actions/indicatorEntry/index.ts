import type { INodeProperties } from 'n8n-workflow';
import { entityOperationProperty } from '../../../../shared/entityOperations';
import * as bulkUpsert from './bulkUpsert.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as list from './list.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export const operations = { create, get, update, upsert, list, delete: del, bulkUpsert };

export const description: INodeProperties[] = [
	entityOperationProperty('indicatorEntry', {
		zh: '指标记录',
		one: 'an indicator entry',
		many: 'indicator entries',
	}),
	...Object.values(operations).flatMap((op) => op.description),
];
