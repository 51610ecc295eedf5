import { sql } from 'kysely';
import {
	auditRow,
	insertMany,
	writeAudit,
	transition,
	type Actor,
	type ConsortiumSettings,
	type Db,
	type Dialect,
	type Store,
	type Tx,
} from '../store';
import { StateError } from '../util/errors';
import { newId } from '../util/id';
import { stageDueAt } from './due';
import { evaluateStage, shouldSkip, slotsToOpen, type StageOutcome } from './machine';
import type { ApprovalRequestTable, ApprovalSlotTable, ApprovalStageTable } from './schema';
import { deriveToken, hashToken, newSalt } from './tokens';
import { deputyFor } from './delegation';
import type { Person, ResultReason, SkipCondition, SlotStatus, StageMode } from './types';
import './schema';

/**
 * The transactional steps every operation shares: lock a request, open a stage, settle a
 * stage, finish a request. Each runs inside the caller's transaction, writes its own audit
 * rows, and changes state only through conditional transitions.
 */

export interface StepContext {
	tx: Tx;
	dialect: Dialect;
	settings: ConsortiumSettings;
	now: Date;
	actor: Actor;
	/**
	 * The caller resumes the waiting execution itself if the request finishes: the finishing
	 * update then also claims delivery, instead of a second conditional update.
	 */
	deliverOnFinish?: boolean;
	/**
	 * When set, audit rows gather here and `flushAudit` writes them together before the
	 * transaction commits: one statement instead of one per step on the decision's hot path.
	 */
	auditRows?: AuditRow[];
}

export interface ApprovalEnv {
	store: Store;
	settings: ConsortiumSettings;
	/** The clock; tests pass one in to reach due times without waiting. */
	now?: Date;
}

/** The context of the steps run in one transaction `tx` on behalf of `actor`. */
export function stepContext(env: ApprovalEnv, tx: Tx, actor: Actor): StepContext {
	return {
		tx,
		dialect: env.store.dialect,
		settings: env.settings,
		now: env.now ?? new Date(),
		actor,
	};
}

/**
 * What a change means for the waiting execution: still `pending` with nobody new to tell
 * (the word a stage's outcome and the request's status use), `notify` the approvers it
 * opened, the result, or `returned` to the submitter for amendment (delivered like a result).
 */
export type Outcome = StageOutcome | 'notify' | 'returned';

export interface Change {
	requestId: string;
	outcome: Outcome;
	/** Slots that were opened and need a notification (their tokens are re-derived from the salt). */
	opened: ApprovalSlotTable[];
	/** The request finished and this change claimed the right to deliver the result (`deliverOnFinish`). */
	delivered?: boolean;
}

export type RequestRow = ApprovalRequestTable;
export type StageRow = ApprovalStageTable;
export type SlotRow = ApprovalSlotTable;

type AuditRow = ReturnType<typeof auditRow>;

/**
 * Reads the request row and, on PostgreSQL, locks it until commit, so concurrent
 * decisions on one request are settled one after another and each sees the others'
 * slots. SQLite transactions are already serialised by its write lock.
 */
export async function lockRequest(ctx: StepContext, id: string): Promise<RequestRow | undefined> {
	let query = ctx.tx.selectFrom('approval_request').selectAll().where('id', '=', id);
	if (ctx.dialect === 'postgres') query = query.forUpdate();
	return query.executeTakeFirst();
}

/**
 * A request's stages in order. Sorted here: with ORDER BY the same indexed read took about
 * three times as long on SQLite, and it runs twice on every decision.
 */
export async function stagesOf(db: Db | Tx, requestId: string): Promise<StageRow[]> {
	const stages = await db
		.selectFrom('approval_stage')
		.selectAll()
		.where('request_id', '=', requestId)
		.execute();
	return stages.sort((a, b) => a.idx - b.idx);
}

/**
 * Approver order: stage, position, then creation (a 转交 reassignment keeps its position).
 * Sorted here, not in SQL: the indexes give stage and position, and the last term alone
 * made SQLite build a temporary B-tree on every read of a decision.
 */
export function inSlotOrder<T extends Pick<SlotRow, 'stage_idx' | 'position' | 'created_at'>>(
	slots: T[],
): T[] {
	return slots.sort(
		(a, b) =>
			a.stage_idx - b.stage_idx ||
			a.position - b.position ||
			(a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0),
	);
}

/**
 * Approvers still owing a decision on a request still pending, each with its stage (`t`) and
 * request (`r`) joined: what an inbox lists and what reminders are sent for.
 */
export function pendingSlots(db: Db) {
	return db
		.selectFrom('approval_slot as s')
		.innerJoin('approval_request as r', 'r.id', 's.request_id')
		.innerJoin('approval_stage as t', 't.id', 's.stage_id')
		.where('s.status', '=', 'pending')
		.where('r.status', '=', 'pending');
}

