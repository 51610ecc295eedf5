import { diff, writeAudit, type Actor } from '../store/audit';
import { paginate, type Page } from '../store/paginate';
import type { Store, Tx } from '../store/store';
import { transition } from '../store/transition';
import { NotFoundError, StateError, ValidationError } from '../util/errors';
import { newId, nowIso } from '../util/id';
import { dateInZone } from '../util/time';
import { filterValue, optionalBoolean, optionalDate, optionalText, quoted } from '../util/validate';
import {
	assertTransition,
	COURSE_STATE_LABELS,
	EDITABLE_STATES,
	isCourseState,
	type CourseState,
} from './lifecycle';
import { linkList } from './lists';
import { validateProposal, type CourseProposalInput } from './proposal';
import { resolveRules, type CourseRules } from './rules';
import type { CourseTable } from './schema';
import { rowToProposalInput, viewCourses, type CourseView } from './view';

export interface StepOptions {
	/** The date the step took effect; today in the consortium's zone when omitted. */
	date?: unknown;
	note?: unknown;
	evidence?: unknown;
}

export interface CourseContext {
	actor: Actor;
	timeZone: string;
	rules?: Partial<Record<keyof CourseRules, unknown>>;
}

/** Steps whose history row must say why: a rejection or a return for revision. */
const REASON_REQUIRED: readonly CourseState[] = ['rejected', 'returned'];

async function requireCourse(tx: Tx, id: string): Promise<CourseTable> {
	const row = await tx.selectFrom('course').selectAll().where('id', '=', id).executeTakeFirst();
	if (!row) throw new NotFoundError('course', id);
	return row;
}

async function viewOne(tx: Tx, id: string): Promise<CourseView> {
	return (await viewCourses(tx, [await requireCourse(tx, id)]))[0];
}

async function assertCodeFree(tx: Tx, code: string, exceptId?: string): Promise<void> {
	let q = tx.selectFrom('course').select('id').where('code', '=', code);
	if (exceptId) q = q.where('id', '!=', exceptId);
	const clash = await q.executeTakeFirst();
	if (clash)
		throw new ValidationError(
			`课程代码「${code}」已被 ${clash.id} 占用 / Course Code "${code}" is already used by ${clash.id}`,
			'code',
			'duplicate',
		);
}

async function writeLinks(
	tx: Tx,
	courseId: string,
	partnerIds: string[],
	memberIds: string[],
): Promise<void> {
	await tx.deleteFrom('course_partner').where('course_id', '=', courseId).execute();
	await tx.deleteFrom('course_member').where('course_id', '=', courseId).execute();
	if (partnerIds.length) {
		await tx
			.insertInto('course_partner')
			.values(
				partnerIds.map((organisation_id, position) => ({
					id: newId('cpt'),
					course_id: courseId,
					organisation_id,
					position,
				})),
			)
			.execute();
	}
	if (memberIds.length) {
		await tx
			.insertInto('course_member')
			.values(
				memberIds.map((person_id, position) => ({
					id: newId('cmb'),
					course_id: courseId,
					person_id,
					position,
				})),
			)
			.execute();
	}
}

async function linkIds(
	tx: Tx,
	courseId: string,
): Promise<{ partnerIds: string[]; memberIds: string[] }> {
	const partners = await tx
		.selectFrom('course_partner')
		.select('organisation_id')
		.where('course_id', '=', courseId)
		.orderBy('position')
		.execute();
	const members = await tx
		.selectFrom('course_member')
		.select('person_id')
		.where('course_id', '=', courseId)
		.orderBy('position')
		.execute();
	return {
		partnerIds: partners.map((p) => p.organisation_id),
		memberIds: members.map((m) => m.person_id),
	};
}

