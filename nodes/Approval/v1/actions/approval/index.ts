import type { INodeProperties } from 'n8n-workflow';
import * as requestApproval from './requestApproval.operation';
import * as resubmit from './resubmit.operation';

export const operations = { requestApproval, resubmit };

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
			{
				name: '重新提交 Resubmit',
				value: 'resubmit',
				action: '重新提交 Resubmit a returned request and wait for the result',
			},
		],
		default: 'requestApproval',
	},
	...requestApproval.description,
	...resubmit.description,
];
