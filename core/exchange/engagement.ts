import { addOrganisationReference, addPersonReference } from '../directory';
import { writeAudit, type Actor } from '../store/audit';
import { paginate, type Page } from '../store/paginate';
import type { Store, Tx } from '../store/store';
import { transition } from '../store/transition';
import { NotFoundError, StateError, ValidationError } from '../util/errors';
import { newId, nowIso } from '../util/id';
import {
	filterValue,
	oneOf,
	optionalNumber,
	optionalText,
	quoted,
	requiredDate,
	requiredText,
} from '../util/validate';
import { assertTransition, ENGAGEMENT_STATUS_LABELS, ENGAGEMENT_TRANSITIONS } from './lifecycle';
import { GRADES } from './placement';
import { requireOrganisation, requirePerson } from '../directory/lookup';
import { qualificationRules, type QualificationRules } from './rules';

const QUALIFICATION_LABELS: Record<string, string> = {
	qualified: '符合条件 Qualified',
	not_qualified: '不符合条件 Not Qualified',
};

/** 2025-2026-1: academic years and the term within them. */
const TERM = /^\d{4}-\d{4}-[12]$/;

export interface EngagementInput {
	technicianId: string;
	enterpriseId?: string | null;
	course: string;
	module?: string | null;
	term: string;
	yearsInIndustry?: number | string | null;
}

export interface Session {
	id: string;
	date: string;
	hours: number;
	topic: string | null;
	feedbackScore: number | null;
	feedbackCount: number | null;
}

export interface Engagement {
	id: string;
	technicianId: string;
	technicianName: string;
	title: string | null;
	skillLevel: string | null;
	enterpriseId: string;
	enterpriseName: string;
	course: string;
	module: string | null;
	term: string;
	yearsInIndustry: number | null;
	status: string;
	statusLabel: string;
	qualification: string | null;
	/** 符合 / 不符合兼职教师条件, for the clerk's sheet. */
	qualificationLabel: string | null;
	qualificationDetail: QualificationCheck['checks'] | null;
	sessions: Session[];
	totalHours: number;
	/** Mean of the session scores, weighted by how many students answered. */
	feedbackScore: number | null;
	departmentGrade: string | null;
	departmentComments: string | null;
	evaluatedAt: string | null;
	summary: Record<string, string>;
	createdAt: string;
	updatedAt: string;
}

export async function readEngagement(tx: Tx | Store['db'], id: string): Promise<Engagement> {
	const row: any = await (tx as any)
		.selectFrom('exchange_engagement as e')
		.innerJoin('person as t', 't.id', 'e.technician_id')
		.innerJoin('organisation as o', 'o.id', 'e.enterprise_id')
		.selectAll('e')
		.select([
			't.name as technician_name',
			't.title as title',
			't.skill_level as skill_level',
			'o.name as enterprise_name',
		])
		.where('e.id', '=', id)
		.executeTakeFirst();
	if (!row) throw new NotFoundError('exchange_engagement', id);
	const sessions = (
		await (tx as any)
			.selectFrom('exchange_session')
			.selectAll()
			.where('engagement_id', '=', id)
			.orderBy('date')
			.orderBy('id')
			.execute()
	).map(
		(s: any): Session => ({
			id: s.id,
			date: s.date,
			hours: Number(s.hours),
			topic: s.topic,
			feedbackScore: s.feedback_score === null ? null : Number(s.feedback_score),
			feedbackCount: s.feedback_count === null ? null : Number(s.feedback_count),
		}),
	);
	return {
		id: row.id,
		technicianId: row.technician_id,
		technicianName: row.technician_name,
		title: row.title,
		skillLevel: row.skill_level,
		enterpriseId: row.enterprise_id,
		enterpriseName: row.enterprise_name,
		course: row.course,
		module: row.module,
		term: row.term,
		yearsInIndustry: row.years_in_industry === null ? null : Number(row.years_in_industry),
		status: row.status,
		statusLabel:
			ENGAGEMENT_STATUS_LABELS[row.status as keyof typeof ENGAGEMENT_STATUS_LABELS] ?? row.status,
		qualification: row.qualification,
		qualificationLabel: row.qualification
			? (QUALIFICATION_LABELS[row.qualification] ?? row.qualification)
			: null,
		qualificationDetail: row.qualification_detail ? JSON.parse(row.qualification_detail) : null,
		sessions,
		totalHours: sessions.reduce((s: number, x: Session) => s + x.hours, 0),
		feedbackScore: weightedScore(sessions),
		departmentGrade: row.department_grade,
		departmentComments: row.department_comments,
		evaluatedAt: row.evaluated_at,
		summary: {
			'技师 Technician': `${row.technician_name}（${[row.title, row.skill_level].filter(Boolean).join(' / ') || '—'}）`,
			'所在企业 Enterprise': row.enterprise_name,
			'课程 Course': row.module ? `${row.course} · ${row.module}` : row.course,
			'学期 Term': row.term,
		},
		createdAt: row.created_at,
		updatedAt: row.updated_at,
	};
}

