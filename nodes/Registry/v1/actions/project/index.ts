import type { INodeProperties } from 'n8n-workflow';
import { resourceOperations } from '../../../../shared/descriptions/common';
import { projectOperations } from './operations';
import * as addMilestone from './addMilestone.operation';
import * as amend from './amend.operation';
import * as check from './check.operation';
import * as linkOutput from './linkOutput.operation';
import * as recordFunds from './recordFunds.operation';
import * as transition from './transition.operation';

export const operations = {
	create: projectOperations.create,
	check,
	get: projectOperations.get,
	update: projectOperations.update,
	amend,
	list: projectOperations.list,
	transition,
	addMilestone,
	recordFunds,
	linkOutput,
	import: projectOperations.import,
};

export const description: INodeProperties[] = resourceOperations(
	'project',
	[
		{
			name: '关联成果 Link Output',
			value: 'linkOutput',
			action: '关联成果 Link an output to a project',
		},
		{ name: '列表 List', value: 'list', action: '列表 List research projects' },
		{ name: '创建 Create', value: 'create', action: '创建 Create a research project' },
		{ name: '导入台账 Import', value: 'import', action: '导入台账 Import project ledger rows' },
		{ name: '更新 Update', value: 'update', action: '更新 Update a research project' },
		{
			name: '修改重报 Amend',
			value: 'amend',
			action: '修改重报 Correct a returned research project declaration',
		},
		{
			name: '校验申报 Check',
			value: 'check',
			action: '校验申报 Check a research project without saving it',
		},
		{
			name: '添加里程碑 Add Milestone',
			value: 'addMilestone',
			action: '添加里程碑 Add a milestone',
		},
		{
			name: '状态变更 Transition',
			value: 'transition',
			action: '状态变更 Move a project to its next status',
		},
		{
			name: '登记到账 Record Funds',
			value: 'recordFunds',
			action: '登记到账 Record funds received',
		},
		{ name: '获取 Get', value: 'get', action: '获取 Get a research project' },
	],
	'create',
	operations,
);
