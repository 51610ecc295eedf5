import { writeAudit, type Actor } from '../store';
import { ValidationError } from '../util/errors';
import { currentDelegation, endDelegation, setDelegation, type Delegation } from './delegation';
import { newId } from '../util/id';
import { optionalEmail, optionalNumber } from '../util/validate';
import { attachmentsOf, type AttachmentInfo } from './attachments';
import { linkEndpoint } from './endpoint';
import { pendingSlots, type ApprovalEnv } from './steps';
import {
	deriveToken,
	hashToken,
	inboxFormKey,
	linkFor,
	newSalt,
	plausibleToken,
	sameSecret,
} from './tokens';

/**
 * 待办 inbox: one personal link per approver that lists every request waiting on them, across
 * all workflows, oldest first. The inbox only shows; each entry opens that request's own
 * decision link, so deciding keeps every guarantee a decision link has (POST only, the
 * anti-forgery field, one winner, scope to its request). A person has one live inbox link:
 * issuing a new one revokes the old. The page also lets the person set or end their 委托
 * delegation: a POST with the page's anti-forgery field, acting only for the inbox's owner.
 */

/** 本联合体设置 (local setting): how long an inbox link lives unless the node says otherwise. */
export const DEFAULT_INBOX_DAYS = 30;
export const MAX_INBOX_DAYS = 366;

export interface InboxLink {
	email: string;
	link: string;
	expiresAt: string;
}

export interface InboxEntry {
	requestNumber: string;
	title: string;
	stageName: string;
	submitter: string;
	createdAt: string;
	dueAt: string | null;
	/** The approver's own decision link for this request. */
	link: string;
	/** 附件: the request's files, downloaded at `link` with `file=<id>`. */
	attachments: AttachmentInfo[];
}

export type InboxView =
	| {
			state: 'open';
			email: string;
			expiresAt: string;
			entries: InboxEntry[];
			/** The owner's delegation running now or still to come. */
			delegation: Delegation | null;
			/** The delegation form's anti-forgery field. */
			formKey: string;
	  }
	| { state: 'expired' | 'revoked' | 'unknown' };

/** What a POST to the inbox did, for the page to say. */
export interface InboxOutcome {
	notice?: string;
	problem?: { field: string; message: string };
	/** What the person typed, shown again after a refusal. */
	values?: { deputy?: string; from?: string; to?: string };
}

function inboxToken(secret: string, id: string, salt: string): string {
	return deriveToken(secret, `inbox:${id}`, salt);
}

function readEmail(value: unknown): string {
	const email = optionalEmail(value, 'email', '审批人邮箱 Approver Email');
	if (!email)
		throw new ValidationError(
			'审批人邮箱为必填项 / Approver Email is required',
			'email',
			'required',
		);
	return email;
}

/** Issues the person's inbox link, revoking any earlier one. Needs the link endpoint. */
export async function issueInbox(
	env: ApprovalEnv,
	input: { email: unknown; days?: unknown },
	actor: Actor,
): Promise<InboxLink> {
	const email = readEmail(input.email);
	const days =
		optionalNumber(input.days, 'days', '有效天数 Valid for Days', {
			min: 1,
			max: MAX_INBOX_DAYS,
			integer: true,
		}) ?? DEFAULT_INBOX_DAYS;
	const endpoint = await linkEndpoint(env.store);
	if (!endpoint)
		throw new ValidationError(
			'审批链接工作流未启用，无法生成待办链接 / The Approval Links workflow is not active, so there is no address for inbox links',
			'email',
			'endpoint',
		);
	const now = env.now ?? new Date();
	const id = newId('inb');
	const salt = newSalt();
	const token = inboxToken(env.settings.linkSecret, id, salt);
	const expiresAt = new Date(now.getTime() + days * 86400_000).toISOString();
	await env.store.transaction(async (tx) => {
		await tx
			.updateTable('approval_inbox')
			.set({ revoked_at: now.toISOString() })
			.where('email', '=', email)
			.where('revoked_at', 'is', null)
			.execute();
		await tx
			.insertInto('approval_inbox')
			.values({
				id,
				email,
				token_hash: hashToken(token),
				token_salt: salt,
				created_at: now.toISOString(),
				expires_at: expiresAt,
				revoked_at: null,
			})
			.execute();
		await writeAudit(tx, {
			...actor,
			action: 'issue_inbox',
			entityType: 'approval_inbox',
			entityId: id,
			changes: { email, expiresAt },
		});
	});
	const url = new URL(endpoint);
	url.searchParams.set('inbox', token);
	return { email, link: url.toString(), expiresAt };
}

/** Revokes the person's live inbox link; returns how many were live (0 or 1). */
export async function revokeInbox(
	env: ApprovalEnv,
	input: { email: unknown },
	actor: Actor,
): Promise<number> {
	const email = readEmail(input.email);
	const now = (env.now ?? new Date()).toISOString();
	return env.store.transaction(async (tx) => {
		const live = await tx
			.selectFrom('approval_inbox')
			.select('id')
			.where('email', '=', email)
			.where('revoked_at', 'is', null)
			.execute();
		if (live.length === 0) return 0;
		await tx
			.updateTable('approval_inbox')
			.set({ revoked_at: now })
			.where(
				'id',
				'in',
				live.map((r) => r.id),
			)
			.execute();
		for (const { id } of live)
			await writeAudit(tx, {
				...actor,
				action: 'revoke_inbox',
				entityType: 'approval_inbox',
				entityId: id,
				changes: { email },
			});
		return live.length;
	});
}