export function weightedScore(
	sessions: Array<{ feedbackScore: number | null; feedbackCount: number | null }>,
): number | null {
	let sum = 0;
	let weight = 0;
	for (const s of sessions) {
		if (s.feedbackScore === null) continue;
		const w = s.feedbackCount ?? 1;
		sum += s.feedbackScore * w;
		weight += w;
	}
	return weight ? Math.round((sum / weight) * 100) / 100 : null;
}

export function createEngagement(
	store: Store,
	input: EngagementInput,
	actor: Actor,
): Promise<Engagement> {
	return store.transaction(async (tx) => {
		const technicianRef = requiredText(
			input.technicianId,
			'technicianId',
			'企业技师 Technician',
			254,
		);
		const technician = await requirePerson(
			tx,
			technicianRef,
			'technicianId',
			'企业技师 Technician',
			{ kind: 'technician' },
		);
		const technicianId = technician.id;
		const enterpriseRef =
			optionalText(input.enterpriseId, 'enterpriseId', '所在企业 Enterprise', 200) ??
			technician.organisation_id;
		if (!enterpriseRef)
			throw new ValidationError(
				'所在企业为必填项（该技师未登记所属单位） / Enterprise is required (the technician has no organisation)',
				'enterpriseId',
				'required',
			);
		// Both are found by what people know (an email, a registered name): store the ids found.
		const enterpriseId = (
			await requireOrganisation(tx, enterpriseRef, 'enterpriseId', '所在企业 Enterprise')
		).id;
		const term = requiredText(input.term, 'term', '学期 Term', 20);
		if (!TERM.test(term))
			throw new ValidationError(
				`学期「${term}」格式错误，应如 2025-2026-1 / Term "${term}" should look like 2025-2026-1`,
				'term',
				'format',
			);
		const columns = {
			technician_id: technicianId,
			enterprise_id: enterpriseId,
			course: requiredText(input.course, 'course', '课程 Course', 200),
			module: optionalText(input.module, 'module', '模块 Module', 200),
			term,
			years_in_industry: optionalNumber(
				input.yearsInIndustry,
				'yearsInIndustry',
				'从业年限 Years in Industry',
				{ min: 0, max: 70 },
			),
		};
		const now = nowIso();
		const id = newId('eng');
		await tx
			.insertInto('exchange_engagement')
			.values({ id, ...columns, status: 'planned', created_at: now, updated_at: now } as any)
			.execute();
		await writeAudit(tx, {
			...actor,
			action: 'create',
			entityType: 'exchange_engagement',
			entityId: id,
			changes: columns,
		});
		return readEngagement(tx, id);
	});
}

export function getEngagement(store: Store, id: string): Promise<Engagement> {
	return readEngagement(store.db, id);
}

