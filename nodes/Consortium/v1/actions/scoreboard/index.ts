import type { INodeProperties } from 'n8n-workflow';
import * as compute from './compute.operation';
import * as page from './page.operation';
import * as report from './report.operation';
import * as workbook from './workbook.operation';

export const operations = { compute, report, workbook, page };

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
			{
				name: '看板页面 Render Page',
				value: 'page',
				action: '看板页面 Render the scoreboard as a web page',
			},
			{ name: '生成报告 Report', value: 'report', action: '生成报告 Build the scoreboard email' },
			{
				name: '生成工作簿 Workbook',
				value: 'workbook',
				action: '生成工作簿 Build an xlsx with a chart of actual vs target',
			},
		],
		default: 'compute',
	},
	...compute.description,
	...page.description,
	...report.description,
	...workbook.description,
];