async function recordStep(
	tx: Tx,
	row: CourseTable,
	to: CourseState,
	step: StepOptions,
	ctx: CourseContext,
	set: Partial<CourseTable> = {},
): Promise<void> {
	const from = row.status as CourseState;
	assertTransition(from, to);
	const note = optionalText(
		step.note,
		'note',
		to === 'returned' || to === 'rejected' ? '原因 Reason' : '备注 Note',
		2000,
	);
	if (REASON_REQUIRED.includes(to) && !note) {
		throw new ValidationError(
			`课程改为「${COURSE_STATE_LABELS[to].split(' ')[0]}」须说明原因 / Reason is required to move a course to "${to}"`,
			'note',
			'required',
		);
	}
	const evidence = linkList(step.evidence, 'evidence', '佐证链接 Evidence Links');
	const onDate =
		optionalDate(step.date, 'date', '日期 Date', ctx.timeZone) ??
		dateInZone(new Date(), ctx.timeZone);
	const updatedAt = nowIso();
	const extra: Partial<CourseTable> = { ...set, updated_at: updatedAt };
	if (to === 'approved') extra.approved_on = onDate;
	if (['rejected', 'returned', 'withdrawn'].includes(to)) extra.status_reason = note;
	const won = await transition(tx, { table: 'course', id: row.id, from, to, set: extra });
	if (!won) {
		const now = await requireCourse(tx, row.id);
		throw new StateError(
			`课程已被他人改为「${COURSE_STATE_LABELS[now.status as CourseState] ?? now.status}」 / The course changed to "${now.status}" meanwhile; "${to}" was not applied`,
			now.status,
			to,
		);
	}
	await tx
		.insertInto('course_history')
		.values({
			id: newId('chs'),
			course_id: row.id,
			from_state: from,
			to_state: to,
			on_date: onDate,
			at: updatedAt,
			note,
			evidence: JSON.stringify(evidence),
			actor: ctx.actor.actor,
		})
		.execute();
	await writeAudit(tx, {
		...ctx.actor,
		action: `status:${to}`,
		entityType: 'course',
		entityId: row.id,
		changes: { status: [from, to], date: onDate, evidence },
		note,
	});
	row.status = to;
	if (to === 'approved') await openPlannedDeliverables(tx, row, updatedAt);
}

/** At 立项 each planned deliverable becomes a tracked record, so the scoreboard can count it. */
async function openPlannedDeliverables(tx: Tx, row: CourseTable, now: string): Promise<void> {
	const planned = JSON.parse(row.planned_deliverables) as string[];
	const existing = new Set(
		(
			await tx
				.selectFrom('course_deliverable')
				.select('kind')
				.where('course_id', '=', row.id)
				.execute()
		).map((d) => d.kind),
	);
	for (const kind of planned.filter((k) => !existing.has(k))) {
		await tx
			.insertInto('course_deliverable')
			.values({
				id: newId('cdl'),
				course_id: row.id,
				kind,
				title: null,
				status: 'planned',
				link: null,
				due_on: null,
				completed_on: null,
				note: null,
				created_at: now,
				updated_at: now,
			})
			.execute();
	}
}

