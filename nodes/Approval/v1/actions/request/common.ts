import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import {
	notifyApprovers,
	loadRecord,
	markDelivered,
	parsePerson,
	readLinkBase,
	readResumeTarget,
	type ApprovalEnv,
	type Change,
	type Person,
} from '../../../../../core/approval';
import { optionalText, requiredText } from '../../../../../core/util/validate';
import { readId } from '../../../../shared/params';
import { consortiumFor } from '../../../../shared/store';
import { postHandOver, resultHandOver } from '../handOver';
import { recordJson } from '../items';

export const requestIdProperty: INodeProperties = {
	displayName: '审批 ID 或编号 Request ID or Number',
	name: 'requestId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'KC-2026-0001',
};

/** The execution an Error Trigger reports as failed, for the operations of an error workflow. */
export const failedExecutionIdProperty: INodeProperties = {
	displayName: '失败的执行 ID Failed Execution ID',
	name: 'executionId',
	type: 'string',
	required: true,
	default: '={{ $json.execution.id }}',
};

export const readFailedExecutionId = (ctx: IExecuteFunctions, i: number) =>
	readId(ctx, i, 'executionId', '失败的执行 ID Failed Execution ID');

/** The request an item names, by id or number; anything but a short text is refused with the field named. */
export const readRequestId = (ctx: IExecuteFunctions, i: number) =>
	readId(ctx, i, 'requestId', '审批 ID 或编号 Request ID or Number');

/** A person parameter (`王主任 <wang@example.edu.cn>` or an email), checked to be text first. */
export const readPerson = (
	ctx: IExecuteFunctions,
	i: number,
	name: string,
	label: string,
): Person =>
	parsePerson(requiredText(ctx.getNodeParameter(name, i, ''), name, label, 300), name, label);

/** An optional free-text parameter (a reason): text or nothing. */
export const readNote = (ctx: IExecuteFunctions, i: number, name = 'note', label = '原因 Reason') =>
	optionalText(ctx.getNodeParameter(name, i, ''), name, label, 2000) || null;

export async function approvalEnv(ctx: IExecuteFunctions): Promise<ApprovalEnv> {
	const { store, settings } = await consortiumFor(ctx);
	return { store, settings };
}

/** Notification items for the slots a change opened; the request's record when nobody needs telling. */
export async function changeItems(
	env: ApprovalEnv,
	change: Change,
	kind: 'request' | 'reminder' = 'request',
): Promise<IDataObject[]> {
	const record = await loadRecord(env.store.db, change.requestId);
	if (!change.opened.length) return [recordJson(record)];
	return (await notifyApprovers(
		env.store.db,
		env.settings,
		record,
		await readLinkBase(env.store.db, change.requestId),
		change.opened,
		kind,
	)) as unknown as IDataObject[];
}

/**
 * Tells the waiting execution that its request was finished here, by a POST to its resume
 * URL with a key bound to the request; the node's webhook then resumes it on Rejected or
 * Approved. Where the execution is gone, the caller takes the result over (its item is the
 * result mail), so the delivery is claimed here and the stalled-hand-over sweep leaves it.
 * If n8n refuses, the sweep or the next link visit hands it over later.
 */
export async function handResultToExecution(
	ctx: IExecuteFunctions,
	env: ApprovalEnv,
	requestId: string,
): Promise<boolean> {
	const url = await readResumeTarget(env.store.db, requestId);
	if (!url) return false;
	// The execution may be running for a moment (a decision's hand-over): a few seconds' patience.
	const answer = await postHandOver(url, resultHandOver(env, requestId), 10_000);
	if (answer === 'gone') await markDelivered(env, requestId);
	return answer === 'resumed';
}
