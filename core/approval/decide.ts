import { transition } from '../store';
import type { ConsortiumSettings, Db, Tx } from '../store';
import {
	activateFrom,
	advanceStage,
	audit,
	flushAudit,
	bumpNotifyRound,
	claimDelivery,
	finishRequest,
	lockRequest,
	slotsOfStage,
	stagesOf,
	type Change,
	type StepContext,
	type RequestRow,
	type SlotRow,
	type StageRow,
	stepContext,
	type ApprovalEnv,
} from './steps';
import {
	listAttachments,
	readAttachment,
	type AttachmentFile,
	type AttachmentInfo,
} from './attachments';
import { loadRecord } from './record';
import { oweRound } from './waiting-execution';
import { returnRequest } from './amend';
import { deriveToken, formKey, hashToken, plausibleToken, sameSecret } from './tokens';
import type { Decision, RequestRecord } from './types';

/**
 * What an approver's link leads to. Each state that changes nothing has its own page, so
 * a used, expired, withdrawn or forged link is never mistaken for a live one.
 */
export type LinkState =
	| 'open'
	| 'recorded'
	| 'used'
	| 'expired'
	| 'withdrawn'
	| 'closed'
	| 'unknown'
	| 'forged'
	| 'self'
	| 'returned'
	| 'commentRequired';

export interface LinkView {
	state: LinkState;
	record: RequestRecord | null;
	slot: SlotRow | null;
	/** Set after a decision: what the waiting execution must be told, if anything. */
	change?: Change;
	/** True when this call won the right to resume the execution with a final result. */
	deliver?: boolean;
	decision?: Decision;
	/** A return without a comment: what the approver had typed, shown again on the page. */
	comment?: string | null;
	/** The base the approver's link is built on, for the form to post back to. */
	linkBase?: string | null;
	/** At the link endpoint: where the waiting execution is told of an outcome reached here. */
	resumeUrl?: string | null;
	/** At the link endpoint: the request is finished and its execution has not had the result yet. */
	handOverResult?: boolean;
	/** At the link endpoint: the notification round this decision opened, for the next approvers' mails. */
	round?: number;
	/** 附件: the request's files, listed on the open decision page (never their content). */
	attachments?: AttachmentInfo[];
}

/** Where a link was called: the execution and node whose resume URL it is. */
export interface LinkScope {
	executionId: string | undefined;
	nodeId: string;
}

/**
 * The slot a token opens. Its hash finds the row; the token must also be the one the current
 * link secret derives for that slot, so a link signed with a secret since rotated opens
 * nothing (催办 then signs the approver a new one).
 */
async function slotByToken(
	db: Db | Tx,
	settings: ConsortiumSettings,
	token: unknown,
): Promise<SlotRow | undefined> {
	if (!plausibleToken(token)) return undefined;
	const slot = await db
		.selectFrom('approval_slot')
		.selectAll()
		.where('token_hash', '=', hashToken(token))
		.executeTakeFirst();
	return slot?.token_salt &&
		sameSecret(token, deriveToken(settings.linkSecret, slot.id, slot.token_salt))
		? slot
		: undefined;
}

/**
 * The request a token's slot belongs to, read (and on PostgreSQL locked) in the transaction.
 * With a scope, a token of a request made by another execution or node is unknown here: a
 * link only ever acts on the execution it was issued for.
 */
async function requestInScope(
	ctx: StepContext,
	slot: SlotRow,
	scope: LinkScope | undefined,
): Promise<RequestRow | undefined> {
	const request = await lockRequest(ctx, slot.request_id);
	if (
		!request ||
		(scope &&
			(request.execution_id !== (scope.executionId ?? null) || request.node_id !== scope.nodeId))
	)
		return undefined;
	return request;
}

