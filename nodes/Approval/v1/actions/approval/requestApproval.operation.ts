import {
	NodeOperationError,
	WAIT_INDEFINITELY,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import {
	nextStepOnReturn,
	createRequest,
	dueNotifications,
	loadRecord,
	markDelivered,
	parseAmendConfig,
	parseRequest,
	requestOfExecution,
	setAmendConfig,
	type ApprovalEnv,
} from '../../../../../core/approval';
import { attachmentNames, readAttachments } from '../attachments';
import { toNodeError } from '../../../../shared/errors';
import { workflowActor } from '../../../../shared/run';
import { consortiumFor } from '../../../../shared/store';
import {
	ccNotifications,
	emptyOutputs,
	notificationItems,
	outputsFor,
	resultOutputs,
	type Outputs,
} from '../items';
import { approverLinkBase } from '../links';
import { requestApprovalDescription } from './description';
import { updateOperationDisplayOptions } from '../../../../shared/descriptions/common';

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['approval'], operation: ['requestApproval'] } },
	requestApprovalDescription,
);

function readSpecInput(ctx: IExecuteFunctions) {
	const stagesInput = ctx.getNodeParameter('stagesInput', 0, 'fields') as string;
	const stages =
		stagesInput === 'json'
			? ctx.getNodeParameter('stagesJson', 0, '[]')
			: ((ctx.getNodeParameter('stages', 0, {}) as IDataObject).stage ?? []);
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	return {
		title: ctx.getNodeParameter('title', 0, ''),
		subjectType: ctx.getNodeParameter('subjectType', 0, 'general'),
		subjectId: ctx.getNodeParameter('subjectId', 0, ''),
		subjectFields: ctx.getNodeParameter('subjectFields', 0, '{}'),
		submitterEmail: ctx.getNodeParameter('submitterEmail', 0, ''),
		submitterName: ctx.getNodeParameter('submitterName', 0, ''),
		cc: ctx.getNodeParameter('cc', 0, ''),
		stages,
		numberPrefix: ctx.getNodeParameter('numberPrefix', 0, 'SP'),
		autoPassRepeatApprover: options.autoPassRepeatApprover,
	};
}

/**
 * Puts the execution to wait. If n8n's wait time runs out, n8n resumes the node disabled
 * and forwards its stored input as outputs; so the stored input becomes the due-time
 * notice on Notify. Sent and wired back, its arrival finds the round already waited
 * and applies the stage's timeout action. Without a due time n8n never resumes it so, and
 * nothing is stored: every resume carries its own items, and the execution stays small.
 */
export async function waitFor(
	ctx: IExecuteFunctions,
	env: ApprovalEnv,
	requestId: string,
	dueAt: string | null,
): Promise<Outputs> {
	const executeData = ctx.getExecuteData();
	const dueNotice = dueAt
		? notificationItems(dueNotifications(env.settings, await loadRecord(env.store.db, requestId)))
		: [];
	executeData.data = {
		main: [[], [], dueNotice.map((i) => ({ ...i, pairedItem: { item: 0 } })), []],
	};
	executeData.metadata = { ...executeData.metadata, forwardAllOutputs: true };
	await ctx.putExecutionToWait(dueAt ? new Date(dueAt) : WAIT_INDEFINITELY);
	return emptyOutputs();
}

/**
 * The workflow came back into the node that made (or resubmitted) this execution's request:
 * wait, or hand out what changed. Undefined when this execution has no request of this node.
 * Send Email and most channels output their own result, not our items: a return is
 * recognised by the request this node already created in this execution.
 */
export async function continueWaiting(
	ctx: IExecuteFunctions,
	env: ApprovalEnv,
): Promise<Outputs | undefined> {
	const executionId = ctx.getExecutionId();
	const existing = executionId
		? await requestOfExecution(env, executionId, ctx.getNode().id)
		: undefined;
	if (!existing) return undefined;
	const next = await nextStepOnReturn(env, existing, workflowActor(ctx));
	if (next.kind === 'wait') return await waitFor(ctx, env, existing.id, next.dueAt);
	if (next.kind === 'done') return emptyOutputs();
	if (next.kind === 'result') return withPairing(await resultOutputs(env, existing.id));
	return withPairing(
		next.change.outcome === 'notify' || next.deliver
			? await outputsFor(env, next.change)
			: emptyOutputs(),
	);
}

/**
 * A form path such as `/form/<id>` is taken on this n8n's address as approvers reach it (the
 * credential's public base URL when set), so the shipped workflow needs no host written in.
 */
function onThisN8n(formUrl: unknown, resumeUrl: string): unknown {
	return typeof formUrl === 'string' && formUrl.trim().startsWith('/')
		? new URL(formUrl.trim(), new URL(resumeUrl).origin).toString()
		: formUrl;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const { store, settings, publicBaseUrl } = await consortiumFor(this);
	const env: ApprovalEnv = { store, settings };
	const items = this.getInputData();
	const executionId = this.getExecutionId();
	const nodeId = this.getNode().id;
	const actor = workflowActor(this);
	let outputs: Outputs;
	try {
		const returned = await continueWaiting(this, env);
		if (returned) return returned;
		if (items.length > 1) {
			throw new NodeOperationError(
				this.getNode(),
				`审批节点每次执行只处理一个申请，收到 ${items.length} 项 One approval request per execution; got ${items.length} items`,
				{
					description:
						'请用 “Execute Workflow” 节点为每一项调用一个子工作流（子工作流里放审批节点），或先用 “Limit”/“Aggregate” 合成一项。 Call a sub-workflow per item with the Execute Workflow node (one item per call, the Approval node inside it), or aggregate the items into one first.',
				},
			);
		}
		const links = await approverLinkBase(this, store, publicBaseUrl);
		const spec = parseRequest(readSpecInput(this), {
			...links,
			executionId: executionId ?? null,
			nodeId,
		});
		const options = this.getNodeParameter('options', 0, {}) as IDataObject;
		// Checked before anything is saved, so a bad option or file creates no request.
		const amendConfig =
			options.amendFormUrl || options.resumeFrom || options.amendPrefill
				? parseAmendConfig({
						formUrl: onThisN8n(options.amendFormUrl, links.resumeUrl),
						prefill: options.amendPrefill,
						resumeFrom: options.resumeFrom,
					})
				: null;
		const attachments = await readAttachments(this, 0, attachmentNames(options));
		const { request, change } = await createRequest(env, spec, actor, attachments);
		if (amendConfig) await setAmendConfig(env, request.id, amendConfig);
		const record = await loadRecord(store.db, request.id);
		if (change.outcome === 'approved' || change.outcome === 'rejected')
			await markDelivered(env, request.id);
		outputs = await outputsFor(env, change, ccNotifications(record));
	} catch (error) {
		const nodeError = toNodeError(this.getNode(), error, 0);
		if (!this.continueOnFail()) throw nodeError;
		// No request was made (its one transaction wrote nothing): the error is the item, on the
		// first output, where n8n puts a failed node's items; nothing goes to Notify.
		return [
			[
				{
					json: { error: nodeError.message, description: nodeError.description ?? null },
					pairedItem: { item: 0 },
				},
			],
			[],
			[],
		];
	}
	return withPairing(outputs);
}

export function withPairing(outputs: Outputs): Outputs {
	for (const list of outputs) for (const entry of list) entry.pairedItem = { item: 0 };
	return outputs;
}