const FILTERS: Record<string, string> = {
	technicianId: 'technician_id',
	enterpriseId: 'enterprise_id',
	term: 'term',
	status: 'status',
};

export async function listEngagements(
	store: Store,
	options: { filters?: Record<string, unknown>; after?: string | null; limit?: number } = {},
): Promise<Page<Engagement>> {
	let q: any = store.db.selectFrom('exchange_engagement').select('id');
	for (const [field, given] of Object.entries(options.filters ?? {})) {
		const value = filterValue(given, field, `筛选 Filter ${field}`);
		if (value === null) continue;
		if (!FILTERS[field])
			throw new ValidationError(
				`未知筛选条件 ${quoted(field)} / Unknown filter ${quoted(field)}`,
				field,
			);
		q = q.where(FILTERS[field], '=', value);
	}
	const page = await paginate(q, { after: options.after, limit: options.limit });
	return {
		items: await Promise.all(page.items.map((r: any) => readEngagement(store.db, r.id))),
		nextCursor: page.nextCursor,
	};
}

export interface SessionInput {
	date: string;
	hours: number | string;
	topic?: string | null;
	feedbackScore?: number | string | null;
	feedbackCount?: number | string | null;
}

/** A taught session; the first one moves an approved engagement into progress. */
export function addSession(
	store: Store,
	engagementId: string,
	input: SessionInput,
	actor: Actor,
): Promise<Engagement> {
	return store.transaction(async (tx) => {
		const engagement = await readEngagement(tx, engagementId);
		if (!['approved', 'in_progress'].includes(engagement.status)) {
			throw new StateError(
				`聘任批准后才能登记课时，当前为「${engagement.statusLabel}」 / Sessions are recorded once an engagement is approved; it is ${engagement.statusLabel}`,
				engagement.status,
				'session',
			);
		}
		const hours = optionalNumber(input.hours, 'hours', '课时 Hours', { min: 0, max: 24 });
		if (hours === null)
			throw new ValidationError('课时为必填项 / Hours is required', 'hours', 'required');
		const row = {
			id: newId('ses'),
			engagement_id: engagementId,
			date: requiredDate(input.date, 'date', '授课日期 Date'),
			hours,
			topic: optionalText(input.topic, 'topic', '授课内容 Topic', 500),
			feedback_score: optionalNumber(
				input.feedbackScore,
				'feedbackScore',
				'学生评分 Feedback Score',
				{ min: 0, max: 100 },
			),
			feedback_count: optionalNumber(input.feedbackCount, 'feedbackCount', '评分人数 Respondents', {
				min: 0,
				integer: true,
			}),
			created_at: nowIso(),
		};
		await tx.insertInto('exchange_session').values(row).execute();
		await writeAudit(tx, {
			...actor,
			action: 'add_session',
			entityType: 'exchange_engagement',
			entityId: engagementId,
			changes: row,
		});
		if (engagement.status === 'approved')
			await moveEngagement(tx, engagement, 'in_progress', {}, actor);
		return readEngagement(tx, engagementId);
	});
}

async function moveEngagement(
	tx: Tx,
	engagement: Engagement,
	to: string,
	set: Record<string, unknown>,
	actor: Actor,
): Promise<void> {
	assertTransition(
		ENGAGEMENT_TRANSITIONS,
		'技师授课 Engagement',
		engagement.status,
		to,
		ENGAGEMENT_STATUS_LABELS,
	);
	const won = await transition(tx, {
		table: 'exchange_engagement',
		id: engagement.id,
		from: engagement.status,
		to,
		set: { ...set, updated_at: nowIso() },
	});
	if (!won)
		throw new StateError(
			`技师聘任 ${engagement.id} 已被他人修改，请重试 / Engagement ${engagement.id} was changed by someone else meanwhile`,
			engagement.status,
			to,
		);
	await writeAudit(tx, {
		...actor,
		action: `transition:${to}`,
		entityType: 'exchange_engagement',
		entityId: engagement.id,
		changes: { status: [engagement.status, to], ...set },
	});
}

