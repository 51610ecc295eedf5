import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import type { Actor, Db, Tx } from '../store';
import { ValidationError } from '../util/errors';
import { newId } from '../util/id';
import { parseSummaryFields } from './spec';
import {
	activateFrom,
	audit,
	insertSlot,
	leavePending,
	lockRequest,
	stagesOf,
	stepContext,
	type ApprovalEnv,
	type Change,
	type RequestRow,
	type SlotRow,
	type StageRow,
	type StepContext,
} from './steps';
import { hashToken, newSalt, plausibleToken, sameSecret } from './tokens';
import type { AmendmentRecord } from './types';
import './schema';

/**
 * 退回修改 Return for amendment. An approver returns a pending request to its submitter with a
 * comment; the request becomes `returned`, the open slots of the round close as `returned`
 * (their links then say so), and an amend token is issued. The submitter corrects the request
 * through the amend form and resubmits it with that token: the same request, the same number,
 * reopened at the stage that returned it (or the first stage). Each return keeps the version
 * returned and the version resubmitted, so history and audit show both.
 */

export interface ApprovalAmendTable {
	id: string;
	request_id: string;
	/** 1 for the request's first return, 2 for the second, … */
	round: number;
	stage_idx: number;
	resume_from: string;
	returned_by: string;
	comment: string;
	/** JSON {title, fields}: the version returned. */
	previous: string;
	/** JSON {title, fields}: the version resubmitted; null until then. */
	current: string | null;
	/** sha256 of the amend token; the token itself is never stored. */
	token_hash: string;
	/** 128 random bits from which the token is derived with the link secret. */
	token_salt: string;
	returned_at: string;
	/** Set when the correction was resubmitted: the token works once. */
	resubmitted_at: string | null;
}

declare module '../store/schema' {
	interface Database {
		approval_amend: ApprovalAmendTable;
	}
}

declare module './schema' {
	interface ApprovalRequestTable {
		/** JSON `AmendConfig` given by the Request Approval node; null: defaults, no amend form. */
		amend_config?: string | null;
	}
}

export const RESUME_FROM = ['returning', 'first'] as const;
export type ResumeFrom = (typeof RESUME_FROM)[number];

/** What the Request Approval node was told about amendments when it created the request. */
export interface AmendConfig {
	/** The form the submitter corrects on; the amend token is added as `amend`. */
	formUrl: string | null;
	/** Query parameters that prefill the form's fields (n8n's Form Trigger reads them). */
	prefill: Record<string, string>;
	resumeFrom: ResumeFrom;
}

/** The query parameter carrying the amend token on the amend form's URL. */
export const AMEND_PARAM = 'amend';

export function deriveAmendToken(secret: string, amendId: string, salt: string): string {
	return createHmac('sha256', secret)
		.update(`approval-amend:${amendId}:${salt}`)
		.digest('base64url');
}

