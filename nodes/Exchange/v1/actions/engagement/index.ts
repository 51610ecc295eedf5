import type { INodeProperties } from 'n8n-workflow';
import { resourceOperations } from '../../../../shared/descriptions/common';
import * as addSession from './addSession.operation';
import * as checkQualification from './checkQualification.operation';
import * as create from './create.operation';
import * as evaluate from './evaluate.operation';
import * as get from './get.operation';
import * as list from './list.operation';
import * as transition from './transition.operation';

export const operations = {
	create,
	get,
	list,
	addSession,
	evaluate,
	checkQualification,
	transition,
};

export const description: INodeProperties[] = resourceOperations(
	'engagement',
	[
		{ name: '列表 List', value: 'list', action: '列表 List engagements' },
		{ name: '创建 Create', value: 'create', action: '创建 Create an engagement' },
		{
			name: '变更状态 Transition',
			value: 'transition',
			action: '变更状态 Move an engagement along its lifecycle',
		},
		{
			name: '登记课时 Add Session',
			value: 'addSession',
			action: '登记课时 Add a taught session',
		},
		{
			name: '系部评价 Evaluate',
			value: 'evaluate',
			action: '系部评价 Record the department evaluation',
		},
		{ name: '获取 Get', value: 'get', action: '获取 Get an engagement' },
		{
			name: '资格审核 Check Qualification',
			value: 'checkQualification',
			action: '资格审核 Check the qualification of a technician',
		},
	],
	'create',
	operations,
);
