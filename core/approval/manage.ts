import { createHmac } from 'node:crypto';
import { writeAudit, transition, type Actor } from '../store';
import { StateError, ValidationError } from '../util/errors';
import {
	activateFrom,
	bumpNotifyRound,
	claimDelivery,
	expireStageSlots,
	finishRequest,
	forceStage,
	insertSlot,
	lockRequest,
	openSlot,
	slotsOfStage,
	stagesOf,
	updateDue,
	type Change,
	type FlowContext,
	type RequestRow,
	type SlotRow,
} from './flow';
import { stageDueAt } from './due';
import { findRequest, flowContext, type ApprovalEnv } from './requests';
import { deriveToken, hashToken, sameSecret } from './tokens';
import type { Person } from './types';

async function pendingRequest(ctx: FlowContext, idOrNumber: string): Promise<RequestRow> {
	const found = await findRequest(ctx.tx, idOrNumber);
	const request = (await lockRequest(ctx, found.id))!;
	if (request.status !== 'pending') {
		throw new StateError(
			`Request ${request.number} is already ${request.status}${request.reason === 'withdrawn' ? ' (withdrawn)' : ''} / 审批已结束`,
			request.status,
		);
	}
	return request;
}

async function currentStage(ctx: FlowContext, request: RequestRow) {
	const stages = await stagesOf(ctx.tx, request.id);
	const stage = stages.find((s) => s.idx === request.current_stage && s.status === 'active');
	if (!stage)
		throw new StateError(
			`申请 ${request.number} 无进行中的阶段 / Request ${request.number} has no active stage`,
		);
	return stage;
}

/**
 * Applies the current stage's timeout action. `force` is for the waiting execution whose
 * wait time n8n says has passed; otherwise only a stage past its due time is touched.
 */
export async function applyTimeoutIn(
	ctx: FlowContext,
	request: RequestRow,
	force: boolean,
): Promise<Change> {
	const none: Change = { requestId: request.id, outcome: 'undecided', opened: [] };
	const stage = await currentStage(ctx, request);
	if (!force && (!stage.due_at || stage.due_at > ctx.now.toISOString())) return none;
	const action = stage.escalated ? 'none' : stage.timeout_action;
	await writeAudit(ctx.tx, {
		...ctx.actor,
		action: 'timeout',
		entityType: 'approval_stage',
		entityId: stage.id,
		changes: { request: request.number, stage: stage.idx, action },
	});
	if (action === 'approve') {
		await forceStage(ctx, stage, 'approved');
		return activateFrom(ctx, request, stage.idx + 1);
	}
	if (action === 'reject') {
		await forceStage(ctx, stage, 'rejected');
		return finishRequest(ctx, request, 'rejected', 'timeout');
	}
	if (action === 'escalate') {
		// The stage goes to the named people; the first of them to answer decides (或签).
		await expireStageSlots(ctx, stage);
		const people = JSON.parse(stage.escalate_to) as Person[];
		const existing = await slotsOfStage(ctx, stage.id);
		const dueAt = await stageDueAt(ctx, stage);
		await ctx.tx
			.updateTable('approval_stage')
			.set({ mode: 'any', escalated: 1, due_at: dueAt })
			.where('id', '=', stage.id)
			.execute();
		const opened: SlotRow[] = [];
		for (const [i, person] of people.entries()) {
			const slot = await insertSlot(ctx, stage, person, existing.length + i, { added: 1 });
			opened.push(await openSlot(ctx, slot));
		}
		await updateDue(ctx, request.id, dueAt);
		await bumpNotifyRound(ctx, request.id);
		await writeAudit(ctx.tx, {
			...ctx.actor,
			action: 'escalate',
			entityType: 'approval_stage',
			entityId: stage.id,
			changes: { to: people.map((p) => p.email) },
		});
		return { requestId: request.id, outcome: 'notify', opened };
	}
	return none;
}

export type Arrival =
	| { kind: 'wait'; dueAt: string | null }
	| { kind: 'change'; change: Change; deliver: boolean }
	| { kind: 'result'; status: 'approved' | 'rejected' }
	| { kind: 'done' };

/**
 * The workflow came back into the node after sending notifications (or after n8n's
 * wait time passed and it forwarded the due-time notice). The first arrival per round
 * waits; a second arrival in the same round means the wait ran out: apply the timeout.
 */
