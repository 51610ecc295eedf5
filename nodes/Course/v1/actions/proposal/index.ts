import type { INodeProperties } from 'n8n-workflow';
import { resourceOperations } from '../../../../shared/descriptions/common';
import * as advance from './advance.operation';
import * as check from './check.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as list from './list.operation';
import * as returnToDraft from './returnToDraft.operation';
import * as submit from './submit.operation';
import * as update from './update.operation';
import * as withdraw from './withdraw.operation';
import * as writeLedger from './writeLedger.operation';

export const operations = {
	create,
	check,
	get,
	update,
	list,
	submit,
	advance,
	withdraw,
	returnToDraft,
	writeLedger,
};

export const description: INodeProperties[] = resourceOperations(
	'proposal',
	[
		{
			name: '写入台账 Write Ledger',
			value: 'writeLedger',
			action: '写入台账 Rebuild the ledger xlsx of approved courses',
		},
		{ name: '列表 List', value: 'list', action: '列表 List course proposals' },
		{ name: '创建 Create', value: 'create', action: '创建 Create a course proposal' },
		{ name: '推进 Advance', value: 'advance', action: '推进 Advance a course to its next state' },
		{ name: '提交 Submit', value: 'submit', action: '提交 Submit a course proposal' },
		{ name: '撤回 Withdraw', value: 'withdraw', action: '撤回 Withdraw a course proposal' },
		{ name: '更新 Update', value: 'update', action: '更新 Update a course proposal' },
		{
			name: '校验申报 Check',
			value: 'check',
			action: '校验申报 Check a course proposal without saving it',
		},
		{ name: '获取 Get', value: 'get', action: '获取 Get a course proposal' },
		{
			name: '退回修改 Return to Draft',
			value: 'returnToDraft',
			action: '退回修改 Return a course proposal for revision',
		},
	],
	'create',
	operations,
);
