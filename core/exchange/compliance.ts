import type { Store } from '../store/store';
import { addDays, addMonths, addYears, daysBetween } from '../util/time';
import { calendarCreditedDays, countWithin, creditedDays, monthsEnd, monthsWithin } from './days';
import { OCCUPYING } from './placement';
import { weightedScore } from './engagement';
import { COUNTING_RULE_LABELS, type ComplianceRules } from './rules';
import { COURSE_CATEGORY_LABELS } from '../directory/person';

/**
 * The compliance reports: each returns one item per person (or station, or department) for
 * a report date `asOf` (`YYYY-MM-DD`, the consortium's calendar date).
 *
 * Counting practice (rules.countingRule): practice is credited by confirmed weekly logs of
 * placements in a counted status, as distinct calendar days, so two overlapping placements
 * credit a shared day once.
 * - calendarMonths (default): the 2016 rule counts months, so a full-time week counts as
 *   calendar time (its weekend too) and practice is measured in calendar months; a teacher
 *   placed full-time Monday to Friday from 2026-03-02 to 2026-09-01 has six months.
 * - loggedDays: only days logged on site count, against `windowMonths × daysPerMonth` days.
 *
 * One window per teacher (rules.windowModel), and the shortfall, the make-up date and what
 * still counts on it all refer to that window:
 * - cycle (default): the five-year period containing `asOf`, counted from the joining date
 *   (or `cycleAnchor`); practice from its start to `asOf` counts; the make-up date is its last
 *   day, on which every counted day is still inside it.
 * - rolling: the five years ending on the make-up date, which is the report date — or, for a
 *   teacher still in the first five years, the end of those years. The report counts what is
 *   inside that window, so no counted day has left it by the make-up date.
 * A rolling window ending on date D starts the day after the same date `windowYears` earlier
 * (2026-12-01 → 2021-12-02; 2028-02-29 → 2023-03-01, as 2023-02-29 does not exist and falls to 02-28).
 */

export type ReportName =
	| 'fiveYear'
	| 'annual'
	| 'newTeachers'
	| 'dualQualified'
	| 'stationUse'
	| 'technicianHours';
export const REPORT_NAMES: ReportName[] = [
	'fiveYear',
	'annual',
	'newTeachers',
	'dualQualified',
	'stationUse',
	'technicianHours',
];

export interface ReportOptions {
	asOf: string;
	rules: ComplianceRules;
	/** technicianHours only: one term such as 2025-2026-1, or every term. */
	term?: string | null;
	/** Pass the same object to several reports of one run so the practice days are read once. */
	shared?: { practice?: ReturnType<typeof readPracticeDays> };
}

type Item = Record<string, string | number | boolean | null>;

interface TeacherRow {
	id: string;
	name: string;
	department: string | null;
	course_category: string | null;
	joined_on: string | null;
	enterprise_experience: number;
	dual_qualified: number;
	dual_qualified_since: string | null;
}

/** Sorted in code, not SQL: PostgreSQL's collation and SQLite's byte order disagree on Chinese text. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

async function teachers(store: Store): Promise<TeacherRow[]> {
	const rows = await store.db
		.selectFrom('person')
		.select([
			'id',
			'name',
			'department',
			'course_category',
			'joined_on',
			'enterprise_experience',
			'dual_qualified',
			'dual_qualified_since',
		])
		.where('kind', '=', 'teacher')
		.execute();
	return rows.sort(
		(a, b) =>
			byText(a.department ?? '', b.department ?? '') ||
			byText(a.name, b.name) ||
			byText(a.id, b.id),
	);
}

type DaySets = Map<string, Set<number>>;

/**
 * Confirmed practice as `teacherId → day numbers`, twice: the days logged on site, and the
 * calendar days credited when full-time weeks count whole; and `stationId → teacherId → days`
 * logged on site.
 */
async function readPracticeDays(store: Store, rules: ComplianceRules) {
	const rows = await store.db
		.selectFrom('exchange_log as l')
		.innerJoin('exchange_placement as p', 'p.id', 'l.placement_id')
		.select([
			'p.teacher_id',
			'p.station_id',
			'p.planned_start',
			'p.planned_end',
			'l.week_start',
			'l.days_on_site',
			'l.on_site_dates',
		])
		.where('l.confirmed', '=', 1)
		.where('p.status', 'in', rules.countedStatuses)
		.execute();
	const byTeacher: DaySets = new Map();
	const calendarByTeacher: DaySets = new Map();
	const byStation = new Map<string, DaySets>();
	const addTo = <K>(map: Map<K, Set<number>>, key: K, days: number[]) => {
		let set = map.get(key);
		if (!set) map.set(key, (set = new Set()));
		for (const d of days) set.add(d);
	};
	for (const r of rows) {
		const days = creditedDays(r, r.planned_start, r.planned_end);
		addTo(byTeacher, r.teacher_id, days);
		addTo(
			calendarByTeacher,
			r.teacher_id,
			calendarCreditedDays(r, r.planned_start, r.planned_end, rules.fullTimeDaysPerWeek),
		);
		if (r.station_id) {
			let station = byStation.get(r.station_id);
			if (!station) byStation.set(r.station_id, (station = new Map()));
			addTo(station, r.teacher_id, days);
		}
	}
	return { byTeacher, calendarByTeacher, byStation };
}

