import type { INodeProperties } from 'n8n-workflow';
import * as create from './create.operation';
import * as feeSchedule from './feeSchedule.operation';
import * as get from './get.operation';
import * as importRows from './import.operation';
import * as list from './list.operation';
import * as recordFee from './recordFee.operation';
import * as transition from './transition.operation';
import * as update from './update.operation';

export const operations = {
	create,
	get,
	update,
	list,
	transition,
	recordFee,
	feeSchedule,
	import: importRows,
};

export const description: INodeProperties[] = [
	{
		displayName: '操作 Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['patent'] } },
		options: [
			{ name: '列表 List', value: 'list', action: '列表 List patents' },
			{ name: '创建 Create', value: 'create', action: '创建 Create a patent' },
			{ name: '导入台账 Import', value: 'import', action: '导入台账 Import patent ledger rows' },
			{
				name: '年费计划 Fee Schedule',
				value: 'feeSchedule',
				action: '年费计划 Get the annual fee schedule',
			},
			{ name: '更新 Update', value: 'update', action: '更新 Update a patent' },
			{
				name: '状态变更 Transition',
				value: 'transition',
				action: '状态变更 Move a patent to its next status',
			},
			{
				name: '登记缴费 Record Fee Payment',
				value: 'recordFee',
				action: '登记缴费 Record an annual fee payment',
			},
			{ name: '获取 Get', value: 'get', action: '获取 Get a patent' },
		],
		default: 'create',
	},
	...Object.values(operations).flatMap((op) => op.description),
];