export async function arrive(
	env: ApprovalEnv,
	request: RequestRow | string,
	actor: Actor,
): Promise<Arrival> {
	// The result's own notices coming back after delivery: nothing to lock or change.
	if (typeof request === 'object' && request.status !== 'pending' && request.delivered)
		return { kind: 'done' };
	const requestId = typeof request === 'object' ? request.id : request;
	return env.store.transaction(async (tx) => {
		const ctx = flowContext(env, tx, actor);
		const request = (await lockRequest(ctx, requestId))!;
		if (request.status !== 'pending') {
			if (request.delivered) return { kind: 'done' };
			return (await claimDelivery(ctx, request.id))
				? { kind: 'result', status: request.status as 'approved' | 'rejected' }
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
		const change = await applyTimeoutIn(ctx, request, true);
		if (change.outcome === 'undecided') return { kind: 'wait', dueAt: null };
		const deliver =
			change.outcome === 'approved' || change.outcome === 'rejected'
				? await claimDelivery(ctx, request.id)
				: false;
		return { kind: 'change', change, deliver };
	});
}

/** Wake the execution at the due time only when something is to happen then. */
async function wakeAt(ctx: FlowContext, request: RequestRow): Promise<string | null> {
	if (!request.due_at) return null;
	const stage = (await stagesOf(ctx.tx, request.id)).find((s) => s.idx === request.current_stage);
	return stage && stage.timeout_action !== 'none' && !stage.escalated ? request.due_at : null;
}

/** Records that the result reached the workflow by another path (the node's own first run). */
export async function markDelivered(env: ApprovalEnv, requestId: string): Promise<boolean> {
	return env.store.transaction((tx) =>
		claimDelivery(flowContext(env, tx, { actor: 'system' }), requestId),
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

/** 撤回: by the submitter; the result is Rejected with reason `withdrawn`. */
export async function withdraw(
	env: ApprovalEnv,
	idOrNumber: string,
	input: { by?: string | null; note?: string | null },
	actor: Actor,
): Promise<Change> {
	return env.store.transaction(async (tx) => {
		const ctx = flowContext(env, tx, input.by ? { ...actor, actor: input.by } : actor);
		const request = await pendingRequest(ctx, idOrNumber);
		if (input.by && input.by.toLowerCase() !== request.submitter_email) {
			throw new ValidationError(
				`Only the submitter ${request.submitter_email} can withdraw / 只有提交人可以撤回`,
				'withdrawnBy',
				'not_submitter',
			);
		}
		return finishRequest(ctx, request, 'rejected', 'withdrawn', input.note ?? null);
	});
}

async function assertNewApprover(
	ctx: FlowContext,
	request: RequestRow,
	stageId: string,
	person: Person,
	field: string,
) {
	if (person.email === request.submitter_email)
		throw new ValidationError(
			'The submitter cannot approve their own request / 提交人不能审批自己的申请',
			field,
			'self_approval',
		);
	const live = (await slotsOfStage(ctx, stageId)).filter((s) =>
		['waiting', 'pending', 'approved', 'rejected', 'passed'].includes(s.status),
	);
	if (live.some((s) => s.email === person.email))
		throw new ValidationError(
			`${person.email} is already an approver of this stage / 已是本阶段审批人`,
			field,
			'duplicate',
		);
}

/** 转交: the old approver's link dies at once; the new one takes their place and turn. */
export async function reassign(
	env: ApprovalEnv,
	idOrNumber: string,
	input: { from: string; to: Person; note?: string | null },
	actor: Actor,
): Promise<Change> {
	return env.store.transaction(async (tx) => {
		const ctx = flowContext(env, tx, actor);
		const request = await pendingRequest(ctx, idOrNumber);
		const stage = await currentStage(ctx, request);
		const old = (await slotsOfStage(ctx, stage.id)).find(
			(s) =>
				s.email === input.from.toLowerCase() && (s.status === 'pending' || s.status === 'waiting'),
		);
		if (!old)
			throw new ValidationError(
				`${input.from} has no pending decision in the current stage / 当前阶段没有该审批人的待办`,
				'fromEmail',
				'not_found',
			);
		await assertNewApprover(ctx, request, stage.id, input.to, 'toEmail');
		const revoked = await transition(tx, {
			table: 'approval_slot',
			id: old.id,
			from: old.status,
			to: 'revoked',
		});
		if (!revoked)
			throw new StateError(
				'The approver decided meanwhile / 该审批人刚刚已处理',
				old.status,
				'revoked',
			);
		const slot = await insertSlot(ctx, stage, input.to, old.position, {
			reassigned_from: old.email,
		});
		const opened = old.status === 'pending' ? [await openSlot(ctx, slot)] : [];
		await writeAudit(tx, {
			...actor,
			action: 'reassign',
			entityType: 'approval_slot',
			entityId: slot.id,
			changes: { from: old.email, to: input.to.email, stage: stage.idx },
			note: input.note ?? undefined,
		});
		return { requestId: request.id, outcome: opened.length ? 'notify' : 'undecided', opened };
	});
}

/** 加签: one more approver in the current stage (last in turn for 依次). */
export async function addApprover(
	env: ApprovalEnv,
	idOrNumber: string,
	input: { person: Person; note?: string | null },
	actor: Actor,
): Promise<Change> {
	return env.store.transaction(async (tx) => {
		const ctx = flowContext(env, tx, actor);
		const request = await pendingRequest(ctx, idOrNumber);
		const stage = await currentStage(ctx, request);
		await assertNewApprover(ctx, request, stage.id, input.person, 'approverEmail');
		const slots = await slotsOfStage(ctx, stage.id);
		const slot = await insertSlot(
			ctx,
			stage,
			input.person,
			Math.max(-1, ...slots.map((s) => s.position)) + 1,
			{ added: 1 },
		);
		const opened = stage.mode === 'sequential' ? [] : [await openSlot(ctx, slot)];
		await writeAudit(tx, {
			...actor,
			action: 'add_approver',
			entityType: 'approval_slot',
			entityId: slot.id,
			changes: { email: input.person.email, stage: stage.idx },
			note: input.note ?? undefined,
		});
		return { requestId: request.id, outcome: opened.length ? 'notify' : 'undecided', opened };
	});
}

/** 催办: the pending approvers of the current stage, whose links are re-derived unchanged. */
export async function remind(env: ApprovalEnv, idOrNumber: string, actor: Actor): Promise<Change> {
	return env.store.transaction(async (tx) => {
		const ctx = flowContext(env, tx, actor);
		const request = await pendingRequest(ctx, idOrNumber);
		const stage = await currentStage(ctx, request);
		const pending = (await slotsOfStage(ctx, stage.id)).filter((s) => s.status === 'pending');
		await tx
			.updateTable('approval_slot')
			.set({ reminded_at: ctx.now.toISOString() })
			.where('stage_id', '=', stage.id)
			.where('status', '=', 'pending')
			.execute();
		await resign(ctx, pending);
		await writeAudit(tx, {
			...actor,
			action: 'remind',
			entityType: 'approval_request',
			entityId: request.id,
			changes: { to: pending.map((s) => s.email), stage: stage.idx },
		});
		return {
			requestId: request.id,
			outcome: pending.length ? 'notify' : 'undecided',
			opened: pending,
		};
	});
}

/**
 * A reminder carries the link the current secret signs. Unchanged while the secret is, so the
 * approver gets the very link of their first mail; after the secret was rotated, the stored
 * hash follows the new link, and the old one opens nothing.
 */
async function resign(ctx: Pick<FlowContext, 'tx' | 'settings'>, slots: SlotRow[]): Promise<void> {
	for (const slot of slots) {
		if (!slot.token_salt) continue;
		const tokenHash = hashToken(deriveToken(ctx.settings.linkSecret, slot.id, slot.token_salt));
		if (tokenHash === slot.token_hash) continue;
		await ctx.tx
			.updateTable('approval_slot')
			.set({ token_hash: tokenHash })
			.where('id', '=', slot.id)
			.execute();
		slot.token_hash = tokenHash;
	}
}

/**
 * How early a reminder interval counts as passed: a schedule fires a little earlier or later
 * each time, and without this a daily run against a 24-hour interval would remind every
 * other day. 5 % of the interval, at most 15 minutes.
 */
export function reminderSlackMs(hours: number): number {
	return Math.min(15 * 60_000, hours * 3600_000 * 0.05);
}

/**
 * 催办 for a scheduled workflow: every pending approver whose stage has a reminder interval
 * and who last heard of the request (the last 催办, else their link going out, else the
 * stage's start) longer ago than that interval. Of two runs at the same moment, one reminds:
 * each approver is claimed by a conditional update on the notice time that was read.
 */
export async function remindDue(env: ApprovalEnv, actor: Actor, limit = 500): Promise<Change[]> {
	const now = env.now ?? new Date();
	const rows = await env.store.db
		.selectFrom('approval_slot')
		.innerJoin('approval_stage', 'approval_stage.id', 'approval_slot.stage_id')
		.innerJoin('approval_request', 'approval_request.id', 'approval_slot.request_id')
		.select([
			'approval_slot.id as slotId',
			'approval_slot.request_id as requestId',
			'approval_slot.reminded_at as remindedAt',
			'approval_slot.opened_at as openedAt',
			'approval_stage.started_at as startedAt',
			'approval_stage.remind_hours as hours',
		])
		.where('approval_slot.status', '=', 'pending')
		.where('approval_stage.status', '=', 'active')
		.where('approval_request.status', '=', 'pending')
		.where('approval_stage.remind_hours', 'is not', null)
		.orderBy('approval_slot.id')
		.limit(limit)
		.execute();
	const due = rows.filter((r) => {
		const hours = Number(r.hours);
		const lastNotice = Date.parse(r.remindedAt ?? r.openedAt ?? r.startedAt ?? now.toISOString());
		return hours > 0 && lastNotice + hours * 3600_000 - reminderSlackMs(hours) <= now.getTime();
	});
	const byRequest = new Map<string, typeof due>();
	for (const r of due) byRequest.set(r.requestId, [...(byRequest.get(r.requestId) ?? []), r]);
	const changes: Change[] = [];
	for (const [requestId, slots] of byRequest) {
		const change = await env.store.transaction(async (tx) => {
			const claimed: string[] = [];
			for (const slot of slots) {
				const result = await tx
					.updateTable('approval_slot')
					.set({ reminded_at: now.toISOString() })
					.where('id', '=', slot.slotId)
					.where('status', '=', 'pending')
					.where((eb) =>
						slot.remindedAt === null
							? eb('reminded_at', 'is', null)
							: eb('reminded_at', '=', slot.remindedAt),
					)
					.executeTakeFirst();
				if (Number(result.numUpdatedRows) === 1) claimed.push(slot.slotId);
			}
			if (claimed.length === 0) return null;
			const opened = await tx
				.selectFrom('approval_slot')
				.selectAll()
				.where('id', 'in', claimed)
				.orderBy('id')
				.execute();
			await resign({ tx, settings: env.settings }, opened);
			await writeAudit(tx, {
				...actor,
				action: 'remind',
				entityType: 'approval_request',
				entityId: requestId,
				changes: { to: opened.map((s) => s.email) },
			});
			return { requestId, outcome: 'notify' as const, opened };
		});
		if (change) changes.push(change);
	}
	return changes;
}

/** Applies timeout actions to every pending request past its due time; for requests whose executions are gone. */
export async function expireOverdue(
	env: ApprovalEnv,
	actor: Actor,
	limit = 500,
): Promise<Change[]> {
	const now = (env.now ?? new Date()).toISOString();
	const due = await env.store.db
		.selectFrom('approval_request')
		.select('id')
		.where('status', '=', 'pending')
		.where('due_at', 'is not', null)
		.where('due_at', '<=', now)
		.orderBy('due_at')
		.limit(limit)
		.execute();
	const changes: Change[] = [];
	for (const { id } of due) {
		const change = await env.store.transaction(async (tx) => {
			const ctx = flowContext(env, tx, actor);
			const request = (await lockRequest(ctx, id))!;
			if (request.status !== 'pending') return null;
			return applyTimeoutIn(ctx, request, false);
		});
		if (change && change.outcome !== 'undecided') changes.push(change);
	}
	return changes;
}

/**
 * A management operation that finished a request tells its waiting execution by a POST
 * to the resume URL carrying this key; the key is bound to the request.
 */
export function pokeKey(secret: string, requestId: string): string {
	return createHmac('sha256', secret).update(`approval-poke:${requestId}`).digest('base64url');
}

export function validPoke(secret: string, requestId: unknown, key: unknown): requestId is string {
	return typeof requestId === 'string' && sameSecret(key, pokeKey(secret, requestId));
}

/**
 * The key of a hand-over of the next approvers' mails from the link endpoint to the waiting
 * execution: bound to the request, the round and the very slots, so none can be swapped.
 */
export function notifyKey(
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
		const ctx = flowContext(env, tx, { actor: 'link' });
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

/** For a valid poke: claims the right to resume the execution with a result reached elsewhere. */
export async function claimFinishedRequest(
	env: ApprovalEnv,
	requestId: string,
): Promise<RequestRow | null> {
	return env.store.transaction(async (tx) => {
		const ctx = flowContext(env, tx, { actor: 'poke' });
		const request = await lockRequest(ctx, requestId);
		if (!request || request.status === 'pending') return null;
		return (await claimDelivery(ctx, request.id)) ? request : null;
	});
}
