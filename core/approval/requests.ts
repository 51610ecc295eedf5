import { sql } from 'kysely';
import { paginate, type Actor, type Db, type Page, type Tx } from '../store';
import { writeAudit } from '../store/audit';
import { NotFoundError, ValidationError } from '../util/errors';
import { newId } from '../util/id';
import {
	activateFrom,
	insertSlot,
	stepContext,
	type ApprovalEnv,
	type Change,
	type RequestRow,
	type StageRow,
} from './steps';
import { storeAttachments, type ValidAttachment } from './attachments';
import { formatNumber } from './machine';
import type { ApprovalRequestTable } from './schema';
import type { RequestSpec } from './types';
import { optionalDate } from '../util/validate';
import { addDays, startOfDayInZone } from '../util/time';

const yearFormats = new Map<string, Intl.DateTimeFormat>();
function yearInZone(now: Date, timeZone: string): number {
	let format = yearFormats.get(timeZone);
	if (!format)
		yearFormats.set(
			timeZone,
			(format = new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' })),
		);
	return Number(format.format(now));
}

/**
 * The next number of the year for a prefix. One upsert that increments and returns the
 * counter: concurrent creators each get their own number on both dialects (the row lock
 * on PostgreSQL, the write lock on SQLite), and a rolled-back creation leaves no gap used.
 */
export async function nextNumber(tx: Tx, prefix: string, year: number): Promise<string> {
	const row = await tx
		.insertInto('approval_sequence')
		.values({ prefix, year, last: 1 })
		.onConflict((oc) =>
			oc
				.columns(['prefix', 'year'])
				.doUpdateSet({ last: sql`approval_sequence.last + 1` as never }),
		)
		.returning('last')
		.executeTakeFirstOrThrow();
	return formatNumber(prefix, year, Number(row.last));
}

export interface Created {
	request: RequestRow;
	change: Change;
}

/**
 * Creates a request with its stages, approver slots and 附件 files (checked beforehand by
 * `validateAttachments`), and opens the first stage that is not skipped. One transaction:
 * a request is never left without its files, nor files without their request.
 */
export async function createRequest(
	env: ApprovalEnv,
	spec: RequestSpec,
	actor: Actor,
	attachments: ValidAttachment[] = [],
): Promise<Created> {
	return env.store.transaction(async (tx) => {
		const ctx = stepContext(env, tx, actor);
		const at = ctx.now.toISOString();
		const request: ApprovalRequestTable = {
			id: newId('apr'),
			number: await nextNumber(tx, spec.numberPrefix, yearInZone(ctx.now, env.settings.timeZone)),
			subject_type: spec.subject.type,
			subject_id: spec.subject.id,
			title: spec.subject.title,
			subject_fields: JSON.stringify(spec.subject.fields),
			submitter_email: spec.submitter.email,
			submitter_name: spec.submitter.name,
			cc: JSON.stringify(spec.cc),
			status: 'pending',
			reason: null,
			reason_note: null,
			current_stage: null,
			due_at: null,
			auto_pass: spec.autoPassRepeatApprover ? 1 : 0,
			link_base: spec.linkBase,
			resume_url: spec.resumeUrl ?? null,
			handed_round: 0,
			owed_round: 0,
			execution_id: spec.executionId,
			node_id: spec.nodeId,
			notify_round: 0,
			waited_round: 0,
			delivered: 0,
			redelivered_at: null,
			created_at: at,
			updated_at: at,
			decided_at: null,
		};
		await tx.insertInto('approval_request').values(request).execute();
		await storeAttachments(tx, request.id, attachments, at);
		for (const [idx, s] of spec.stages.entries()) {
			const stage: StageRow = {
				id: newId('apt'),
				request_id: request.id,
				idx,
				name: s.name,
				mode: s.mode,
				quorum: s.quorum,
				status: 'waiting',
				skip_if: s.skipIf ? JSON.stringify(s.skipIf) : null,
				due_hours: s.dueHours,
				due_working_days: s.dueWorkingDays,
				remind_hours: s.remindEveryHours,
				remind_working_days: s.remindEveryWorkingDays,
				timeout_action: s.timeoutAction,
				escalate_to: JSON.stringify(s.escalateTo),
				escalated: 0,
				due_at: null,
				started_at: null,
				finished_at: null,
			};
			await tx.insertInto('approval_stage').values(stage).execute();
			for (const [position, person] of s.approvers.entries())
				await insertSlot(ctx, stage, person, position);
		}
		await writeAudit(tx, {
			...actor,
			action: 'create',
			entityType: 'approval_request',
			entityId: request.id,
			changes: {
				number: request.number,
				title: request.title,
				stages: spec.stages.length,
				...(attachments.length
					? {
							attachments: attachments.map((a) => ({
								name: a.fileName,
								size: a.content.byteLength,
							})),
						}
					: {}),
			},
		});
		const change = await activateFrom(ctx, request, 0);
		return {
			request: await tx
				.selectFrom('approval_request')
				.selectAll()
				.where('id', '=', request.id)
				.executeTakeFirstOrThrow(),
			change,
		};
	});
}

/**
 * Finds a request by id (`apr_…`) or by number (`KC-2026-0001`). Number prefixes are letters
 * and digits only, so the two never look alike and one index lookup suffices.
 */
export async function findRequest(db: Db | Tx, idOrNumber: string): Promise<RequestRow> {
	const key = String(idOrNumber ?? '').trim();
	const query = db.selectFrom('approval_request').selectAll();
	const row = await (
		key.startsWith('apr_')
			? query.where('id', '=', key)
			: query.where('number', '=', key.toUpperCase())
	).executeTakeFirst();
	if (!row) throw new NotFoundError('approval request 审批', key);
	return row;
}

export interface ListFilters {
	status?: string;
	/** Only pending requests whose current stage is past its due time. */
	overdue?: boolean;
	/** Requests where this email is an approver; with `pendingOnly`, only where they still have to decide. */
	approver?: string;
	pendingOnly?: boolean;
	subjectType?: string;
	createdFrom?: string;
	createdTo?: string;
}

export async function listRequests(
	env: ApprovalEnv,
	filters: ListFilters,
	page: { after?: string | null; limit?: number },
): Promise<Page<RequestRow>> {
	let query = env.store.db.selectFrom('approval_request').selectAll();
	if (filters.status) query = query.where('status', '=', filters.status);
	if (filters.overdue)
		query = query
			.where('status', '=', 'pending')
			.where('due_at', 'is not', null)
			.where('due_at', '<', (env.now ?? new Date()).toISOString());
	if (filters.subjectType) query = query.where('subject_type', '=', filters.subjectType);
	// Days are the consortium's days: a request made at 00:30 Beijing time (16:30 UTC the day
	// before) belongs to its Beijing date, so each bound is the instant that day begins there.
	const zone = env.settings.timeZone;
	const from = optionalDate(filters.createdFrom, 'createdFrom', '创建起 Created From', zone);
	const to = optionalDate(filters.createdTo, 'createdTo', '创建止 Created To', zone);
	if (from) query = query.where('created_at', '>=', startOfDayInZone(from, zone));
	if (to) query = query.where('created_at', '<', startOfDayInZone(addDays(to, 1), zone));
	if (filters.approver) {
		const email = filters.approver.trim().toLowerCase();
		if (!email.includes('@'))
			throw new ValidationError(
				'审批人应为邮箱 / Approver filter must be an email',
				'approver',
				'email',
			);
		query = query.where((eb) =>
			eb.exists(
				eb
					.selectFrom('approval_slot')
					.select('approval_slot.id')
					.whereRef('approval_slot.request_id', '=', 'approval_request.id')
					.where('approval_slot.email', '=', email)
					.where(
						'approval_slot.status',
						'in',
						filters.pendingOnly
							? ['pending']
							: ['waiting', 'pending', 'approved', 'rejected', 'passed', 'expired'],
					),
			),
		);
	}
	return paginate(query, page);
}
