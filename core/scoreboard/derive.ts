import type { Db } from '../store/store';
import type { Period } from './period';
import { addDays, DEFAULT_TIME_ZONE, startOfDayInZone } from '../util/time';

export interface Derived {
	actual: number | null;
	/** The records counted, so every figure can be traced. */
	ids: string[];
	detail?: Record<string, unknown>;
}

/** Reads an indicator from other modules' tables; skipped (entries used) while a table is missing. */
export interface Derivation {
	tables: string[];
	/** Which records are counted, in words, for the item. */
	rule: string;
	/** `timeZone` is the consortium's: a stored instant counts on its day there. */
	run(db: Db, period: Period, timeZone?: string): Promise<Derived>;
}

const count = (rows: Array<{ id: string }>): Derived => ({
	actual: rows.length,
	ids: rows.map((r) => r.id),
});
const any = (db: Db) => db as any;

/** Practice sites of a kind recognised at any time during the period. */
export function stationsOfKind(kind: 'station' | 'base'): Derivation {
	return {
		tables: ['exchange_station'],
		rule: `exchange_station.kind = '${kind}', recognised during the period`,
		async run(db, period, timeZone = DEFAULT_TIME_ZONE) {
			// A station entered at 00:30 Beijing time on 1 January belongs to the new year, not
			// to the UTC day before it: compare the instant with the day after the period begins.
			const afterPeriod = startOfDayInZone(addDays(period.end, 1), timeZone);
			const rows = await any(db)
				.selectFrom('exchange_station')
				.select('id')
				.where('kind', '=', kind)
				.where((eb: any) =>
					eb.or([
						eb('recognised_from', '<=', period.end),
						eb.and([eb('recognised_from', 'is', null), eb('created_at', '<', afterPeriod)]),
					]),
				)
				.where((eb: any) =>
					eb.or([eb('recognised_to', 'is', null), eb('recognised_to', '>=', period.start)]),
				)
				.orderBy('id')
				.execute();
			return count(rows);
		},
	};
}

/** Course deliverables of a kind completed within the period. */
export function deliverablesOfKind(kind: string): Derivation {
	return {
		tables: ['course_deliverable'],
		rule: `course_deliverable.kind = '${kind}', completed_on within the period`,
		async run(db, period) {
			const rows = await any(db)
				.selectFrom('course_deliverable')
				.select('id')
				.where('kind', '=', kind)
				.where('completed_on', '>=', period.start)
				.where('completed_on', '<=', period.end)
				.orderBy('id')
				.execute();
			return count(rows);
		},
	};
}

export const coreCourses: Derivation = {
	tables: ['course'],
	rule: "course.course_type = 'core', approved (立项) within the period",
	async run(db, period) {
		const rows = await any(db)
			.selectFrom('course')
			.select('id')
			.where('course_type', '=', 'core')
			.where('approved_on', '>=', period.start)
			.where('approved_on', '<=', period.end)
			.orderBy('id')
			.execute();
		return count(rows);
	},
};

const RUNNING_PROJECT = ['approved', 'opened', 'midterm', 'closed'];

/** Research projects approved and starting within the period. */
export function projects(category: 'vertical' | 'horizontal', level?: string): Derivation {
	return {
		tables: ['registry_project'],
		rule: `registry_project.category = '${category}'${level ? ` and level = '${level}'` : ''}, approved, start_date within the period`,
		async run(db, period) {
			let q = any(db)
				.selectFrom('registry_project')
				.select('id')
				.where('category', '=', category)
				.where('status', 'in', RUNNING_PROJECT)
				.where('start_date', '>=', period.start)
				.where('start_date', '<=', period.end);
			if (level) q = q.where('level', '=', level);
			return count(await q.orderBy('id').execute());
		},
	};
}

export const patentsGranted: Derivation = {
	tables: ['registry_patent'],
	rule: 'registry_patent.granted_on within the period',
	async run(db, period) {
		const rows = await any(db)
			.selectFrom('registry_patent')
			.select('id')
			.where('granted_on', '>=', period.start)
			.where('granted_on', '<=', period.end)
			.orderBy('id')
			.execute();
		return count(rows);
	},
};

/** 双师型 share of 专业课 teachers on the period's last day, in percent. */
export const dualQualifiedShare: Derivation = {
	tables: ['person'],
	rule: "person.kind = 'teacher' and course_category = 'professional' on staff by the period end; share dual_qualified (recognised by then)",
	async run(db, period) {
		const teachers = await db
			.selectFrom('person')
			.select(['id', 'dual_qualified', 'dual_qualified_since'])
			.where('kind', '=', 'teacher')
			.where('course_category', '=', 'professional')
			.where((eb) => eb.or([eb('joined_on', 'is', null), eb('joined_on', '<=', period.end)]))
			.orderBy('id')
			.execute();
		const dual = teachers.filter(
			(t) =>
				Number(t.dual_qualified) === 1 &&
				(!t.dual_qualified_since || t.dual_qualified_since <= period.end),
		);
		if (teachers.length === 0)
			return { actual: null, ids: [], detail: { numerator: 0, denominator: 0 } };
		return {
			actual: Math.round((dual.length / teachers.length) * 1000) / 10,
			ids: dual.map((t) => t.id),
			detail: { numerator: dual.length, denominator: teachers.length },
		};
	},
};