function practiceDays(store: Store, { rules, shared }: ReportOptions) {
	if (!shared) return readPracticeDays(store, rules);
	shared.practice ??= readPracticeDays(store, rules);
	return shared.practice;
}

const category = (t: TeacherRow) => t.course_category ?? 'professional';
const CATEGORY_LABELS: Record<string, string> = COURSE_CATEGORY_LABELS;

export function windowStart(asOf: string, years: number): string {
	return addDays(addYears(asOf, -years), 1);
}

/**
 * The `years`-long period, counted from `anchor`, that contains `asOf`. As 民法典 art. 202
 * has it, a period ends the day before its anniversary; when the anniversary does not exist
 * (29 February in a common year) it ends on the month's last day.
 */
export function periodContaining(
	anchor: string,
	asOf: string,
	years: number,
): { start: string; end: string } {
	const first = anchor > asOf ? asOf : anchor;
	let start = first;
	for (let n = years; ; n += years) {
		const end = monthsEnd(first, n * 12);
		if (end >= asOf) return { start, end };
		start = addDays(end, 1);
	}
}

/** The last day of the `years`-long period, counted from `anchor`, that contains `asOf`. */
export function periodEnd(anchor: string, asOf: string, years: number): string {
	return periodContaining(anchor, asOf, years).end;
}

/** One teacher's five-year window: the deadline it is measured on, and the span that counts. */
export function fiveYearWindow(
	anchor: string,
	asOf: string,
	rules: Pick<ComplianceRules, 'windowModel' | 'windowYears'>,
): { start: string; end: string } {
	if (rules.windowModel === 'cycle') return periodContaining(anchor, asOf, rules.windowYears);
	const firstEnd = periodEnd(anchor, anchor > asOf ? asOf : anchor, rules.windowYears);
	const end = firstEnd > asOf ? firstEnd : asOf;
	return { start: windowStart(end, rules.windowYears), end };
}

/**
 * Practice in [from, to] under the counting rule, with the requirement in the same unit:
 * months (calendar months of full-time practice) or logged days.
 */
function measure(
	rules: ComplianceRules,
	practice: { byTeacher: DaySets; calendarByTeacher: DaySets },
	teacherId: string,
	from: string,
	to: string,
	months: number,
) {
	const loggedDays = countWithin(practice.byTeacher.get(teacherId) ?? [], from, to);
	const practisedMonths = monthsWithin(
		practice.calendarByTeacher.get(teacherId) ?? [],
		from,
		to,
		rules.daysPerMonth,
	);
	if (rules.countingRule === 'loggedDays') {
		const required = Math.round(months * rules.daysPerMonth);
		return {
			months: practisedMonths,
			loggedDays,
			required,
			shortfall: Math.max(0, required - loggedDays),
			unit: '天 Days',
		};
	}
	const required = Math.round(months * 100) / 100;
	return {
		months: practisedMonths,
		loggedDays,
		required,
		shortfall: Math.max(0, Math.round((required - practisedMonths) * 100) / 100),
		unit: '月 Months',
	};
}

/** How every teacher's line of a report begins: which report, and who. */
const teacherLine = (report: string, t: TeacherRow) => ({
	report,
	teacherId: t.id,
	name: t.name,
	department: t.department,
	courseCategory: CATEGORY_LABELS[category(t)] ?? category(t),
});

const countingRule = (rules: ComplianceRules) => ({
	countingRule: rules.countingRule,
	countingRuleLabel: COUNTING_RULE_LABELS[rules.countingRule],
});

function status(shortfall: number): Pick<Item, 'status' | 'statusLabel'> {
	return shortfall > 0
		? { status: 'shortfall', statusLabel: '未达标 Shortfall' }
		: { status: 'compliant', statusLabel: '达标 Compliant' };
}

