import type { INodeProperties } from 'n8n-workflow';
import { resourceOperations } from '../../../../shared/descriptions/common';
import { reportOperation } from './report';
import * as items from './items.operation';
import * as workbook from './workbook.operation';

export const operations = {
	fiveYear: reportOperation('fiveYear'),
	annual: reportOperation('annual'),
	newTeachers: reportOperation('newTeachers'),
	dualQualified: reportOperation('dualQualified'),
	stationUse: reportOperation('stationUse'),
	technicianHours: reportOperation('technicianHours'),
	items,
	workbook,
};

export const description: INodeProperties[] = resourceOperations(
	'compliance',
	[
		{
			name: '五年累计实践 Five-Year Practice',
			value: 'fiveYear',
			action: '五年累计实践 Practice days per teacher over five years',
		},
		{
			name: '双师型占比 Dual-Qualified Share',
			value: 'dualQualified',
			action: '双师型占比 Dual qualified share of professional teachers',
		},
		{
			name: '多项合规事项 Compliance Items',
			value: 'items',
			action: '多项合规事项 Several compliance reports as items',
		},
		{
			name: '技师学期课时 Technician Hours',
			value: 'technicianHours',
			action: '技师学期课时 Technician teaching hours per term',
		},
		{
			name: '新教师未安排实践 New Teachers Without Placement',
			value: 'newTeachers',
			action: '新教师未安排实践 New teachers without a placement',
		},
		{
			name: '本年度实践 Annual Practice',
			value: 'annual',
			action: '本年度实践 Practice days this year per teacher',
		},
		{
			name: '生成工作簿 Build Workbook',
			value: 'workbook',
			action: '生成工作簿 Build an xlsx with one sheet per report',
		},
		{
			name: '站点使用与容量 Station Use',
			value: 'stationUse',
			action: '站点使用与容量 Station use against capacity',
		},
	],
	'fiveYear',
	operations,
);