/** Everyone a pending request is waiting on now, for a digest that mails each their inbox. */
export async function waitingApprovers(env: ApprovalEnv, limit = 1000): Promise<string[]> {
	const rows = await env.store.db
		.selectFrom('approval_slot as s')
		.innerJoin('approval_request as r', 'r.id', 's.request_id')
		.select('s.email')
		.distinct()
		.where('s.status', '=', 'pending')
		.where('r.status', '=', 'pending')
		.orderBy('s.email')
		.limit(limit)
		.execute();
	return rows.map((r) => r.email);
}

/** The owner of a live inbox token, or why the token opens nothing. */
async function openInbox(
	env: ApprovalEnv,
	token: unknown,
): Promise<
	{ state: 'open'; email: string; expiresAt: string } | { state: 'expired' | 'revoked' | 'unknown' }
> {
	if (!plausibleToken(token)) return { state: 'unknown' };
	const inbox = await env.store.db
		.selectFrom('approval_inbox')
		.selectAll()
		.where('token_hash', '=', hashToken(token))
		.executeTakeFirst();
	// The hash matches only a token made with this secret: after a rotation old links are unknown.
	if (!inbox || inboxToken(env.settings.linkSecret, inbox.id, inbox.token_salt) !== token)
		return { state: 'unknown' };
	if (inbox.revoked_at) return { state: 'revoked' };
	const now = (env.now ?? new Date()).toISOString();
	if (inbox.expires_at <= now) return { state: 'expired' };
	return { state: 'open', email: inbox.email, expiresAt: inbox.expires_at };
}

/** What an inbox link shows now. Looking never changes anything. */
export async function viewInbox(env: ApprovalEnv, token: unknown): Promise<InboxView> {
	const inbox = await openInbox(env, token);
	if (inbox.state !== 'open') return inbox;
	const rows = await pendingSlots(env.store.db)
		.select([
			's.id as slotId',
			'r.id as requestId',
			's.token_salt as salt',
			'r.number',
			'r.title',
			'r.submitter_email',
			'r.submitter_name',
			'r.created_at',
			'r.link_base',
			't.name as stageName',
			't.due_at',
		])
		.where('s.email', '=', inbox.email)
		.where('s.token_salt', 'is not', null)
		.orderBy('r.created_at')
		.orderBy('r.number')
		.limit(200)
		.execute();
	const shown = rows.filter((r) => r.link_base);
	const files = await attachmentsOf(
		env.store.db,
		shown.map((r) => r.requestId),
	);
	const entries = shown.map((r) => ({
		requestNumber: r.number,
		title: r.title,
		stageName: r.stageName,
		submitter: r.submitter_name ?? r.submitter_email,
		createdAt: r.created_at,
		dueAt: r.due_at,
		link: linkFor(r.link_base!, deriveToken(env.settings.linkSecret, r.slotId, r.salt!)),
		attachments: files.get(r.requestId) ?? [],
	}));
	return {
		state: 'open',
		email: inbox.email,
		expiresAt: inbox.expiresAt,
		entries,
		delegation: await currentDelegation(env, inbox.email),
		formKey: inboxFormKey(env.settings.linkSecret, token as string),
	};
}

/**
 * The inbox page's POST: sets (`delegate`) or ends (`endDelegation`) the owner's delegation.
 * It acts only with a live inbox token and its page's anti-forgery field, and only for the
 * inbox's owner; the audit row names them and where the request came from.
 */
export async function actOnInbox(
	env: ApprovalEnv,
	input: {
		token: unknown;
		formKey: unknown;
		action: unknown;
		deputy?: unknown;
		from?: unknown;
		to?: unknown;
	},
	client: { ip?: string | null; userAgent?: string | null },
): Promise<{ view: InboxView; outcome: InboxOutcome; status: number }> {
	const inbox = await openInbox(env, input.token);
	if (inbox.state !== 'open') return { view: inbox, outcome: {}, status: 0 };
	const token = input.token as string;
	const again = async (outcome: InboxOutcome, status: number) => ({
		view: await viewInbox(env, token),
		outcome,
		status,
	});
	if (!sameSecret(input.formKey, inboxFormKey(env.settings.linkSecret, token)))
		return again(
			{
				problem: {
					field: 'formKey',
					message: '页面已过期，请刷新后重试 / The page is out of date; reload it and try again',
				},
			},
			403,
		);
	const actor: Actor = {
		actor: inbox.email,
		ip: client.ip ?? null,
		userAgent: client.userAgent ?? null,
	};
	if (input.action === 'endDelegation') {
		const ended = await endDelegation(env, { approver: inbox.email }, actor);
		return again(
			{ notice: ended ? '委托已结束 Delegation ended' : '当前没有委托 No delegation to end' },
			200,
		);
	}
	if (input.action !== 'delegate')
		return again({ problem: { field: 'action', message: '未知操作 / Unknown action' } }, 422);
	const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
	const values = { deputy: text(input.deputy), from: text(input.from), to: text(input.to) };
	try {
		const set = await setDelegation(env, { approver: inbox.email, ...values }, actor);
		return again(
			{
				notice: `已委托 ${set.deputy.name ?? set.deputy.email} 代为审批 Delegated to ${set.deputy.email}`,
			},
			200,
		);
	} catch (error) {
		if (!(error instanceof ValidationError)) throw error;
		return again(
			{ problem: { field: error.field ?? 'deputy', message: error.message }, values },
			422,
		);
	}
}
