import { createHmac } from 'node:crypto';
import type { Actor, Db, Tx } from '../store';
import {
	applyTimeoutAction,
	stepContext,
	type ApprovalEnv,
	claimDelivery,
	lockRequest,
	stagesOf,
	type Change,
	type StepContext,
	type RequestRow,
} from './steps';
import { sameSecret } from './tokens';

/**
 * The waiting-execution protocol: how the execution that created a request learns what
 * happened to it. The workflow returning into the node (after its Notify items were sent, or
 * when n8n's wait time ran out) and the signed hand-overs POSTed to its resume URL by the
 * link endpoint and the management operations; each result is claimed once (`delivered`).
 */

export type StepOnReturn =
	| { kind: 'wait'; dueAt: string | null }
	| { kind: 'change'; change: Change; deliver: boolean }
	| { kind: 'result'; status: 'approved' | 'rejected' | 'returned' }
	| { kind: 'done' };

/**
 * The workflow came back into the node after sending notifications (or after n8n's
 * wait time passed and it forwarded the due-time notice). The first arrival per round
 * waits; a second arrival in the same round means the wait ran out: apply the timeout.
 */
export async function nextStepOnReturn(
	env: ApprovalEnv,
	request: RequestRow | string,
	actor: Actor,
): Promise<StepOnReturn> {
	// The result's own notices coming back after delivery: nothing to lock or change.
	if (typeof request === 'object' && request.status !== 'pending' && request.delivered)
		return { kind: 'done' };
	const requestId = typeof request === 'object' ? request.id : request;
	return env.store.transaction(async (tx) => {
		const ctx = stepContext(env, tx, actor);
		const request = (await lockRequest(ctx, requestId))!;
		if (request.status !== 'pending') {
			if (request.delivered) return { kind: 'done' };
			return (await claimDelivery(ctx, request.id))
				? { kind: 'result', status: request.status as 'approved' | 'rejected' | 'returned' }
				: { kind: 'done' };
		}
		if (request.waited_round < request.notify_round) {
			await tx
				.updateTable('approval_request')
				.set({ waited_round: request.notify_round })
				.where('id', '=', request.id)
				.execute();
			return { kind: 'wait', dueAt: await wakeAt(ctx, request) };
		}
		const change = await applyTimeoutAction(ctx, request, true);
		if (change.outcome === 'pending') return { kind: 'wait', dueAt: null };
		const deliver =
			change.outcome === 'approved' || change.outcome === 'rejected'
				? await claimDelivery(ctx, request.id)
				: false;
		return { kind: 'change', change, deliver };
	});
}

/**
 * A decision at the link endpoint opened a round the waiting execution must mail: owed
 * until its hand-over claims it, so a hand-over lost for good is found again (`stalled.ts`).
 */
export async function oweRound(ctx: StepContext, requestId: string, round: number) {
	await ctx.tx
		.updateTable('approval_request')
		.set({ owed_round: round })
		.where('id', '=', requestId)
		.execute();
}

/** Wake the execution at the due time only when something is to happen then. */
async function wakeAt(ctx: StepContext, request: RequestRow): Promise<string | null> {
	if (!request.due_at) return null;
	const stage = (await stagesOf(ctx.tx, request.id)).find((s) => s.idx === request.current_stage);
	return stage && stage.timeout_action !== 'none' && !stage.escalated ? request.due_at : null;
}

/**
 * Where a request finished outside its execution is handed over (its resume URL, else its
 * link base); null when its execution already had the result or it has nowhere to go.
 */
export async function readResumeTarget(db: Db | Tx, requestId: string): Promise<string | null> {
	const request = await db
		.selectFrom('approval_request')
		.select(['link_base', 'resume_url', 'delivered'])
		.where('id', '=', requestId)
		.executeTakeFirst();
	const url = request?.resume_url ?? request?.link_base;
	return !url || request?.delivered ? null : url;
}

/** The first request an execution created, as much as a failure notice names of it. */
export async function firstRequestOfExecution(db: Db | Tx, executionId: string) {
	return db
		.selectFrom('approval_request')
		.select(['number', 'title', 'submitter_email', 'submitter_name', 'status'])
		.where('execution_id', '=', executionId)
		.orderBy('created_at')
		.executeTakeFirst();
}