export function parseAmendConfig(input: {
	formUrl?: unknown;
	prefill?: unknown;
	resumeFrom?: unknown;
}): AmendConfig {
	const formUrl = typeof input.formUrl === 'string' ? input.formUrl.trim() : '';
	if (formUrl && !/^https?:\/\//i.test(formUrl))
		throw new ValidationError(
			'修改表单地址须以 http:// 或 https:// 开头 Amend Form URL must start with http:// or https://',
			'amendFormUrl',
		);
	let prefill: unknown = input.prefill ?? {};
	if (typeof prefill === 'string') {
		try {
			prefill = prefill.trim() ? JSON.parse(prefill) : {};
		} catch {
			throw new ValidationError(
				'修改表单预填须为 JSON 对象 Amend Prefill must be a JSON object',
				'amendPrefill',
			);
		}
	}
	if (!prefill || typeof prefill !== 'object' || Array.isArray(prefill))
		throw new ValidationError(
			'修改表单预填须为 JSON 对象 Amend Prefill must be a JSON object',
			'amendPrefill',
		);
	const resumeFrom = input.resumeFrom === 'first' ? 'first' : 'returning';
	return {
		formUrl: formUrl || null,
		prefill: Object.fromEntries(
			Object.entries(prefill as Record<string, unknown>)
				.filter(([, v]) => v !== null && v !== undefined)
				.map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
		),
		resumeFrom,
	};
}

export async function setAmendConfig(env: ApprovalEnv, requestId: string, config: AmendConfig) {
	await env.store.db
		.updateTable('approval_request')
		.set({ amend_config: JSON.stringify(config) })
		.where('id', '=', requestId)
		.execute();
}

function readConfig(request: Pick<RequestRow, 'amend_config'>): AmendConfig {
	return request.amend_config
		? (JSON.parse(request.amend_config) as AmendConfig)
		: { formUrl: null, prefill: {}, resumeFrom: 'returning' };
}

const version = (request: RequestRow) => ({
	title: request.title,
	fields: JSON.parse(request.subject_fields) as Array<{ label: string; value: string }>,
});

/**
 * Inside the deciding transaction, after the returner's slot became `returned`: the request
 * waits for its submitter. The round's open slots close as `returned`, the stage too, and the
 * amend token is issued. Like a final result, the waiting execution learns it once (`delivered`).
 */
export async function returnRequest(
	ctx: StepContext,
	request: RequestRow,
	stage: StageRow,
	returnedBy: string,
	comment: string,
): Promise<Change> {
	const at = ctx.now.toISOString();
	await leavePending(ctx, request, 'returned', {
		reason: 'returned',
		reason_note: comment,
		updated_at: at,
	});
	await ctx.tx
		.updateTable('approval_stage')
		.set({ status: 'returned', finished_at: at })
		.where('id', '=', stage.id)
		.where('status', '=', 'active')
		.execute();
	// The round's open links now say 已退回; later stages were never reached and stay as they are.
	await ctx.tx
		.updateTable('approval_slot')
		.set({ status: 'returned' })
		.where('stage_id', '=', stage.id)
		.where('status', 'in', ['waiting', 'pending'])
		.execute();
	const last = await ctx.tx
		.selectFrom('approval_amend')
		.select(sql<number>`max(round)`.as('round'))
		.where('request_id', '=', request.id)
		.executeTakeFirst();
	const config = readConfig(request);
	const row: ApprovalAmendTable = {
		id: newId('apm'),
		request_id: request.id,
		round: Number(last?.round ?? 0) + 1,
		stage_idx: stage.idx,
		resume_from: config.resumeFrom,
		returned_by: returnedBy,
		comment,
		previous: JSON.stringify(version(request)),
		current: null,
		token_hash: '',
		token_salt: newSalt(),
		returned_at: at,
		resubmitted_at: null,
	};
	row.token_hash = hashToken(deriveAmendToken(ctx.settings.linkSecret, row.id, row.token_salt));
	await ctx.tx.insertInto('approval_amend').values(row).execute();
	await audit(ctx, 'returned', 'approval_request', request.id, {
		status: ['pending', 'returned'],
		request: request.number,
		stage: stage.idx,
		round: row.round,
		comment,
		version: version(request),
	});
	return {
		requestId: request.id,
		outcome: 'returned',
		opened: [],
		delivered: Boolean(ctx.deliverOnFinish),
	};
}

/**
 * The submitter's amend link of a returned request: the amend form's URL with the prefill
 * and the token, re-derived from the stored salt. Null when the request is not waiting for a
 * correction, or the node was given no amend form (then `amendToken` alone is returned).
 */
export async function amendLinkOf(
	env: ApprovalEnv,
	db: Db | Tx,
	requestId: string,
): Promise<{ amendToken: string; amendUrl: string | null } | null> {
	const request = await db
		.selectFrom('approval_request')
		.selectAll()
		.where('id', '=', requestId)
		.executeTakeFirst();
	if (!request || request.status !== 'returned') return null;
	const amend = await db
		.selectFrom('approval_amend')
		.selectAll()
		.where('request_id', '=', requestId)
		.where('resubmitted_at', 'is', null)
		.orderBy('round', 'desc')
		.executeTakeFirst();
	if (!amend) return null;
	const amendToken = deriveAmendToken(env.settings.linkSecret, amend.id, amend.token_salt);
	const config = readConfig(request);
	if (!config.formUrl) return { amendToken, amendUrl: null };
	const url = new URL(config.formUrl);
	for (const [key, value] of Object.entries(config.prefill)) url.searchParams.set(key, value);
	url.searchParams.set(AMEND_PARAM, amendToken);
	return { amendToken, amendUrl: url.toString() };
}

/** The amend row a token opens, if the current secret derives it. */
async function amendByToken(
	db: Db | Tx,
	secret: string,
	token: unknown,
): Promise<ApprovalAmendTable | undefined> {
	if (!plausibleToken(token)) return undefined;
	const row = await db
		.selectFrom('approval_amend')
		.selectAll()
		.where('token_hash', '=', hashToken(token))
		.executeTakeFirst();
	return row && sameSecret(token, deriveAmendToken(secret, row.id, row.token_salt))
		? row
		: undefined;
}

const TOKEN_FIELD = 'amendToken';

function refuse(row: ApprovalAmendTable | undefined, request: RequestRow | undefined): never {
	if (!row || !request)
		throw new ValidationError(
			'修改令牌无效：链接不完整或已被修改 Amend token is not valid: the link is incomplete or was altered',
			TOKEN_FIELD,
			'amend_token_invalid',
		);
	throw new ValidationError(
		`修改令牌已使用或已失效：申请 ${request.number} 当前为 ${request.status === 'pending' ? '审批中' : request.status === 'approved' ? '已通过' : request.status === 'rejected' ? '未通过' : '已退回'} Amend token was used or is no longer valid: ${request.number} is ${request.status}`,
		TOKEN_FIELD,
		'amend_token_used',
	);
}

/**
 * For the form workflow before it shows success: the returned request a token corrects.
 * A bad or used token is a ValidationError naming `amendToken`.
 */
export async function checkAmendToken(
	env: ApprovalEnv,
	token: unknown,
): Promise<{ requestId: string; requestNumber: string; subjectId: string | null; round: number }> {
	const db = env.store.db;
	const row = await amendByToken(db, env.settings.linkSecret, token);
	const request =
		row &&
		(await db
			.selectFrom('approval_request')
			.selectAll()
			.where('id', '=', row.request_id)
			.executeTakeFirst());
	if (!row || !request || row.resubmitted_at || request.status !== 'returned') refuse(row, request);
	return {
		requestId: request.id,
		requestNumber: request.number,
		subjectId: request.subject_id,
		round: row.round,
	};
}

export interface ResubmitInput {
	token: unknown;
	/** The corrected title; empty keeps the returned one. */
	title?: unknown;
	/** The corrected summary fields (as Request Approval takes them); empty keeps the returned ones. */
	fields?: unknown;
	/** The resubmitting execution and node, which now wait for the result. */
	linkBase: string | null;
	resumeUrl: string | null;
	executionId: string | null;
	nodeId: string | null;
}

/**
 * 重新提交: the corrected request comes back under its number. The amend token is spent; the
 * stages from the one to resume from are reset, their earlier slots kept as `superseded` (or
 * `returned`) for history, and fresh slots with fresh tokens are opened for the same approvers.
 * The request now belongs to the resubmitting execution, which waits for it as a new request's would.
 */
export async function resubmit(
	env: ApprovalEnv,
	input: ResubmitInput,
	actor: Actor,
): Promise<{ request: RequestRow; change: Change }> {
	return env.store.transaction(async (tx) => {
		const ctx = stepContext(env, tx, actor);
		const found = await amendByToken(tx, env.settings.linkSecret, input.token);
		const request = found && (await lockRequest(ctx, found.request_id));
		// Read again under the request's lock: of two resubmissions with one token, one wins.
		const row =
			found &&
			(await tx
				.selectFrom('approval_amend')
				.selectAll()
				.where('id', '=', found.id)
				.executeTakeFirst());
		if (!row || !request || row.resubmitted_at || request.status !== 'returned')
			refuse(row, request);
		const at = ctx.now.toISOString();
		const title =
			typeof input.title === 'string' && input.title.trim()
				? input.title.trim().slice(0, 500)
				: request.title;
		const emptyFields =
			input.fields === undefined ||
			input.fields === null ||
			(typeof input.fields === 'string' && !input.fields.trim());
		const fields = emptyFields
			? (JSON.parse(request.subject_fields) as Array<{ label: string; value: string }>)
			: parseSummaryFields(input.fields);
		const current = { title, fields };
		const spent = await tx
			.updateTable('approval_amend')
			.set({ resubmitted_at: at, current: JSON.stringify(current) })
			.where('id', '=', row.id)
			.where('resubmitted_at', 'is', null)
			.executeTakeFirst();
		if (Number(spent.numUpdatedRows) !== 1) refuse(row, { ...request, status: 'pending' });
		const from = row.resume_from === 'first' ? 0 : row.stage_idx;
		await tx
			.updateTable('approval_request')
			.set({
				status: 'pending',
				reason: null,
				reason_note: null,
				title,
				subject_fields: JSON.stringify(fields),
				decided_at: null,
				delivered: 0,
				link_base: input.linkBase,
				resume_url: input.resumeUrl,
				execution_id: input.executionId,
				node_id: input.nodeId,
				// A new execution waits: rounds start level, nothing owed to the one that ended.
				waited_round: sql`notify_round` as never,
				handed_round: sql`notify_round` as never,
				owed_round: sql`notify_round` as never,
				updated_at: at,
			})
			.where('id', '=', request.id)
			.execute();
		const stages = await stagesOf(tx, request.id);
		for (const stage of stages.filter((s) => s.idx >= from)) await resetStage(ctx, stage);
		await audit(ctx, 'resubmitted', 'approval_request', request.id, {
			status: ['returned', 'pending'],
			request: request.number,
			round: row.round,
			resumeFrom: row.resume_from,
			stage: from,
			previous: JSON.parse(row.previous),
			current,
		});
		const reread = (await lockRequest(ctx, request.id))!;
		const change = await activateFrom(ctx, reread, from);
		return { request: reread, change };
	});
}

/** A stage to decide again: earlier slots stay for history but no longer count; the same people get fresh slots. */
async function resetStage(ctx: StepContext, stage: StageRow) {
	// Never reached: its slots still wait, as made.
	if (stage.status === 'waiting') return;
	const slots = await ctx.tx
		.selectFrom('approval_slot')
		.selectAll()
		.where('stage_id', '=', stage.id)
		.orderBy('position')
		.execute();
	await ctx.tx
		.updateTable('approval_slot')
		.set({ status: 'superseded' })
		.where('stage_id', '=', stage.id)
		.where('status', 'in', ['approved', 'rejected', 'passed', 'waiting', 'pending'])
		.execute();
	await ctx.tx
		.updateTable('approval_stage')
		.set({
			status: 'waiting',
			started_at: null,
			finished_at: null,
			due_at: null,
			escalated: 0,
		})
		.where('id', '=', stage.id)
		.execute();
	// The approvers the stage was made with (a deputy's slot stands for its owner; escalation
	// and 加签 slots were not), in order, once each; delegations apply afresh when they open.
	const people = new Map<string, string | null>();
	for (const slot of slots as SlotRow[]) {
		if (slot.added || slot.status === 'revoked') continue;
		const email = slot.delegated_from ?? slot.email;
		if (!people.has(email)) people.set(email, slot.delegated_from ? null : slot.name);
	}
	let position = slots.length;
	for (const [email, name] of people)
		await insertSlot(ctx, { ...stage, status: 'waiting' }, { email, name }, position++);
}

/** The request's returns with both versions, oldest first, for the record view. */
export async function amendmentsOf(db: Db | Tx, requestId: string): Promise<AmendmentRecord[]> {
	const rows = await db
		.selectFrom('approval_amend')
		.selectAll()
		.where('request_id', '=', requestId)
		.execute();
	return rows
		.sort((a, b) => a.round - b.round)
		.map((r) => ({
			round: r.round,
			stage: r.stage_idx,
			returnedBy: r.returned_by,
			returnedAt: r.returned_at,
			comment: r.comment,
			resumeFrom: r.resume_from as ResumeFrom,
			previous: JSON.parse(r.previous),
			resubmittedAt: r.resubmitted_at,
			current: r.current ? JSON.parse(r.current) : null,
		}));
}
