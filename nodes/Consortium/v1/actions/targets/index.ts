import type { INodeProperties } from 'n8n-workflow';
import * as list from './list.operation';
import * as set from './set.operation';

export const operations = { list, set };

export const description: INodeProperties[] = [
	{
		displayName: '操作 Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['targets'] } },
		options: [
			{ name: '列表 List', value: 'list', action: '列表 List the targets of a year' },
			{ name: '设置 Set', value: 'set', action: '设置 Set one indicator target' },
		],
		default: 'list',
	},
	...list.description,
	...set.description,
];
