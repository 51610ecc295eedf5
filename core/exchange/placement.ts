import { addPersonReference, addOrganisationReference } from '../directory';
import { diff, writeAudit, type Actor } from '../store/audit';
import { paginate, type Page } from '../store/paginate';
import { dryRun } from '../store/dry-run';
import type { Store, Tx } from '../store/store';
import { transition } from '../store/transition';
import { NotFoundError, StateError, ValidationError } from '../util/errors';
import { newId, nowIso } from '../util/id';
import { daysBetween } from '../util/time';
import {
	filterValue,
	oneOf,
	optionalNumber,
	optionalText,
	quoted,
	requiredDate,
	requiredText,
} from '../util/validate';
import {
	assertTransition,
	PLACEMENT_TRANSITIONS,
	STATUS_LABELS,
	type PlacementStatus,
} from './lifecycle';
import { requireOrganisation, requirePerson } from '../directory/lookup';

export const PLACEMENT_FORMS = ['visit', 'training', 'post', 'rnd'] as const;
export const FORM_LABELS: Record<(typeof PLACEMENT_FORMS)[number], string> = {
	visit: '考察观摩 Visit',
	training: '企业技能培训 Skills Training',
	post: '顶岗/挂职 Holding a Post',
	rnd: '产品研发/技术创新 Joint R&D',
};
/** A form's key, or its label (whole, Chinese or English part, or one of 顶岗/挂职) as forms and sheets give it. */
function formValue(given: unknown): unknown {
	if (typeof given !== 'string') return given;
	const text = given.trim();
	for (const [value, label] of Object.entries(FORM_LABELS)) {
		const chinese = label.split(' ')[0];
		if (
			[value, label, chinese, label.slice(chinese.length + 1), ...chinese.split('/')].includes(text)
		)
			return value;
	}
	return text;
}

export const GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export const GRADE_LABELS: Record<(typeof GRADES)[number], string> = {
	excellent: '优秀 Excellent',
	good: '良好 Good',
	pass: '合格 Pass',
	fail: '不合格 Fail',
};

/** Statuses in which a placement holds a place at its station. */
export const OCCUPYING = ['planned', 'approved', 'in_progress', 'report_submitted'];

export interface PlacementInput {
	teacherId: string;
	hostId: string;
	stationId?: string | null;
	form: string;
	plannedStart: string;
	plannedEnd: string;
	plannedDays?: number | string | null;
	goals?: string | null;
	mentorId?: string | null;
	mentorName?: string | null;
	/**
	 * Refuses a host that nobody can confirm for (neither the station nor the enterprise has a
	 * contact email): a registration whose approval asks the host must not be saved without one.
	 */
	requireHostContact?: boolean | null;
}

export interface Placement {
	id: string;
	teacherId: string;
	teacherName: string;
	teacherEmail: string | null;
	department: string | null;
	hostId: string;
	hostName: string;
	/** Who confirms for the host: the station's contact, else the enterprise's. */
	hostContactEmail: string | null;
	stationId: string | null;
	stationName: string | null;
	form: string;
	formLabel: string;
	status: PlacementStatus;
	statusLabel: string;
	plannedStart: string;
	plannedEnd: string;
	plannedDays: number;
	goals: string | null;
	mentorId: string | null;
	mentorName: string | null;
	actualDays: number;
	actualHours: number;
	report: string | null;
	reportSubmittedAt: string | null;
	assessmentGrade: string | null;
	assessmentComments: string | null;
	assessedAt: string | null;
	departmentGrade: string | null;
	departmentComments: string | null;
	statusReason: string | null;
	/** What an approval page shows about this placement: dates, host, form. */
	summary: Record<string, string>;
	createdAt: string;
	updatedAt: string;
}

function withNames(q: any) {
	return q
		.innerJoin('person as t', 't.id', 'p.teacher_id')
		.innerJoin('organisation as h', 'h.id', 'p.host_id')
		.leftJoin('exchange_station as s', 's.id', 'p.station_id')
		.selectAll('p')
		.select([
			't.name as teacher_name',
			't.email as teacher_email',
			't.department as teacher_department',
			'h.name as host_name',
			'h.contact_email as host_contact_email',
			's.name as station_name',
			's.contact_email as station_contact_email',
		]);
}

