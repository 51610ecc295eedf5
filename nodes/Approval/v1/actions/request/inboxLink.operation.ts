import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateOperationDisplayOptions } from '../../../../shared/descriptions/common';
import {
	DEFAULT_INBOX_DAYS,
	inboxEmail,
	issueInbox,
	MAX_INBOX_DAYS,
	waitingApprovers,
} from '../../../../../core/approval';
import { forEachItem, workflowActor } from '../../../../shared/run';
import { approvalEnv } from './common';

const properties: INodeProperties[] = [
	{
		displayName: '审批人邮箱 Approver Email',
		name: 'email',
		type: 'string',
		placeholder: 'head@college.edu.cn',
		default: '',
		description:
			'留空则给每位有待办的审批人各生成一个（适合每周定时发送） Empty issues one for every approver something waits on (for a weekly schedule)',
	},
	{
		displayName: '有效天数 Valid for Days',
		name: 'days',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_INBOX_DAYS, numberPrecision: 0 },
		default: DEFAULT_INBOX_DAYS,
		description:
			'本联合体设置：新链接生成后，此人旧的待办链接即失效 Local setting; issuing a new link revokes the previous one for this person',
	},
];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['request'], operation: ['inboxLink'] } },
	properties,
);

/** 待办链接: one item per person with the link and a ready mail (`to`, `subject`, `html`, `text`). */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const env = await approvalEnv(this);
	return forEachItem(this, async (i) => {
		const email = this.getNodeParameter('email', i, '');
		const days = this.getNodeParameter('days', i, '');
		const people = email === '' ? await waitingApprovers(env) : [email];
		const items = [];
		for (const person of people) {
			const inbox = await issueInbox(env, { email: person, days }, workflowActor(this));
			items.push({ ...inbox, to: inbox.email, ...inboxEmail(inbox, env.settings.timeZone) });
		}
		return items;
	});
}
