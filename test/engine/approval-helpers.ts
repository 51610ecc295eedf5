import type { IDataObject } from 'n8n-workflow';
import { CREDENTIAL_NAME } from '../../nodes/shared/store';
import type { Engine, Execution } from './harness';

/** n8n's own Send Email node as the Notify channel, wired as the shipped approval workflows wire it. */
export const sendEmailChannel: IDataObject = {
	type: 'n8n-nodes-base.emailSend',
	typeVersion: 2.1,
	credentials: { smtp: { id: 'smtp-local', name: 'smtp' } },
	parameters: {
		fromEmail: '联合体秘书处 <secretariat@consortium.example.cn>',
		toEmail: '={{ $json.to }}',
		subject: '={{ $json.subject }}',
		emailFormat: 'both',
		text: '={{ $json.text }}',
		html: '={{ $json.html }}',
		options: { appendAttribution: false, ccEmail: '={{ $json.cc }}' },
	},
};

/**
 * An approval workflow as users wire it: Start → Approval; Notify → a channel (here n8n's
 * No-Op standing in for Send Email) → back into Approval; Approved and Rejected each to
 * their own node.
 */
export function approvalWorkflow(
	parameters: IDataObject,
	channel: IDataObject = { type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} },
) {
	return {
		id: 'wf-approval',
		name: 'approval',
		nodes: [
			{
				id: 'start',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'approval-node-1',
				name: 'Approval',
				type: 'n8n-nodes-consortium.approval',
				typeVersion: 1,
				position: [200, 0],
				parameters: { resource: 'approval', operation: 'requestApproval', ...parameters },
				credentials: { [CREDENTIAL_NAME]: { id: '1', name: 'store' } },
			},
			{ id: 'send', name: 'Send', position: [400, 200], ...channel },
			{
				id: 'ok',
				name: 'On Approved',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [400, -200],
				parameters: {},
			},
			{
				id: 'no',
				name: 'On Rejected',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [400, 0],
				parameters: {},
			},
		],
		connections: {
			Start: { main: [[{ node: 'Approval', type: 'main', index: 0 }]] },
			Approval: {
				main: [
					[{ node: 'On Approved', type: 'main', index: 0 }],
					[{ node: 'On Rejected', type: 'main', index: 0 }],
					[{ node: 'Send', type: 'main', index: 0 }],
				],
			},
			Send: { main: [[{ node: 'Approval', type: 'main', index: 0 }]] },
		},
	};
}

export const stage = (approvers: string, extra: IDataObject = {}) => ({
	name: extra.name ?? '审核 Review',
	mode: 'any',
	approvers,
	dueHours: 0,
	timeoutAction: 'none',
	...extra,
});

export function requestParameters(stages: IDataObject[], extra: IDataObject = {}): IDataObject {
	return {
		title: '《工业机器人运维》课程共建立项',
		subjectType: 'course',
		subjectId: 'crs_1',
		subjectFields: JSON.stringify({ 学时: '64', 合作企业: '星河智能制造有限公司' }),
		submitterEmail: 'teacher@college.edu.cn',
		submitterName: '陈老师',
		cc: 'office@college.edu.cn',
		stagesInput: 'json',
		stagesJson: JSON.stringify(stages),
		numberPrefix: 'KC',
		...extra,
	};
}

/** The messages the channel node handed out in its latest run. */
export function sent(execution: Execution): IDataObject[] {
	return execution.output('Send');
}

export function linkOf(messages: IDataObject[], approver: string): string {
	const message = messages.find((m) => m.approver === approver && m.link);
	if (!message)
		throw new Error(`no link for ${approver} in ${JSON.stringify(messages.map((m) => m.to))}`);
	return String(message.link);
}

export function queryOf(link: string): IDataObject {
	return Object.fromEntries(new URL(link).searchParams.entries());
}

export function formFields(html: string): { token: string; formKey: string } {
	const token = /name="token" value="([^"]+)"/.exec(html)?.[1];
	const formKey = /name="formKey" value="([^"]+)"/.exec(html)?.[1];
	if (!token || !formKey) throw new Error(`no decision form in page: ${html.slice(0, 300)}`);
	return { token, formKey };
}

/** What an approver does: open the link (GET), then press a button (POST with the form's fields). */
export async function clickDecision(
	engine: Engine,
	execution: Execution,
	link: string,
	decision: 'approve' | 'reject' | 'return',
	comment = '',
	headers: Record<string, string> = {},
) {
	const page = await engine.webhook(execution, { method: 'GET', query: queryOf(link), headers });
	if (page.resumed) throw new Error('GET resumed the execution');
	const form = formFields(page.response.body);
	return engine.webhook(execution, {
		method: 'POST',
		query: queryOf(link),
		body: { ...form, decision, comment },
		headers,
		ip: '10.1.2.3',
	});
}

export function manageWorkflow(operation: string, parameters: IDataObject = {}) {
	return {
		id: 'wf-manage',
		name: 'manage approvals',
		nodes: [
			{
				id: 'mstart',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'manage-node',
				name: 'Manage',
				type: 'n8n-nodes-consortium.approval',
				typeVersion: 1,
				position: [200, 0],
				parameters: { resource: 'request', operation, ...parameters },
				credentials: { [CREDENTIAL_NAME]: { id: '1', name: 'store' } },
			},
		],
		connections: { Start: { main: [[{ node: 'Manage', type: 'main', index: 0 }]] } },
	};
}