function fromRow(row: any): Placement {
	const placement: Omit<Placement, 'summary'> = {
		id: row.id,
		teacherId: row.teacher_id,
		teacherName: row.teacher_name,
		teacherEmail: row.teacher_email ?? null,
		department: row.teacher_department ?? null,
		hostId: row.host_id,
		hostName: row.host_name,
		hostContactEmail: row.station_contact_email ?? row.host_contact_email ?? null,
		stationId: row.station_id,
		stationName: row.station_name ?? null,
		form: row.form,
		formLabel: FORM_LABELS[row.form as keyof typeof FORM_LABELS] ?? row.form,
		status: row.status,
		statusLabel: STATUS_LABELS[row.status] ?? row.status,
		plannedStart: row.planned_start,
		plannedEnd: row.planned_end,
		plannedDays: Number(row.planned_days),
		goals: row.goals,
		mentorId: row.mentor_id,
		mentorName: row.mentor_name,
		actualDays: Number(row.actual_days),
		actualHours: Number(row.actual_hours),
		report: row.report,
		reportSubmittedAt: row.report_submitted_at,
		assessmentGrade: row.assessment_grade,
		assessmentComments: row.assessment_comments,
		assessedAt: row.assessed_at,
		departmentGrade: row.department_grade,
		departmentComments: row.department_comments,
		statusReason: row.status_reason,
		createdAt: row.created_at,
		updatedAt: row.updated_at,
	};
	return { ...placement, summary: placementSummary(placement) };
}

export function placementSummary(p: Omit<Placement, 'summary'>): Record<string, string> {
	return {
		'教师 Teacher': p.department ? `${p.teacherName}（${p.department}）` : p.teacherName,
		'接收企业 Host': p.stationName ? `${p.hostName} · ${p.stationName}` : p.hostName,
		'实践形式 Form': p.formLabel,
		'日期 Dates': `${p.plannedStart} — ${p.plannedEnd}`,
		'计划天数 Planned Days': String(p.plannedDays),
		...(p.mentorName ? { '企业导师 Mentor': p.mentorName } : {}),
		...(p.goals ? { '实践目标 Goals': p.goals } : {}),
	};
}

export async function readPlacement(tx: Tx | Store['db'], id: string): Promise<Placement> {
	const row = await withNames((tx as any).selectFrom('exchange_placement as p'))
		.where('p.id', '=', id)
		.executeTakeFirst();
	if (!row) throw new NotFoundError('exchange_placement', id);
	return fromRow(row);
}

async function validate(tx: Tx, input: PlacementInput, exceptId?: string) {
	const teacherId = (
		await requirePerson(
			tx,
			requiredText(input.teacherId, 'teacherId', '教师 Teacher', 254),
			'teacherId',
			'教师 Teacher',
			{ kind: 'teacher' },
		)
	).id;
	const host = await requireOrganisation(
		tx,
		requiredText(input.hostId, 'hostId', '接收企业 Host Enterprise', 200),
		'hostId',
		'接收企业 Host Enterprise',
	);
	const hostId = host.id;
	const form = oneOf(formValue(input.form), 'form', '实践形式 Form', PLACEMENT_FORMS);
	const start = requiredDate(input.plannedStart, 'plannedStart', '计划开始 Planned Start');
	const end = requiredDate(input.plannedEnd, 'plannedEnd', '计划结束 Planned End');
	if (end < start)
		throw new ValidationError(
			`计划结束 ${end} 早于计划开始 ${start} / Planned End ${end} is before Planned Start ${start}`,
			'plannedEnd',
			'range',
		);
	const span = daysBetween(start, end) + 1;
	const plannedDays =
		optionalNumber(input.plannedDays, 'plannedDays', '计划天数 Planned Days', {
			min: 1,
			max: span,
			integer: true,
		}) ?? span;
	const stationRef = optionalText(input.stationId, 'stationId', '实践站点 Station', 200);
	let stationId: string | null = null;
	let stationContact: string | null = null;
	if (stationRef) {
		const station =
			(await tx
				.selectFrom('exchange_station')
				.selectAll()
				.where('id', '=', stationRef)
				.executeTakeFirst()) ??
			(await tx
				.selectFrom('exchange_station')
				.selectAll()
				.where('name', '=', stationRef)
				.executeTakeFirst());
		if (!station)
			throw new ValidationError(
				`实践站点「${stationRef}」不存在 / Station "${stationRef}" does not exist`,
				'stationId',
				'reference',
			);
		stationId = station.id;
		stationContact = station.contact_email;
		if (station.organisation_id !== hostId)
			throw new ValidationError(
				`实践站点「${station.name}」不属于该企业 / Station "${station.name}" belongs to another enterprise`,
				'stationId',
				'reference',
			);
		let others = tx
			.selectFrom('exchange_placement')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('station_id', '=', stationId)
			.where('status', 'in', OCCUPYING)
			.where('planned_start', '<=', end)
			.where('planned_end', '>=', start);
		if (exceptId) others = others.where('id', '!=', exceptId);
		const overlapping = await others.executeTakeFirstOrThrow();
		if (Number(overlapping.n) >= Number(station.capacity)) {
			throw new ValidationError(
				`实践站点「${station.name}」在 ${start} — ${end} 名额已满（容量 ${station.capacity}） / Station "${station.name}" is full for ${start} — ${end} (capacity ${station.capacity})`,
				'stationId',
				'capacity',
			);
		}
	}
	if (input.requireHostContact === true && !stationContact && !host.contact_email)
		throw new ValidationError(
			`接收企业「${host.name}」${stationId ? '及所选实践站点' : ''}没有联系人邮箱，无人可代表企业确认；请选择有联系人的站点，或先在名录中补充企业联系邮箱 / Nobody can confirm for host "${host.name}": neither it nor the station has a contact email`,
			'hostId',
			'no_contact',
		);
	const mentorRef = optionalText(input.mentorId, 'mentorId', '企业导师 Mentor', 254);
	const mentor = mentorRef
		? await requirePerson(tx, mentorRef, 'mentorId', '企业导师 Mentor')
		: null;
	const mentorId = mentor?.id ?? null;
	const mentorName =
		optionalText(input.mentorName, 'mentorName', '企业导师姓名 Mentor Name', 100) ??
		mentor?.name ??
		null;
	return {
		teacher_id: teacherId,
		host_id: hostId,
		station_id: stationId,
		form,
		planned_start: start,
		planned_end: end,
		planned_days: plannedDays,
		goals: optionalText(input.goals, 'goals', '实践目标 Goals', 4000),
		mentor_id: mentorId,
		mentor_name: mentorName,
	};
}

