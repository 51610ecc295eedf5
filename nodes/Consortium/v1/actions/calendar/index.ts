import type { INodeProperties } from 'n8n-workflow';
import * as list from './list.operation';
import * as upsert from './upsert.operation';

export const operations = { list, upsert };

export const description: INodeProperties[] = [
	{
		displayName: '操作 Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['calendar'] } },
		options: [
			{ name: '列表 List', value: 'list', action: '列表 List holidays and 调休 working days' },
			// Chinese first, as everywhere in this package; n8n's rule wants the English name alone.
			{
				// eslint-disable-next-line n8n-nodes-base/node-param-option-name-wrong-for-upsert
				name: '创建或更新 Create or Update',
				value: 'upsert',
				action: '创建或更新 Set one date as a holiday or a working day',
			},
		],
		default: 'list',
	},
	...list.description,
	...upsert.description,
];