function stateOf(
	request: RequestRow,
	stage: StageRow | undefined,
	slot: SlotRow,
	now: Date,
): LinkState {
	// 退回修改: the round this link belonged to was returned; a resubmission mailed new links.
	if (request.status === 'returned' || slot.status === 'returned' || slot.status === 'superseded')
		return 'returned';
	if (request.status !== 'pending') {
		if (request.reason === 'withdrawn') return 'withdrawn';
		return slot.status === 'approved' || slot.status === 'rejected' ? 'used' : 'closed';
	}
	if (slot.status === 'approved' || slot.status === 'rejected' || slot.status === 'passed')
		return 'used';
	if (slot.status !== 'pending' || !stage || stage.status !== 'active') return 'expired';
	// Past the due time with a timeout action, the link is spent even before the action is applied.
	if (
		stage.due_at &&
		stage.due_at <= now.toISOString() &&
		stage.timeout_action !== 'none' &&
		!stage.escalated
	)
		return 'expired';
	if (slot.email === request.submitter_email) return 'self';
	return 'open';
}

/**
 * The page a link shows when nothing is decided: the files while the slot is open, and
 * `deliver` when a request already ended and this call won the right to resume its execution.
 */
async function linkPage(
	ctx: StepContext,
	request: RequestRow,
	slot: SlotRow,
	state: LinkState,
): Promise<LinkView> {
	const deliver =
		request.status !== 'pending' && !request.delivered && (await claimDelivery(ctx, request.id));
	return {
		state,
		record: await loadRecord(ctx.tx, request.id),
		slot,
		deliver,
		linkBase: request.link_base,
		attachments: state === 'open' ? await listAttachments(ctx.tx, request.id) : [],
	};
}

/**
 * For GET and HEAD: what the link shows, changing nothing. If the request was withdrawn
 * and its waiting execution not yet told, `deliver` says this call should resume it.
 */
export async function inspectLink(
	env: ApprovalEnv,
	token: unknown,
	scope?: LinkScope,
): Promise<LinkView> {
	return env.store.transaction(async (tx) => {
		const ctx = stepContext(env, tx, { actor: 'link' });
		const slot = await slotByToken(tx, env.settings, token);
		const request = slot && (await requestInScope(ctx, slot, scope));
		if (!slot || !request) return { state: 'unknown', record: null, slot: null };
		const stage = await tx
			.selectFrom('approval_stage')
			.selectAll()
			.where('id', '=', slot.stage_id)
			.executeTakeFirst();
		return linkPage(ctx, request, slot, stateOf(request, stage, slot, ctx.now));
	});
}

/**
 * For GET and HEAD at the permanent link endpoint: what the link shows, read without a
 * transaction or a lock, so any number of looks at one link never hold up another. Changes
 * nothing; a finished request whose execution has not had the result is flagged for hand-over.
 */
export async function viewLink(env: ApprovalEnv, token: unknown): Promise<LinkView> {
	const db = env.store.db;
	const slot = await slotByToken(db, env.settings, token);
	const request =
		slot &&
		(await db
			.selectFrom('approval_request')
			.selectAll()
			.where('id', '=', slot.request_id)
			.executeTakeFirst());
	if (!slot || !request) return { state: 'unknown', record: null, slot: null };
	const record = await loadRecord(db, request.id);
	const stage = await db
		.selectFrom('approval_stage')
		.selectAll()
		.where('id', '=', slot.stage_id)
		.executeTakeFirst();
	const state = stateOf(request, stage, slot, env.now ?? new Date());
	const attachments = state === 'open' ? await listAttachments(db, request.id) : [];
	return { state, record, slot, linkBase: request.link_base, attachments, ...handOver(request) };
}

/**
 * The request whose slot a token opens, with the same check every look and decision makes
 * (the current secret must derive the token), read without a lock and changing nothing; with
 * a scope, only a request of that execution and node. For reads beside a link, such as an
 * attachment's download.
 */