export async function fiveYearReport(store: Store, options: ReportOptions): Promise<Item[]> {
	const { asOf, rules } = options;
	const practice = await practiceDays(store, options);
	return (await teachers(store)).map((t) => {
		const factor = category(t) === 'general' ? rules.generalFactor : 1;
		const window = fiveYearWindow(t.joined_on ?? rules.cycleAnchor, asOf, rules);
		const countedThrough = window.end < asOf ? window.end : asOf;
		const figures = measure(
			rules,
			practice,
			t.id,
			window.start,
			countedThrough,
			rules.windowMonths * factor,
		);
		return {
			...teacherLine('fiveYear', t),
			...countingRule(rules),
			windowStart: window.start,
			windowEnd: window.end,
			countedThrough,
			...figures,
			makeUpBy: figures.shortfall > 0 ? window.end : null,
			daysLeft: figures.shortfall > 0 ? daysBetween(asOf, window.end) : null,
			...status(figures.shortfall),
		};
	});
}

export async function annualReport(store: Store, options: ReportOptions): Promise<Item[]> {
	const { asOf, rules } = options;
	const practice = await practiceDays(store, options);
	const year = asOf.slice(0, 4);
	return (await teachers(store))
		.filter((t) => rules.annualCategories.includes(category(t)))
		.map((t) => {
			const figures = measure(rules, practice, t.id, `${year}-01-01`, asOf, rules.annualMonths);
			return {
				...teacherLine('annual', t),
				...countingRule(rules),
				year: Number(year),
				...figures,
				makeUpBy: figures.shortfall > 0 ? `${year}-12-31` : null,
				...status(figures.shortfall),
			};
		});
}

export async function newTeachersReport(
	store: Store,
	{ asOf, rules }: ReportOptions,
): Promise<Item[]> {
	const since = addMonths(asOf, -rules.newTeacherMonths);
	const placed = new Set(
		(
			await store.db
				.selectFrom('exchange_placement')
				.select('teacher_id')
				.where('status', '!=', 'cancelled')
				.execute()
		).map((r) => r.teacher_id),
	);
	return (await teachers(store))
		.filter(
			(t) =>
				!t.enterprise_experience &&
				t.joined_on &&
				t.joined_on > since &&
				t.joined_on <= asOf &&
				!placed.has(t.id),
		)
		.map((t) => ({
			...teacherLine('newTeachers', t),
			joinedOn: t.joined_on,
			daysSinceJoined: daysBetween(t.joined_on!, asOf),
			status: 'no_placement',
			statusLabel: '无企业经历且未安排实践 No experience, no placement',
		}));
}

export async function dualQualifiedReport(
	store: Store,
	{ asOf, rules }: ReportOptions,
): Promise<Item[]> {
	const professional = (await teachers(store)).filter((t) => category(t) === 'professional');
	const groups = new Map<string, TeacherRow[]>();
	for (const t of professional) {
		const key = t.department ?? '未分系 Unassigned';
		const list = groups.get(key);
		if (list) list.push(t);
		else groups.set(key, [t]);
	}
	const item = (department: string, list: TeacherRow[]): Item => {
		const dual = list.filter(
			(t) => t.dual_qualified && (!t.dual_qualified_since || t.dual_qualified_since <= asOf),
		).length;
		const share = list.length ? dual / list.length : 0;
		// A tolerance so that 3/4 against 0.75 meets the target despite binary fractions.
		const needed = Math.max(0, Math.ceil(rules.dualQualifiedTarget * list.length - 1e-9) - dual);
		return {
			report: 'dualQualified',
			department,
			teachers: list.length,
			dualQualified: dual,
			share: Math.round(share * 10000) / 10000,
			target: rules.dualQualifiedTarget,
			needed,
			...(needed > 0
				? { status: 'below_target', statusLabel: '未达目标 Below Target' }
				: { status: 'on_target', statusLabel: '达到目标 On Target' }),
		};
	};
	return [
		...[...groups.entries()].map(([d, list]) => item(d, list)),
		item('全部 All', professional),
	];
}

