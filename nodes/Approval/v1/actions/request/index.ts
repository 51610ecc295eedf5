import type { INodeProperties } from 'n8n-workflow';
import * as addApprover from './addApprover.operation';
import * as check from './check.operation';
import * as checkAmendToken from './checkAmendToken.operation';
import * as delegate from './delegate.operation';
import * as endDelegation from './endDelegation.operation';
import * as expireOverdue from './expireOverdue.operation';
import * as failureNotice from './failureNotice.operation';
import * as get from './get.operation';
import * as inboxLink from './inboxLink.operation';
import * as list from './list.operation';
import * as reassign from './reassign.operation';
import * as revokeInbox from './revokeInbox.operation';
import * as redeliver from './redeliver.operation';
import * as remind from './remind.operation';
import * as retryHandOvers from './retryHandOvers.operation';
import * as withdraw from './withdraw.operation';

export const operations = {
	get,
	list,
	remind,
	reassign,
	addApprover,
	withdraw,
	expireOverdue,
	redeliver,
	check,
	failureNotice,
	inboxLink,
	revokeInbox,
	delegate,
	endDelegation,
	retryHandOvers,
	checkAmendToken,
};

export const description: INodeProperties[] = [
	{
		displayName: '操作 Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['request'] } },
		options: [
			{ name: '催办 Remind', value: 'remind', action: '催办 Remind pending approvers' },
			{ name: '列表 List', value: 'list', action: '列表 List requests' },
			{
				name: '加签 Add Approver',
				value: 'addApprover',
				action: '加签 Add an approver to the current stage',
			},
			{
				name: '失败通知 Failure Notice',
				value: 'failureNotice',
				action: '失败通知 Compose the notice of a failed execution',
			},
			{
				name: '委托 Delegate',
				value: 'delegate',
				action: '委托 Name a deputy for an approver for a date range',
			},
			{
				name: '待办链接 Inbox Link',
				value: 'inboxLink',
				action: '待办链接 Issue an approver a personal inbox link',
			},
			{ name: '撤回 Withdraw', value: 'withdraw', action: '撤回 Withdraw a request' },
			{
				name: '撤销待办链接 Revoke Inbox Link',
				value: 'revokeInbox',
				action: '撤销待办链接 Revoke an approver inbox link',
			},
			{
				name: '校验修改令牌 Check Amend Token',
				value: 'checkAmendToken',
				action: '校验修改令牌 Check the amend token of a returned request',
			},
			{
				name: '校验申请 Check',
				value: 'check',
				action: '校验申请 Check a request against an approval node without starting it',
			},
			{
				name: '结束委托 End Delegation',
				value: 'endDelegation',
				action: '结束委托 End an approver delegation',
			},
			{ name: '获取 Get', value: 'get', action: '获取 Get a request with its decisions' },
			{
				name: '补投结果 Redeliver Result',
				value: 'redeliver',
				action: '补投结果 Redeliver the results a failed execution carried',
			},
			{
				name: '超时处理 Expire Overdue',
				value: 'expireOverdue',
				action: '超时处理 Apply timeout actions to overdue requests',
			},
			{ name: '转交 Reassign', value: 'reassign', action: '转交 Reassign a pending approver' },
			{
				name: '重新交接 Retry Hand-Overs',
				value: 'retryHandOvers',
				action: '重新交接 Hand stalled decisions over to their waiting executions again',
			},
		],
		default: 'get',
	},
	...Object.values(operations).flatMap((op) => op.description),
];