export async function createPlacementIn(
	tx: Tx,
	input: PlacementInput,
	actor: Actor,
): Promise<Placement> {
	const columns = await validate(tx, input);
	const now = nowIso();
	const id = newId('plc');
	await tx
		.insertInto('exchange_placement')
		.values({
			id,
			...columns,
			status: 'planned',
			actual_days: 0,
			actual_hours: 0,
			created_at: now,
			updated_at: now,
		} as any)
		.execute();
	await writeAudit(tx, {
		...actor,
		action: 'create',
		entityType: 'exchange_placement',
		entityId: id,
		changes: columns,
	});
	return readPlacement(tx, id);
}

export function createPlacement(
	store: Store,
	input: PlacementInput,
	actor: Actor,
): Promise<Placement> {
	return store.transaction((tx) => createPlacementIn(tx, input, actor));
}

/**
 * Everything `createPlacement` checks, without writing: a registration form can refuse a
 * request before anything is saved, and check the approval against the very placement (names,
 * the host's contact) that create will return. Throws what create would throw.
 */
export function checkPlacement(
	store: Store,
	input: PlacementInput,
	actor: Actor,
	amendingId?: string | null,
): Promise<Placement> {
	// 退回修改: the corrected request is checked as the update of the placement it corrects, so
	// its own dates do not overlap itself, and only a placement still planned passes.
	if (amendingId)
		return dryRun(store, (inside) => updatePlacement(inside, amendingId, input, actor));
	return dryRun(store, (inside) => createPlacement(inside, input, actor));
}

/** Plans change before approval; after it, the approved plan is what was agreed. */
const EDITABLE = ['planned'];

export function updatePlacement(
	store: Store,
	id: string,
	patch: Partial<PlacementInput>,
	actor: Actor,
): Promise<Placement> {
	return store.transaction(async (tx) => {
		const before = await readPlacement(tx, id);
		if (!EDITABLE.includes(before.status)) {
			throw new StateError(
				`只有计划中的实践可以修改，当前为「${before.statusLabel}」 / Only a planned placement can be edited; it is ${before.statusLabel}`,
				before.status,
				'update',
			);
		}
		const given = Object.fromEntries(
			Object.entries(patch).filter(([, v]) => v !== undefined && v !== ''),
		);
		const merged: PlacementInput = {
			teacherId: before.teacherId,
			hostId: before.hostId,
			stationId: before.stationId,
			form: before.form,
			plannedStart: before.plannedStart,
			plannedEnd: before.plannedEnd,
			// A new date range recomputes the default planned days unless they are given.
			plannedDays: given.plannedStart || given.plannedEnd ? undefined : before.plannedDays,
			goals: before.goals,
			mentorId: before.mentorId,
			mentorName: before.mentorId && given.mentorId ? undefined : before.mentorName,
			...given,
		};
		const columns = await validate(tx, merged, id);
		const old: Record<string, unknown> = {
			teacher_id: before.teacherId,
			host_id: before.hostId,
			station_id: before.stationId,
			form: before.form,
			planned_start: before.plannedStart,
			planned_end: before.plannedEnd,
			planned_days: before.plannedDays,
			goals: before.goals,
			mentor_id: before.mentorId,
			mentor_name: before.mentorName,
		};
		const changes = diff(old, columns);
		if (Object.keys(changes).length === 0) return before;
		await tx
			.updateTable('exchange_placement')
			.set({ ...columns, updated_at: nowIso() })
			.where('id', '=', id)
			.where('status', 'in', EDITABLE)
			.execute();
		await writeAudit(tx, {
			...actor,
			action: 'update',
			entityType: 'exchange_placement',
			entityId: id,
			changes,
		});
		return readPlacement(tx, id);
	});
}

