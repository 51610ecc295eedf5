import type { INodeProperties } from 'n8n-workflow';
import * as list from './list.operation';
import * as remind from './remind.operation';

export const operations = { list, remind };

export const description: INodeProperties[] = [
	{
		displayName: '操作 Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['deadline'] } },
		options: [
			{
				name: '列出期限 List in Window',
				value: 'list',
				action: '列出期限 List deadlines in a window',
			},
			{
				name: '生成提醒 Build Reminders',
				value: 'remind',
				action: '生成提醒 Build one reminder email per owner',
			},
		],
		default: 'list',
	},
	...Object.values(operations).flatMap((op) => op.description),
];