export async function slotsOfStage(ctx: StepContext, stageId: string): Promise<SlotRow[]> {
	return inSlotOrder(
		await ctx.tx.selectFrom('approval_slot').selectAll().where('stage_id', '=', stageId).execute(),
	);
}

export async function audit(
	ctx: StepContext,
	action: string,
	entityType: string,
	entityId: string,
	changes?: unknown,
	note?: string,
) {
	const entry = { ...ctx.actor, action, entityType, entityId, changes, note };
	if (ctx.auditRows) ctx.auditRows.push(auditRow(entry));
	else await writeAudit(ctx.tx, entry);
}

/** Writes the audit rows a context gathered, in order, in one statement of its transaction. */
export async function flushAudit(ctx: StepContext): Promise<void> {
	if (ctx.auditRows?.length) await insertMany(ctx.tx, 'audit', ctx.auditRows.splice(0));
}

/** Gives a slot its link: fresh salt, token derived with the link secret, only the hash stored. */
export async function openSlot(ctx: StepContext, slot: SlotRow): Promise<SlotRow> {
	const deputy = await deputyFor(ctx.tx, slot.email, ctx.now, ctx.settings.timeZone);
	if (deputy) slot = await handToDeputy(ctx, slot, deputy);
	const salt = newSalt();
	const tokenHash = hashToken(deriveToken(ctx.settings.linkSecret, slot.id, salt));
	const openedAt = ctx.now.toISOString();
	const won = await transition(ctx.tx, {
		table: 'approval_slot',
		id: slot.id,
		from: 'waiting',
		to: 'pending',
		set: { token_salt: salt, token_hash: tokenHash, opened_at: openedAt },
	});
	if (!won)
		throw new StateError(
			'审批人状态已变化 / Approver slot changed meanwhile',
			slot.status,
			'pending',
		);
	return {
		...slot,
		status: 'pending',
		token_salt: salt,
		token_hash: tokenHash,
		opened_at: openedAt,
	};
}

/** 委托: the slot opens for the deputy, unless that would let the submitter decide their own request. */
async function handToDeputy(ctx: StepContext, slot: SlotRow, deputy: Person): Promise<SlotRow> {
	const request = await ctx.tx
		.selectFrom('approval_request')
		.select('submitter_email')
		.where('id', '=', slot.request_id)
		.executeTakeFirstOrThrow();
	if (deputy.email === request.submitter_email) return slot;
	const handed = { email: deputy.email, name: deputy.name, delegated_from: slot.email };
	await ctx.tx.updateTable('approval_slot').set(handed).where('id', '=', slot.id).execute();
	await audit(ctx, 'delegated', 'approval_slot', slot.id, {
		request: slot.request_id,
		from: slot.email,
		to: deputy.email,
	});
	return { ...slot, ...handed };
}

export async function insertSlot(
	ctx: StepContext,
	stage: StageRow,
	person: { email: string; name: string | null },
	position: number,
	extra: Partial<SlotRow> = {},
): Promise<SlotRow> {
	const row: SlotRow = {
		id: newId('aps'),
		request_id: stage.request_id,
		stage_id: stage.id,
		stage_idx: stage.idx,
		position,
		email: person.email,
		name: person.name,
		status: 'waiting',
		token_hash: null,
		token_salt: null,
		decided_at: null,
		comment: null,
		ip: null,
		user_agent: null,
		reassigned_from: null,
		delegated_from: null,
		added: 0,
		reminded_at: null,
		opened_at: null,
		created_at: ctx.now.toISOString(),
		...extra,
	};
	await ctx.tx.insertInto('approval_slot').values(row).execute();
	return row;
}

/** Slots still able to act become `to` (closed when a stage ends, expired on timeout). */
async function retireOpenSlots(
	ctx: StepContext,
	where: { stageId?: string; requestId?: string },
	to: SlotStatus,
) {
	let q = ctx.tx
		.updateTable('approval_slot')
		.set({ status: to })
		.where('status', 'in', ['waiting', 'pending']);
	if (where.stageId) q = q.where('stage_id', '=', where.stageId);
	if (where.requestId) q = q.where('request_id', '=', where.requestId);
	await q.execute();
}

export async function expireStageSlots(ctx: StepContext, stage: StageRow) {
	await retireOpenSlots(ctx, { stageId: stage.id }, 'expired');
}

async function emailsApprovedBefore(
	ctx: StepContext,
	requestId: string,
	stageIdx: number,
): Promise<Set<string>> {
	const rows = await ctx.tx
		.selectFrom('approval_slot')
		.select('email')
		.where('request_id', '=', requestId)
		.where('stage_idx', '<', stageIdx)
		.where('status', 'in', ['approved', 'passed'])
		.execute();
	return new Set(rows.map((r) => r.email));
}

