import type { INodeProperties } from 'n8n-workflow';
import * as requestApproval from './requestApproval.operation';

export const operations = { requestApproval };

export const description: INodeProperties[] = [
	{
		displayName: '操作 Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['approval'] } },
		options: [
			{
				name: '发起审批 Request Approval',
				value: 'requestApproval',
				action: '发起审批 Request approval and wait for the result',
			},
		],
		default: 'requestApproval',
	},
	...requestApproval.description,
];