export async function requestOfLink(
	env: ApprovalEnv,
	token: unknown,
	scope?: LinkScope,
): Promise<string | undefined> {
	const db = env.store.db;
	const slot = await slotByToken(db, env.settings, token);
	if (!slot) return undefined;
	const request = await db
		.selectFrom('approval_request')
		.select(['id', 'execution_id', 'node_id'])
		.where('id', '=', slot.request_id)
		.executeTakeFirst();
	if (
		!request ||
		(scope &&
			(request.execution_id !== (scope.executionId ?? null) || request.node_id !== scope.nodeId))
	)
		return undefined;
	return request.id;
}

export type AttachmentDownload =
	| { state: 'file'; file: AttachmentFile }
	/** The token opens no slot (missing, altered, signed with a rotated secret, another execution's). */
	| { state: 'refused' }
	/** The token is good but its request has no such file. */
	| { state: 'missing' };

/**
 * 附件: a file for download at an approver's link. The token is checked as for every look
 * (`requestOfLink`) and must open a slot of the file's own request.
 *
 * Downloading decides nothing, so it is allowed in every state in which the token still
 * opens its slot: pending (whether or not it is this approver's turn yet), decided,
 * withdrawn or expired alike. The approver who decided may need the contract again
 * afterwards, and the file is part of the request the same link always shows. What ends it
 * is what ends every link: a rotated link secret (催办 then signs a new one).
 */
export async function attachmentForLink(
	env: ApprovalEnv,
	token: unknown,
	attachmentId: unknown,
	scope?: LinkScope,
): Promise<AttachmentDownload> {
	const requestId = await requestOfLink(env, token, scope);
	if (!requestId) return { state: 'refused' };
	const file = await readAttachment(env.store.db, requestId, attachmentId);
	return file ? { state: 'file', file } : { state: 'missing' };
}

/** Where and whether the link endpoint hands a finished request's result to its execution. */
function handOver(request: RequestRow): Pick<LinkView, 'resumeUrl' | 'handOverResult'> {
	return {
		resumeUrl: request.resume_url ?? request.link_base,
		handOverResult: request.status !== 'pending' && !request.delivered,
	};
}

export interface DecisionInput {
	token: unknown;
	formKey: unknown;
	decision: unknown;
	comment?: unknown;
	ip?: string | null;
	userAgent?: string | null;
	/** The execution and node whose URL was called; tokens of other requests are unknown. */
	scope?: LinkScope;
	/**
	 * Decided at the permanent link endpoint, which starts no execution: the result is not
	 * claimed here but handed over to the waiting execution, which claims it.
	 */
	atEndpoint?: boolean;
}

/**
 * Records one approver's decision, as a conditional transition of their slot: of any
 * number of concurrent submissions exactly one counts. Then settles the stage, opens the
 * next one or finishes the request, all in the same transaction with its audit rows.
 */
export async function decide(env: ApprovalEnv, input: DecisionInput): Promise<LinkView> {
	return env.store.transaction(async (tx) => {
		// Whoever wins a final result here resumes the execution: finishing also claims delivery.
		const ctx: StepContext = {
			...stepContext(env, tx, { actor: 'link' }),
			deliverOnFinish: !input.atEndpoint,
			auditRows: [],
		};
		const view = await decideIn(ctx, input);
		await flushAudit(ctx);
		return view;
	});
}