export function getPlacement(store: Store, id: string): Promise<Placement> {
	return readPlacement(store.db, id);
}

export const PLACEMENT_FILTERS: Record<string, string> = {
	teacherId: 'p.teacher_id',
	hostId: 'p.host_id',
	stationId: 'p.station_id',
	status: 'p.status',
	form: 'p.form',
};

export async function listPlacements(
	store: Store,
	options: { filters?: Record<string, unknown>; after?: string | null; limit?: number } = {},
): Promise<Page<Placement>> {
	let q = withNames((store.db as any).selectFrom('exchange_placement as p'));
	for (const [field, given] of Object.entries(options.filters ?? {})) {
		const value = filterValue(given, field, `筛选 Filter ${field}`);
		if (value === null) continue;
		const column = PLACEMENT_FILTERS[field];
		if (!column)
			throw new ValidationError(
				`未知筛选条件 ${quoted(field)} / Unknown filter ${quoted(field)}`,
				field,
			);
		q = q.where(column, '=', value);
	}
	const page = await paginate(q, { after: options.after, limit: options.limit, idColumn: 'p.id' });
	return { items: page.items.map(fromRow), nextCursor: page.nextCursor };
}

export interface TransitionInput {
	/** 实践报告 practice report, required to submit. */
	report?: string | null;
	/** Enterprise assessment grade, required to assess. */
	grade?: string | null;
	comments?: string | null;
	/** Department evaluation, optional on close. */
	departmentGrade?: string | null;
	departmentComments?: string | null;
	reason?: string | null;
}

/** The columns a transition sets besides the status; each target state asks for its own evidence. */
function evidenceFor(to: string, input: TransitionInput): Record<string, unknown> {
	const now = nowIso();
	const reason = optionalText(input.reason, 'reason', '说明 Reason', 2000);
	switch (to) {
		case 'report_submitted':
			return {
				report: requiredText(input.report, 'report', '实践报告 Report', 20000),
				report_submitted_at: now,
			};
		case 'assessed':
			return {
				assessment_grade: oneOf(input.grade, 'grade', '企业考核等级 Assessment Grade', GRADES),
				assessment_comments: optionalText(input.comments, 'comments', '考核意见 Comments', 4000),
				assessed_at: now,
			};
		case 'closed': {
			const grade = optionalText(
				input.departmentGrade,
				'departmentGrade',
				'系部评价 Department Grade',
			);
			return {
				department_grade: grade
					? oneOf(grade, 'departmentGrade', '系部评价 Department Grade', GRADES)
					: null,
				department_comments: optionalText(
					input.departmentComments,
					'departmentComments',
					'系部意见 Department Comments',
					4000,
				),
			};
		}
		default:
			return reason !== null ? { status_reason: reason } : {};
	}
}

/**
 * Moves a placement along its lifecycle. The state machine decides what is allowed; the
 * conditional update makes two concurrent requests unable to both win; the audit row commits
 * with the change.
 */
export function transitionPlacement(
	store: Store,
	id: string,
	to: string,
	input: TransitionInput,
	actor: Actor,
): Promise<Placement> {
	return store.transaction(async (tx) => {
		const before = await readPlacement(tx, id);
		assertTransition(PLACEMENT_TRANSITIONS, '教师企业实践 Placement', before.status, to);
		const set = { ...evidenceFor(to, input), updated_at: nowIso() };
		const won = await transition(tx, {
			table: 'exchange_placement',
			id,
			from: before.status,
			to,
			set,
		});
		if (!won)
			throw new StateError(
				`实践安排 ${id} 已被他人修改，请重试 / Placement ${id} was changed by someone else meanwhile`,
				before.status,
				to,
			);
		const changes: Record<string, unknown> = { ...set };
		delete changes.updated_at;
		await writeAudit(tx, {
			...actor,
			action: `transition:${to}`,
			entityType: 'exchange_placement',
			entityId: id,
			changes: { status: [before.status, to], ...changes },
		});
		return readPlacement(tx, id);
	});
}

addPersonReference('exchange_placement', 'teacher_id');
addPersonReference('exchange_placement', 'mentor_id');
addOrganisationReference('exchange_placement', 'host_id');