/**
 * Moves an active stage as far as it can go: opens the slots whose turn it is (auto-passing
 * approvers who approved an earlier stage when the request allows it), and settles the
 * stage when its mode says it is decided.
 */
export async function advanceStage(
	ctx: StepContext,
	request: RequestRow,
	stage: StageRow,
): Promise<{ outcome: StageOutcome; opened: SlotRow[] }> {
	const opened: SlotRow[] = [];
	const earlier =
		request.auto_pass && stage.idx > 0
			? await emailsApprovedBefore(ctx, request.id, stage.idx)
			: new Set<string>();
	for (;;) {
		const slots = await slotsOfStage(ctx, stage.id);
		const outcome = evaluateStage(stage.mode as StageMode, stage.quorum, slots as never);
		if (outcome !== 'pending') {
			await settleStage(ctx, stage, outcome, { slots });
			return { outcome, opened: [] };
		}
		const toOpen = slotsToOpen(stage.mode as StageMode, slots as never) as unknown as SlotRow[];
		if (toOpen.length === 0) return { outcome, opened };
		let passed = false;
		for (const slot of toOpen) {
			if (earlier.has(slot.email)) {
				await transition(ctx.tx, {
					table: 'approval_slot',
					id: slot.id,
					from: 'waiting',
					to: 'passed',
					set: {
						decided_at: ctx.now.toISOString(),
						comment: '前一阶段已同意，自动通过 Approved in an earlier stage: passed automatically',
					},
				});
				await audit(
					ctx,
					'auto_pass',
					'approval_slot',
					slot.id,
					{ email: slot.email, stage: stage.idx },
					'auto-pass',
				);
				passed = true;
			} else {
				opened.push(await openSlot(ctx, slot));
			}
		}
		if (!passed) return { outcome: 'pending', opened };
	}
}

const isOpen = (slot: Pick<SlotRow, 'status'>) =>
	slot.status === 'waiting' || slot.status === 'pending';

/**
 * `slots`, when the caller read them in this transaction (the request is locked, so they
 * are current), spare the update that closes open slots if none is open.
 */
async function settleStage(
	ctx: StepContext,
	stage: StageRow,
	outcome: 'approved' | 'rejected',
	{ note, slots }: { note?: string; slots?: SlotRow[] } = {},
) {
	const won = await transition(ctx.tx, {
		table: 'approval_stage',
		id: stage.id,
		from: 'active',
		to: outcome,
		set: { finished_at: ctx.now.toISOString() },
	});
	if (!won) throw new StateError('阶段已结束 / Stage was settled meanwhile', stage.status, outcome);
	if (!slots || slots.some(isOpen)) await retireOpenSlots(ctx, { stageId: stage.id }, 'closed');
	await audit(
		ctx,
		`stage_${outcome}`,
		'approval_stage',
		stage.id,
		{ request: stage.request_id, stage: stage.idx },
		note,
	);
}

/** Settles the current stage by a timeout action rather than by votes. */
export async function forceStage(
	ctx: StepContext,
	stage: StageRow,
	outcome: 'approved' | 'rejected',
) {
	await expireStageSlots(ctx, stage);
	await settleStage(ctx, stage, outcome, { note: 'timeout' });
}

/**
 * Starts stages from `fromIdx` on, skipping those whose condition holds, until one waits for
 * people or none is left. `known` are the request's stages as read in this transaction; only
 * those from `fromIdx` on are used, and nothing before has touched them.
 */
