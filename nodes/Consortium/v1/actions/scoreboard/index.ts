import type { INodeProperties } from 'n8n-workflow';
import * as compute from './compute.operation';
import * as report from './report.operation';

export const operations = { compute, report };

export const description: INodeProperties[] = [
	{
		displayName: '操作 Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['scoreboard'] } },
		options: [
			{
				name: '计算指标 Compute',
				value: 'compute',
				action: '计算指标 Compute the indicators for a period',
			},
			{ name: '生成报告 Report', value: 'report', action: '生成报告 Build the scoreboard email' },
		],
		default: 'compute',
	},
	...compute.description,
	...report.description,
];
