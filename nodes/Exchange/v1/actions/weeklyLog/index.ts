import type { INodeProperties } from 'n8n-workflow';
import * as add from './add.operation';
import * as confirm from './confirm.operation';
import * as list from './list.operation';

export const operations = { add, confirm, list };

export const description: INodeProperties[] = [
	{
		displayName: '操作 Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['weeklyLog'] } },
		options: [
			{ name: '填写 Add', value: 'add', action: '填写 Add a weekly log' },
			{ name: '导师确认 Confirm', value: 'confirm', action: '导师确认 Confirm a weekly log' },
			{ name: '列表 List', value: 'list', action: '列表 List the weekly logs of a placement' },
		],
		default: 'add',
	},
	...Object.values(operations).flatMap((op) => op.description),
];
