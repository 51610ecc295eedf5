import { addWorkingDays, loadWorkCalendar, type WorkCalendar } from '../calendar';
import { writeAudit, transition, type Actor } from '../store';
import { StateError, ValidationError } from '../util/errors';
import {
	applyTimeoutAction,
	type ApprovalEnv,
	type Change,
	currentStage,
	finishRequest,
	insertSlot,
	lockRequest,
	openSlot,
	pendingSlots,
	type RequestRow,
	type SlotRow,
	slotsOfStage,
	type StageRow,
	type StepContext,
	stepContext,
} from './steps';
import { findRequest } from './requests';
import { deriveToken, hashToken } from './tokens';
import type { Person } from './types';

/**
 * The management operations on a pending request, outside its execution: 撤回 withdraw,
 * 转交 reassign, 加签 add an approver, 催办 remind (one request, or every one due), and
 * Expire Overdue. Each runs in one transaction with its audit rows.
 */

async function pendingRequest(ctx: StepContext, idOrNumber: string): Promise<RequestRow> {
	const found = await findRequest(ctx.tx, idOrNumber);
	const request = (await lockRequest(ctx, found.id))!;
	if (request.status !== 'pending') {
		throw new StateError(
			`审批已结束 / Request ${request.number} is already ${request.status}${request.reason === 'withdrawn' ? ' (withdrawn)' : ''}`,
			request.status,
		);
	}
	return request;
}

/** A change to the stage a pending request waits in, made in one transaction with the request locked. */
function inCurrentStage(
	env: ApprovalEnv,
	idOrNumber: string,
	actor: Actor,
	change: (ctx: StepContext, request: RequestRow, stage: StageRow) => Promise<Change>,
): Promise<Change> {
	return env.store.transaction(async (tx) => {
		const ctx = stepContext(env, tx, actor);
		const request = await pendingRequest(ctx, idOrNumber);
		return change(ctx, request, await currentStage(ctx, request));
	});
}

/** 撤回: by the submitter; the result is Rejected with reason `withdrawn`. */
export async function withdraw(
	env: ApprovalEnv,
	idOrNumber: string,
	input: { by?: string | null; note?: string | null },
	actor: Actor,
): Promise<Change> {
	return env.store.transaction(async (tx) => {
		const ctx = stepContext(env, tx, input.by ? { ...actor, actor: input.by } : actor);
		const request = await pendingRequest(ctx, idOrNumber);
		if (input.by && input.by.toLowerCase() !== request.submitter_email) {
			throw new ValidationError(
				`只有提交人可以撤回 / Only the submitter ${request.submitter_email} can withdraw`,
				'withdrawnBy',
				'not_submitter',
			);
		}
		return finishRequest(ctx, request, 'rejected', 'withdrawn', input.note ?? null);
	});
}

async function assertNewApprover(
	ctx: StepContext,
	request: RequestRow,
	stageId: string,
	person: Person,
	field: string,
) {
	if (person.email === request.submitter_email)
		throw new ValidationError(
			'提交人不能审批自己的申请 / The submitter cannot approve their own request',
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
	return inCurrentStage(env, idOrNumber, actor, async (ctx, request, stage) => {
		const { tx } = ctx;
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
				'该审批人刚刚已处理 / The approver decided meanwhile',
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
		return { requestId: request.id, outcome: opened.length ? 'notify' : 'pending', opened };
	});
}

/** 加签: one more approver in the current stage (last in turn for 依次). */
export async function addApprover(
	env: ApprovalEnv,
	idOrNumber: string,
	input: { person: Person; note?: string | null },
	actor: Actor,
): Promise<Change> {
	return inCurrentStage(env, idOrNumber, actor, async (ctx, request, stage) => {
		const { tx } = ctx;
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
		return { requestId: request.id, outcome: opened.length ? 'notify' : 'pending', opened };
	});
}

/** 催办: the pending approvers of the current stage, whose links are re-derived unchanged. */
export async function remind(env: ApprovalEnv, idOrNumber: string, actor: Actor): Promise<Change> {
	return inCurrentStage(env, idOrNumber, actor, async (ctx, request, stage) => {
		const { tx } = ctx;
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
			outcome: pending.length ? 'notify' : 'pending',
			opened: pending,
		};
	});
}

/**
 * A reminder carries the link the current secret signs. Unchanged while the secret is, so the
 * approver gets the very link of their first mail; after the secret was rotated, the stored
 * hash follows the new link, and the old one opens nothing.
 */
async function resign(ctx: Pick<StepContext, 'tx' | 'settings'>, slots: SlotRow[]): Promise<void> {
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
 * When the reminder after a notice falls due, less the slack; null: never. In working days it
 * is the same time of day on the n-th working day (weekends and holidays skipped, 调休
 * Saturdays counted), so no such reminder goes out during 国庆.
 */
function nextReminderAt(
	lastNotice: string,
	interval: { hours: number; workingDays: number },
	timeZone: string,
	calendar: WorkCalendar | null,
): number | null {
	if (interval.workingDays > 0 && calendar)
		return (
			Date.parse(addWorkingDays(lastNotice, interval.workingDays, timeZone, calendar)) -
			reminderSlackMs(24)
		);
	if (interval.hours > 0)
		return Date.parse(lastNotice) + interval.hours * 3600_000 - reminderSlackMs(interval.hours);
	return null;
}

/**
 * 催办 for a scheduled workflow: every pending approver whose stage has a reminder interval
 * and who last heard of the request (the last 催办, else their link going out, else the
 * stage's start) longer ago than that interval. Of two runs at the same moment, one reminds:
 * each approver is claimed by a conditional update on the notice time that was read.
 */
export async function remindDue(env: ApprovalEnv, actor: Actor, limit = 500): Promise<Change[]> {
	const now = env.now ?? new Date();
	const rows = await pendingSlots(env.store.db)
		.select([
			's.id as slotId',
			's.request_id as requestId',
			's.reminded_at as remindedAt',
			's.opened_at as openedAt',
			't.started_at as startedAt',
			't.remind_hours as hours',
			't.remind_working_days as workingDays',
		])
		.where('t.status', '=', 'active')
		.where((eb) =>
			eb.or([eb('t.remind_hours', 'is not', null), eb('t.remind_working_days', 'is not', null)]),
		)
		.orderBy('s.id')
		.limit(limit)
		.execute();
	const calendar = rows.some((r) => Number(r.workingDays) > 0)
		? await loadWorkCalendar(env.store)
		: null;
	const due = rows.filter((r) => {
		const lastNotice = r.remindedAt ?? r.openedAt ?? r.startedAt ?? now.toISOString();
		const interval = { hours: Number(r.hours), workingDays: Number(r.workingDays) };
		const next = nextReminderAt(lastNotice, interval, env.settings.timeZone, calendar);
		return next !== null && next <= now.getTime();
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
			const ctx = stepContext(env, tx, actor);
			const request = (await lockRequest(ctx, id))!;
			if (request.status !== 'pending') return null;
			return applyTimeoutAction(ctx, request, false);
		});
		if (change && change.outcome !== 'pending') changes.push(change);
	}
	return changes;
}