async function decideIn(ctx: StepContext, input: DecisionInput): Promise<LinkView> {
	const { tx } = ctx;
	const slotAsRead = await slotByToken(tx, ctx.settings, input.token);
	const request = slotAsRead && (await requestInScope(ctx, slotAsRead, input.scope));
	if (!slotAsRead || !request) return { state: 'unknown', record: null, slot: null };
	if (!sameSecret(input.formKey, formKey(ctx.settings.linkSecret, input.token as string))) {
		return { state: 'forged', record: null, slot: null };
	}
	const actor = {
		actor: slotAsRead.email,
		ip: input.ip ?? null,
		userAgent: input.userAgent ?? null,
	};
	ctx.actor = actor;
	const decision =
		input.decision === 'approve' || input.decision === 'reject' || input.decision === 'return'
			? input.decision
			: null;
	// On PostgreSQL a concurrent decision may have committed between the first read and the
	// lock: read again. SQLite's write lock was held since the transaction began.
	const slot =
		ctx.dialect === 'postgres'
			? (await tx
					.selectFrom('approval_slot')
					.selectAll()
					.where('id', '=', slotAsRead.id)
					.executeTakeFirst())!
			: slotAsRead;
	const stages = await stagesOf(tx, request.id);
	const stage = stages.find((s) => s.id === slot.stage_id);
	const state = stateOf(request, stage, slot, ctx.now);
	if (state !== 'open' || !decision) {
		if (input.atEndpoint)
			return {
				state,
				record: await loadRecord(tx, request.id),
				slot,
				linkBase: request.link_base,
				...handOver(request),
			};
		return linkPage(ctx, request, slot, state);
	}
	const comment =
		typeof input.comment === 'string' ? input.comment.trim().slice(0, 2000) || null : null;
	// 退回修改 tells the submitter what to correct: without a comment it records nothing.
	if (decision === 'return' && !comment)
		return {
			state: 'commentRequired',
			record: await loadRecord(tx, request.id),
			slot,
			linkBase: request.link_base,
			comment: typeof input.comment === 'string' ? input.comment : null,
		};
	const slotTo =
		decision === 'approve' ? 'approved' : decision === 'reject' ? 'rejected' : 'returned';
	const won = await transition(tx, {
		table: 'approval_slot',
		id: slot.id,
		from: 'pending',
		to: slotTo,
		set: {
			decided_at: ctx.now.toISOString(),
			comment,
			ip: actor.ip,
			user_agent: actor.userAgent?.slice(0, 500) ?? null,
		},
	});
	if (!won) return { state: 'used', record: await loadRecord(tx, request.id), slot };
	await audit(ctx, decision, 'approval_slot', slot.id, {
		request: request.number,
		stage: slot.stage_idx,
		comment,
		...(slot.delegated_from ? { onBehalfOf: slot.delegated_from } : {}),
	});
	const change =
		decision === 'return'
			? await returnRequest(ctx, request, stage!, slot.email, comment!)
			: await settleAfterDecision(ctx, request, stage!, stages);
	// The row was read (and locked) before this decision bumped its round once.
	const round = change.outcome === 'notify' ? request.notify_round + 1 : undefined;
	if (input.atEndpoint && round) await oweRound(ctx, request.id, round);
	const endpoint = input.atEndpoint
		? {
				resumeUrl: request.resume_url ?? request.link_base,
				handOverResult:
					change.outcome === 'approved' ||
					change.outcome === 'rejected' ||
					change.outcome === 'returned',
				round,
			}
		: {};
	return {
		...endpoint,
		state: 'recorded',
		record: await loadRecord(tx, request.id),
		slot: { ...slot, status: slotTo },
		change,
		deliver: change.delivered === true,
		decision,
		linkBase: request.link_base,
	};
}

async function settleAfterDecision(
	ctx: StepContext,
	request: RequestRow,
	stage: StageRow,
	stages: StageRow[],
): Promise<Change> {
	const { outcome, opened } = await advanceStage(ctx, request, stage);
	if (outcome === 'approved') return activateFrom(ctx, request, stage.idx + 1, stages);
	// Rejected in the last stage, nothing after it is left to close.
	if (outcome === 'rejected')
		return finishRequest(ctx, request, 'rejected', 'decided', null, {
			nothingOpen: stage.idx === stages.length - 1,
		});
	if (opened.length) {
		// 依次: the next approver's turn; the execution resumes on Notify for them.
		await bumpNotifyRound(ctx, request.id);
		return { requestId: request.id, outcome: 'notify', opened };
	}
	return { requestId: request.id, outcome: 'pending', opened: [] };
}

export { slotsOfStage };