export async function activateFrom(
	ctx: StepContext,
	request: RequestRow,
	fromIdx: number,
	known?: StageRow[],
): Promise<Change> {
	const stages = known ?? (await stagesOf(ctx.tx, request.id));
	const fields = JSON.parse(request.subject_fields) as Array<{ label: string; value: string }>;
	for (let idx = fromIdx; idx < stages.length; idx++) {
		const stage = stages[idx];
		if (shouldSkip(stage.skip_if ? (JSON.parse(stage.skip_if) as SkipCondition) : null, fields)) {
			await transition(ctx.tx, {
				table: 'approval_stage',
				id: stage.id,
				from: 'waiting',
				to: 'skipped',
				set: { finished_at: ctx.now.toISOString() },
			});
			await retireOpenSlots(ctx, { stageId: stage.id }, 'closed');
			await audit(ctx, 'stage_skipped', 'approval_stage', stage.id, {
				request: request.id,
				stage: idx,
				condition: JSON.parse(stage.skip_if!),
			});
			continue;
		}
		const dueAt = await stageDueAt(ctx, stage);
		const started = await transition(ctx.tx, {
			table: 'approval_stage',
			id: stage.id,
			from: 'waiting',
			to: 'active',
			set: { started_at: ctx.now.toISOString(), due_at: dueAt },
		});
		if (!started)
			throw new StateError('阶段已开始 / Stage started meanwhile', stage.status, 'active');
		const active = { ...stage, status: 'active', due_at: dueAt };
		await audit(ctx, 'stage_started', 'approval_stage', stage.id, {
			request: request.id,
			stage: idx,
			dueAt,
		});
		const { outcome, opened } = await advanceStage(ctx, request, active);
		if (outcome === 'approved') continue;
		if (outcome === 'rejected') return finishRequest(ctx, request, 'rejected', 'decided');
		await ctx.tx
			.updateTable('approval_request')
			.set({
				current_stage: idx,
				due_at: dueAt,
				updated_at: ctx.now.toISOString(),
				notify_round: sql`notify_round + 1` as never,
			})
			.where('id', '=', request.id)
			.execute();
		return { requestId: request.id, outcome: 'notify', opened };
	}
	// Every stage is settled or skipped by now, each with its slots closed: nothing is left open.
	return finishRequest(ctx, request, 'approved', stages.length ? 'decided' : 'no_stages', null, {
		nothingOpen: true,
	});
}

/** Marks that the workflow gets notification items again, so its next arrival waits rather than times out. */
export async function bumpNotifyRound(ctx: StepContext, requestId: string) {
	await ctx.tx
		.updateTable('approval_request')
		.set({ notify_round: sql`notify_round + 1` as never, updated_at: ctx.now.toISOString() })
		.where('id', '=', requestId)
		.execute();
}

export async function updateDue(ctx: StepContext, requestId: string, dueAt: string | null) {
	await ctx.tx
		.updateTable('approval_request')
		.set({ due_at: dueAt, updated_at: ctx.now.toISOString() })
		.where('id', '=', requestId)
		.execute();
}

/**
 * Takes a pending request out of waiting: no deadline any more, and the waiting execution is
 * owed the outcome once when the context delivers at the end. Refused when another decision
 * ended the request first.
 */
export async function leavePending(
	ctx: StepContext,
	request: RequestRow,
	to: 'approved' | 'rejected' | 'returned',
	set: Record<string, unknown>,
): Promise<void> {
	const won = await transition(ctx.tx, {
		table: 'approval_request',
		id: request.id,
		from: 'pending',
		to,
		set: { ...set, due_at: null, ...(ctx.deliverOnFinish ? { delivered: 1 } : {}) },
	});
	if (!won)
		throw new StateError(
			`审批已结束 / Request ${request.number} is already ${request.status}`,
			request.status,
			to,
		);
}

/**
 * Ends the request. `nothingOpen` says the caller knows no stage or slot of it is still
 * open (its last stage was just settled), which spares the two updates that close them.
 */
export async function finishRequest(
	ctx: StepContext,
	request: RequestRow,
	status: 'approved' | 'rejected',
	reason: ResultReason,
	note?: string | null,
	{ nothingOpen = false } = {},
): Promise<Change> {
	await leavePending(ctx, request, status, {
		reason,
		reason_note: note ?? null,
		decided_at: ctx.now.toISOString(),
		updated_at: ctx.now.toISOString(),
		current_stage: null,
	});
	if (!nothingOpen) {
		// Stages not reached are skipped; a stage still open (withdrawn mid-way) ends with the request.
		await ctx.tx
			.updateTable('approval_stage')
			.set({
				status: sql`case when status = 'waiting' then 'skipped' else ${status} end` as never,
				finished_at: ctx.now.toISOString(),
			})
			.where('request_id', '=', request.id)
			.where('status', 'in', ['waiting', 'active'])
			.execute();
		await retireOpenSlots(ctx, { requestId: request.id }, 'closed');
	}
	await audit(
		ctx,
		status,
		'approval_request',
		request.id,
		{ status: ['pending', status], reason },
		note ?? undefined,
	);
	return {
		requestId: request.id,
		outcome: status,
		opened: [],
		delivered: Boolean(ctx.deliverOnFinish),
	};
}

/** The one caller that wins this resumes the waiting execution with the result; nobody else does. */
export async function claimDelivery(ctx: StepContext, requestId: string): Promise<boolean> {
	const result = await ctx.tx
		.updateTable('approval_request')
		.set({ delivered: 1 })
		.where('id', '=', requestId)
		.where('delivered', '=', 0)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** The request's active stage; a pending request always has one. */
export async function currentStage(ctx: StepContext, request: RequestRow) {
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
export async function applyTimeoutAction(
	ctx: StepContext,
	request: RequestRow,
	force: boolean,
): Promise<Change> {
	const none: Change = { requestId: request.id, outcome: 'pending', opened: [] };
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
