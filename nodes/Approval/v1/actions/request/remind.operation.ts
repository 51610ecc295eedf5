import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateOperationDisplayOptions } from '../../../../shared/descriptions/common';
import {
	inboxEmail,
	issueInbox,
	linkEndpoint,
	loadRecord,
	remind,
	remindDue,
	type ApprovalEnv,
	type Change,
} from '../../../../../core/approval';
import { ValidationError } from '../../../../../core/util/errors';
import { forEachItem, workflowActor } from '../../../../shared/run';
import { approvalEnv, changeItems, readNote } from './common';

const properties: INodeProperties[] = [
	{
		displayName: '审批 ID 或编号 Request ID or Number',
		name: 'requestId',
		type: 'string',
		default: '',
		placeholder: 'KC-2026-0001',
		description:
			"留空则催办所有已到催办间隔的审批人（适合定时工作流） Empty reminds every approver whose stage's reminder interval has passed (for a scheduled workflow)",
	},
	{
		displayName: '催办方式 Remind With',
		name: 'remindWith',
		type: 'options',
		options: [
			{
				name: '单项链接：每项审批一封 One Mail per Request',
				value: 'request',
				description: '每封邮件带该项审批的原链接 Each mail carries that request’s own link',
			},
			{
				name: '待办链接：每人一封 One Inbox Mail per Approver',
				value: 'inbox',
				description:
					'每位审批人一封，列出被催办的各项并附个人待办链接（新链接生成后旧待办链接失效） One mail per approver listing what is reminded, with a fresh inbox link (the previous inbox link stops)',
			},
		],
		default: 'request',
		description: '本联合体设置 Local setting',
	},
];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['request'], operation: ['remind'] } },
	properties,
);

/** Groups the reminded slots by approver: one inbox link and one mail each. */
async function inboxReminders(ctx: IExecuteFunctions, env: ApprovalEnv, changes: Change[]) {
	const waiting = new Map<string, Array<{ requestNumber: string; title: string }>>();
	for (const change of changes) {
		if (!change.opened.length) continue;
		const record = await loadRecord(env.store.db, change.requestId);
		for (const slot of change.opened) {
			const list = waiting.get(slot.email) ?? [];
			list.push({ requestNumber: record.requestNumber, title: record.subject.title });
			waiting.set(slot.email, list);
		}
	}
	const items: IDataObject[] = [];
	for (const [email, reminding] of waiting) {
		const inbox = await issueInbox(env, { email }, workflowActor(ctx));
		items.push({
			...inbox,
			to: inbox.email,
			kind: 'reminder',
			requests: reminding.map((r) => r.requestNumber),
			...inboxEmail(inbox, env.settings.timeZone, reminding),
		});
	}
	return items;
}

/**
 * 催办: one reminder item per pending approver, with the very link of their first message;
 * or, reminding with the inbox, one item per approver with a fresh inbox link.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const env = await approvalEnv(this);
	return forEachItem(this, async (i) => {
		const requestId = readNote(this, i, 'requestId', '审批 ID 或编号 Request ID or Number') ?? '';
		const withInbox = this.getNodeParameter('remindWith', i, 'request') === 'inbox';
		// Checked first: a reminder recorded without a mail to carry it would be lost.
		if (withInbox && !(await linkEndpoint(env.store)))
			throw new ValidationError(
				'审批链接工作流未启用，无法用待办链接催办 / The Approval Links workflow is not active, so there is no inbox link to remind with',
				'remindWith',
				'endpoint',
			);
		const changes = requestId
			? [await remind(env, requestId, workflowActor(this))]
			: await remindDue(env, workflowActor(this));
		if (withInbox) return inboxReminders(this, env, changes);
		const items = [];
		for (const change of changes) items.push(...(await changeItems(env, change, 'reminder')));
		return items;
	});
}