export const courses = {
	async create(store: Store, input: CourseProposalInput, ctx: CourseContext): Promise<CourseView> {
		const rules = resolveRules(ctx.rules);
		return store.transaction(async (tx) => {
			const valid = await validateProposal(tx, input, rules);
			await assertCodeFree(tx, valid.columns.code);
			const now = nowIso();
			const id = newId('crs');
			await tx
				.insertInto('course')
				.values({
					id,
					...valid.columns,
					status: 'draft',
					status_reason: null,
					approved_on: null,
					created_at: now,
					updated_at: now,
				})
				.execute();
			await writeLinks(tx, id, valid.partnerIds, valid.memberIds);
			await writeAudit(tx, {
				...ctx.actor,
				action: 'create',
				entityType: 'course',
				entityId: id,
				changes: { ...valid.columns, partners: valid.partnerIds, team: valid.memberIds },
			});
			return viewOne(tx, id);
		});
	},

	async get(store: Store, id: string): Promise<CourseView> {
		return store.transaction((tx) => viewOne(tx, id));
	},

	/** Edits the proposal's content; only a draft or a returned proposal may change. */
	async update(
		store: Store,
		id: string,
		patch: CourseProposalInput,
		ctx: CourseContext,
	): Promise<CourseView> {
		const rules = resolveRules(ctx.rules);
		return store.transaction(async (tx) => {
			const row = await requireCourse(tx, id);
			const status = row.status as CourseState;
			if (!EDITABLE_STATES.includes(status)) {
				throw new StateError(
					`课程「${COURSE_STATE_LABELS[status]}」时不能修改，仅草稿或退回修改时可改 / A course can be edited only while draft or returned; it is "${status}"`,
					status,
					'update',
				);
			}
			const links = await linkIds(tx, id);
			const given = Object.fromEntries(
				Object.entries(patch).filter(([, v]) => v !== undefined && v !== ''),
			);
			// Total hours follow theory + practice unless the caller states them again.
			const merged = {
				...rowToProposalInput(row, links.partnerIds, links.memberIds),
				hoursTotal: undefined,
				...given,
			};
			const valid = await validateProposal(tx, merged, rules);
			await assertCodeFree(tx, valid.columns.code, id);
			const changes: Record<string, unknown> = diff(
				row as unknown as Record<string, unknown>,
				valid.columns,
			);
			if (JSON.stringify(links.partnerIds) !== JSON.stringify(valid.partnerIds))
				changes.partners = [links.partnerIds, valid.partnerIds];
			if (JSON.stringify(links.memberIds) !== JSON.stringify(valid.memberIds))
				changes.team = [links.memberIds, valid.memberIds];
			if (Object.keys(changes).length === 0) return viewOne(tx, id);
			await tx
				.updateTable('course')
				.set({ ...valid.columns, updated_at: nowIso() })
				.where('id', '=', id)
				.execute();
			await writeLinks(tx, id, valid.partnerIds, valid.memberIds);
			await writeAudit(tx, {
				...ctx.actor,
				action: 'update',
				entityType: 'course',
				entityId: id,
				changes,
			});
			return viewOne(tx, id);
		});
	},

	async list(
		store: Store,
		options: {
			status?: unknown;
			courseType?: unknown;
			code?: unknown;
			startTerm?: unknown;
			after?: string | null;
			limit?: number;
		} = {},
	): Promise<Page<CourseView>> {
		let q = store.db.selectFrom('course').selectAll();
		const status = filterValue(options.status, 'status', '状态 Status');
		if (status) {
			if (!isCourseState(status))
				throw new ValidationError(
					`未知状态 ${quoted(status)} / Status ${quoted(status)} is unknown`,
					'status',
					'enum',
				);
			q = q.where('status', '=', status);
		}
		const courseType = filterValue(options.courseType, 'courseType', '课程类型 Course Type');
		const code = filterValue(options.code, 'code', '课程代码 Course Code');
		const startTerm = filterValue(options.startTerm, 'startTerm', '开课学期 Start Term');
		if (courseType) q = q.where('course_type', '=', courseType);
		if (code) q = q.where('code', '=', code);
		if (startTerm) q = q.where('start_term', '=', startTerm);
		const page = await paginate(q, { after: options.after, limit: options.limit });
		return { items: await viewCourses(store.db, page.items), nextCursor: page.nextCursor };
	},

	/**
	 * Submits a draft or returned proposal after checking it again under the current rules;
	 * with `enterApproval` it also moves on to 审批中 in the same transaction, as a workflow
	 * that starts an approval right away needs.
	 */
	async submit(
		store: Store,
		id: string,
		step: StepOptions & { enterApproval?: unknown },
		ctx: CourseContext,
	): Promise<CourseView> {
		const rules = resolveRules(ctx.rules);
		const enterApproval = optionalBoolean(
			step.enterApproval,
			'enterApproval',
			'同时进入审批 Enter Approval',
		);
		return store.transaction(async (tx) => {
			const row = await requireCourse(tx, id);
			assertTransition(row.status as CourseState, 'submitted');
			const links = await linkIds(tx, id);
			await validateProposal(tx, rowToProposalInput(row, links.partnerIds, links.memberIds), rules);
			await recordStep(tx, row, 'submitted', step, ctx, { status_reason: null });
			if (enterApproval) await recordStep(tx, row, 'under_approval', { date: step.date }, ctx);
			return viewOne(tx, id);
		});
	},

	/** Moves the course to a named next state, recording date, note and evidence. */
	async advance(
		store: Store,
		id: string,
		to: unknown,
		step: StepOptions,
		ctx: CourseContext,
	): Promise<CourseView> {
		if (!isCourseState(to))
			throw new ValidationError(
				`未知目标状态 ${quoted(to)} / Target State ${quoted(to)} is unknown`,
				'to',
				'enum',
			);
		if (to === 'submitted') return courses.submit(store, id, step, ctx);
		return store.transaction(async (tx) => {
			await recordStep(tx, await requireCourse(tx, id), to, step, ctx);
			return viewOne(tx, id);
		});
	},

	withdraw(store: Store, id: string, step: StepOptions, ctx: CourseContext): Promise<CourseView> {
		return courses.advance(store, id, 'withdrawn', step, ctx);
	},

	/** Sends a rejected (or still pending) proposal back for revision, with the reason. */
	returnToDraft(
		store: Store,
		id: string,
		step: StepOptions,
		ctx: CourseContext,
	): Promise<CourseView> {
		return courses.advance(store, id, 'returned', step, ctx);
	},

	async history(store: Store, id: string) {
		const rows = await store.db
			.selectFrom('course_history')
			.selectAll()
			.where('course_id', '=', id)
			.orderBy('id')
			.execute();
		return rows.map((r) => ({
			id: r.id,
			courseId: r.course_id,
			from: r.from_state,
			fromLabel: r.from_state
				? (COURSE_STATE_LABELS[r.from_state as CourseState] ?? r.from_state)
				: null,
			to: r.to_state,
			toLabel: COURSE_STATE_LABELS[r.to_state as CourseState] ?? r.to_state,
			date: r.on_date,
			at: r.at,
			note: r.note ?? '',
			evidence: (JSON.parse(r.evidence) as string[]).join(', '),
			actor: r.actor,
		}));
	},
};