export function transitionEngagement(
	store: Store,
	id: string,
	to: string,
	input: { reason?: string | null },
	actor: Actor,
): Promise<Engagement> {
	return store.transaction(async (tx) => {
		const engagement = await readEngagement(tx, id);
		if (to === 'evaluated')
			throw new ValidationError(
				'请使用“评价”操作登记系部评价 / Use the evaluate operation to record the department evaluation',
				'status',
			);
		const reason = optionalText(input.reason, 'reason', '说明 Reason', 2000);
		await moveEngagement(tx, engagement, to, reason ? { status_reason: reason } : {}, actor);
		return readEngagement(tx, id);
	});
}

/** 系部评价: the department's grade and comments close the engagement. */
export function evaluateEngagement(
	store: Store,
	id: string,
	input: { grade: string; comments?: string | null },
	actor: Actor,
): Promise<Engagement> {
	return store.transaction(async (tx) => {
		const engagement = await readEngagement(tx, id);
		const set = {
			department_grade: oneOf(input.grade, 'grade', '系部评价 Department Grade', GRADES),
			department_comments: optionalText(input.comments, 'comments', '评价意见 Comments', 4000),
			evaluated_at: nowIso(),
		};
		await moveEngagement(tx, engagement, 'evaluated', set, actor);
		return readEngagement(tx, id);
	});
}

export interface QualificationCheck {
	qualified: boolean;
	checks: Array<{ rule: string; passed: boolean; detail: string }>;
}

/** Years in industry and (a qualifying title or skill level), as the rules define them. */
export function checkQualification(
	technician: { title: string | null; skillLevel: string | null; yearsInIndustry: number | null },
	rules: QualificationRules,
): QualificationCheck {
	const years = technician.yearsInIndustry;
	const title = technician.title?.trim() ?? '';
	const skill = technician.skillLevel?.trim() ?? '';
	const yearsOk = years !== null && years >= rules.minYearsInIndustry;
	const titleOk = title !== '' && rules.titles.includes(title);
	const skillOk = skill !== '' && rules.skillLevels.includes(skill);
	const checks = [
		{
			rule: 'yearsInIndustry',
			passed: yearsOk,
			detail: `从业年限 ${years ?? '未填'} / 要求 ≥ ${rules.minYearsInIndustry}`,
		},
		{
			rule: 'titleOrSkillLevel',
			passed: titleOk || skillOk,
			detail: `职称 ${title || '无'}，技能等级 ${skill || '无'} / 要求职称 ${rules.titles.join('、')} 或技能等级 ${rules.skillLevels.join('、')}`,
		},
	];
	return { qualified: checks.every((c) => c.passed), checks };
}

export function checkEngagementQualification(
	store: Store,
	id: string,
	given: Record<string, unknown>,
	actor: Actor,
): Promise<Engagement & { qualified: boolean }> {
	return store.transaction(async (tx) => {
		const engagement = await readEngagement(tx, id);
		const result = checkQualification(engagement, qualificationRules(given));
		const qualification = result.qualified ? 'qualified' : 'not_qualified';
		await tx
			.updateTable('exchange_engagement')
			.set({
				qualification,
				qualification_detail: JSON.stringify(result.checks),
				updated_at: nowIso(),
			})
			.where('id', '=', id)
			.execute();
		await writeAudit(tx, {
			...actor,
			action: 'check_qualification',
			entityType: 'exchange_engagement',
			entityId: id,
			changes: { qualification: [engagement.qualification, qualification], checks: result.checks },
		});
		return { ...(await readEngagement(tx, id)), qualified: result.qualified };
	});
}

addPersonReference('exchange_engagement', 'technician_id');
addOrganisationReference('exchange_engagement', 'enterprise_id');