/** Records that the result reached the workflow by another path (the node's own first run). */
export async function markDelivered(env: ApprovalEnv, requestId: string): Promise<boolean> {
	return env.store.transaction((tx) =>
		claimDelivery(stepContext(env, tx, { actor: 'system' }), requestId),
	);
}

/**
 * The request this node created in this execution, if any (the latest, should there be
 * several). Picked here rather than by ORDER BY, which made SQLite sort on every call.
 */
export async function requestOfExecution(
	env: ApprovalEnv,
	executionId: string,
	nodeId: string,
): Promise<RequestRow | undefined> {
	const rows = await env.store.db
		.selectFrom('approval_request')
		.selectAll()
		.where('execution_id', '=', executionId)
		.where('node_id', '=', nodeId)
		.execute();
	return rows.reduce<RequestRow | undefined>(
		(latest, row) => (!latest || row.id > latest.id ? row : latest),
		undefined,
	);
}

/**
 * The key of a result hand-over: a request finished outside its execution (a decision at the
 * link endpoint, 撤回, expiry) is told to the waiting execution by a POST to its resume URL,
 * `{poke: key, request}`; the key is bound to the request. The body's `poke` field and the
 * `approval-poke:` prefix stay as they are: executions waiting now were made with them.
 */
export function resultHandOverKey(secret: string, requestId: string): string {
	return createHmac('sha256', secret).update(`approval-poke:${requestId}`).digest('base64url');
}

/** Whether a POSTed `{poke, request}` is a result hand-over signed with this secret. */
export function isResultHandOver(
	secret: string,
	requestId: unknown,
	key: unknown,
): requestId is string {
	return typeof requestId === 'string' && sameSecret(key, resultHandOverKey(secret, requestId));
}

/**
 * The key of a hand-over of the next approvers' mails from the link endpoint to the waiting
 * execution: bound to the request, the round and the very slots, so none can be swapped.
 */
export function notifyHandOverKey(
	secret: string,
	requestId: string,
	round: number,
	slotIds: string[],
): string {
	return createHmac('sha256', secret)
		.update(`approval-notify:${requestId}:${round}:${slotIds.join(',')}`)
		.digest('base64url');
}

/**
 * For a valid notify hand-over: claims the round (once, whatever the retries) and returns the
 * slots to notify that are still pending; nothing if the round was handed over already or
 * the request has finished meanwhile (then the result follows by its own hand-over).
 */
export async function claimNotifyRound(
	env: ApprovalEnv,
	requestId: string,
	round: number,
	slotIds: string[],
): Promise<Change | null> {
	if (!Number.isInteger(round) || round < 1 || slotIds.length === 0) return null;
	return env.store.transaction(async (tx) => {
		const ctx = stepContext(env, tx, { actor: 'link' });
		const request = await lockRequest(ctx, requestId);
		if (!request || request.status !== 'pending' || request.handed_round >= round) return null;
		await tx
			.updateTable('approval_request')
			.set({ handed_round: round })
			.where('id', '=', requestId)
			.execute();
		const opened = await tx
			.selectFrom('approval_slot')
			.selectAll()
			.where('request_id', '=', requestId)
			.where('id', 'in', slotIds)
			.where('status', '=', 'pending')
			.execute();
		return opened.length
			? {
					requestId,
					outcome: 'notify',
					opened: opened.sort((a, b) => slotIds.indexOf(a.id) - slotIds.indexOf(b.id)),
				}
			: null;
	});
}

/** For a valid result hand-over: claims the right to resume the execution with a result reached elsewhere. */
export async function claimFinishedRequest(
	env: ApprovalEnv,
	requestId: string,
): Promise<RequestRow | null> {
	return env.store.transaction(async (tx) => {
		const ctx = stepContext(env, tx, { actor: 'poke' });
		const request = await lockRequest(ctx, requestId);
		if (!request || request.status === 'pending') return null;
		return (await claimDelivery(ctx, request.id)) ? request : null;
	});
}