export async function stationUseReport(store: Store, options: ReportOptions): Promise<Item[]> {
	const { asOf } = options;
	const { byStation } = await practiceDays(store, options);
	const year = asOf.slice(0, 4);
	const stations = await store.db
		.selectFrom('exchange_station as s')
		.innerJoin('organisation as o', 'o.id', 's.organisation_id')
		.selectAll('s')
		.select('o.name as enterprise_name')
		.orderBy('s.id')
		.execute();
	const placements = await store.db
		.selectFrom('exchange_placement')
		.select(['station_id', 'status', 'planned_start', 'planned_end'])
		.where('station_id', 'is not', null)
		.execute();
	const byStationId = new Map<string, typeof placements>();
	for (const p of placements) {
		const list = byStationId.get(p.station_id!);
		if (list) list.push(p);
		else byStationId.set(p.station_id!, [p]);
	}
	return stations.map((s) => {
		const mine = byStationId.get(s.id) ?? [];
		const inUse = mine.filter(
			(p) => OCCUPYING.includes(p.status) && p.planned_start <= asOf && p.planned_end >= asOf,
		).length;
		const thisYear = mine.filter(
			(p) =>
				p.status !== 'cancelled' &&
				p.planned_start <= `${year}-12-31` &&
				p.planned_end >= `${year}-01-01`,
		).length;
		let teacherDays = 0;
		for (const days of byStation.get(s.id)?.values() ?? [])
			teacherDays += countWithin(days, `${year}-01-01`, asOf);
		const recognised =
			(!s.recognised_from || s.recognised_from <= asOf) &&
			(!s.recognised_to || s.recognised_to >= asOf);
		const capacity = Number(s.capacity);
		const state = !recognised
			? ['not_recognised', '未在认定期 Not Recognised']
			: inUse > capacity
				? ['over', '超员 Over Capacity']
				: inUse === capacity
					? ['full', '满员 Full']
					: ['available', '有余量 Available'];
		return {
			report: 'stationUse',
			stationId: s.id,
			station: s.name,
			enterprise: s.enterprise_name,
			capacity,
			inUse,
			utilisation: Math.round((inUse / capacity) * 10000) / 10000,
			placementsThisYear: thisYear,
			teacherDaysThisYear: teacherDays,
			recognisedTo: s.recognised_to,
			status: state[0],
			statusLabel: state[1],
		};
	});
}

export async function technicianHoursReport(
	store: Store,
	{ rules, term }: ReportOptions,
): Promise<Item[]> {
	let q = store.db
		.selectFrom('exchange_engagement as e')
		.innerJoin('person as t', 't.id', 'e.technician_id')
		.innerJoin('organisation as o', 'o.id', 'e.enterprise_id')
		.select([
			'e.id',
			'e.technician_id',
			'e.term',
			'e.course',
			't.name',
			'o.name as enterprise_name',
		])
		.where('e.status', '!=', 'cancelled');
	if (term) q = q.where('e.term', '=', term);
	const engagements = (await q.orderBy('e.id').execute()).sort(
		(a, b) => byText(a.term, b.term) || byText(a.name, b.name),
	);
	const sessions = await store.db
		.selectFrom('exchange_session')
		.select(['engagement_id', 'hours', 'feedback_score', 'feedback_count'])
		.execute();
	const hoursOf = new Map<string, typeof sessions>();
	for (const x of sessions) {
		const list = hoursOf.get(x.engagement_id);
		if (list) list.push(x);
		else hoursOf.set(x.engagement_id, [x]);
	}
	const groups = new Map<
		string,
		{ e: (typeof engagements)[number]; courses: Set<string>; ids: Set<string> }
	>();
	for (const e of engagements) {
		const key = `${e.technician_id}|${e.term}`;
		const g = groups.get(key) ?? { e, courses: new Set<string>(), ids: new Set<string>() };
		g.courses.add(e.course);
		g.ids.add(e.id);
		groups.set(key, g);
	}
	return [...groups.values()].map(({ e, courses, ids }) => {
		const mine = [...ids].flatMap((id) => hoursOf.get(id) ?? []);
		const hours = Math.round(mine.reduce((sum, s) => sum + Number(s.hours), 0) * 100) / 100;
		const shortfall = Math.max(0, Math.round((rules.technicianMinHours - hours) * 100) / 100);
		return {
			report: 'technicianHours',
			technicianId: e.technician_id,
			name: e.name,
			enterprise: e.enterprise_name,
			term: e.term,
			courses: [...courses].join('、'),
			sessions: mine.length,
			hours,
			minHours: rules.technicianMinHours,
			shortfall,
			feedbackScore: weightedScore(
				mine.map((s) => ({
					feedbackScore: s.feedback_score === null ? null : Number(s.feedback_score),
					feedbackCount: s.feedback_count === null ? null : Number(s.feedback_count),
				})),
			),
			...status(shortfall),
		};
	});
}

export const REPORTS: Record<
	ReportName,
	(store: Store, options: ReportOptions) => Promise<Item[]>
> = {
	fiveYear: fiveYearReport,
	annual: annualReport,
	newTeachers: newTeachersReport,
	dualQualified: dualQualifiedReport,
	stationUse: stationUseReport,
	technicianHours: technicianHoursReport,
};
