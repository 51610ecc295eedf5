import type { INodeProperties } from 'n8n-workflow';
import { resourceOperations } from '../../../../shared/descriptions/common';
import { patentOperations } from './operations';
import * as feeSchedule from './feeSchedule.operation';
import * as recordFee from './recordFee.operation';
import * as transition from './transition.operation';

export const operations = {
	create: patentOperations.create,
	get: patentOperations.get,
	update: patentOperations.update,
	list: patentOperations.list,
	transition,
	recordFee,
	feeSchedule,
	import: patentOperations.import,
};

export const description: INodeProperties[] = resourceOperations(
	'patent',
	[
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
	'create',
	operations,
);
