import type { INodeProperties } from 'n8n-workflow';
import { resourceOperations } from '../../../../shared/descriptions/common';
import * as check from './check.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as list from './list.operation';
import * as transition from './transition.operation';
import * as update from './update.operation';

export const operations = { create, check, get, list, update, transition };

export const description: INodeProperties[] = resourceOperations(
	'placement',
	[
		{ name: '修改计划 Update', value: 'update', action: '修改计划 Update a planned placement' },
		{ name: '列表 List', value: 'list', action: '列表 List placements' },
		{ name: '创建 Create', value: 'create', action: '创建 Create a placement' },
		{
			name: '变更状态 Transition',
			value: 'transition',
			action: '变更状态 Move a placement along its lifecycle',
		},
		{
			name: '校验登记 Check',
			value: 'check',
			action: '校验登记 Check a placement without saving it',
		},
		{ name: '获取 Get', value: 'get', action: '获取 Get a placement' },
	],
	'create',
	operations,
);
