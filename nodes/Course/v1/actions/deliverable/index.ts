import type { INodeProperties } from 'n8n-workflow';
import { deliverableOperations } from './operations';

export const operations = {
	create: deliverableOperations.create,
	update: deliverableOperations.update,
	list: deliverableOperations.list,
};

export const description: INodeProperties[] = [
	{
		displayName: '操作 Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['deliverable'] } },
		options: [
			{ name: '创建 Create', value: 'create', action: '创建 Create a deliverable' },
			{ name: '列表 List', value: 'list', action: '列表 List deliverables' },
			{ name: '更新 Update', value: 'update', action: '更新 Update a deliverable' },
		],
		default: 'create',
	},
	...Object.values(operations).flatMap((op) => op.description),
];
