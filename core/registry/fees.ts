import { ValidationError } from '../util/errors';
import { addDays, addMonths, addYears } from '../util/time';
import type { PatentType } from './patent-number';

/**
 * Term and annual-fee rules. They are the national defaults; a consortium can pass its own
 * (fee reductions, a changed schedule) wherever the rules are used.
 */
export interface PatentRules {
	termYears: { invention: number; utility: number; designBefore: number; designFrom: number };
	/** Designs filed on or after this date get `designFrom` years (the 2021 Patent Law change). */
	designTermChangeOn: string;
	graceMonths: number;
	/** The first month past the due date is free; each further month adds this rate. */
	surchargePerMonth: number;
	maxSurcharge: number;
	/** Annual fee by patent year, as `[fromYear, toYear, amount]` bands in yuan. */
	annualFees: Record<'invention' | 'utility' | 'design', Array<[number, number, number]>>;
	/** Share of the fee actually payable (费减: 0.15 for an 85% reduction). */
	feeFactor: number;
}

export const DEFAULT_PATENT_RULES: PatentRules = {
	termYears: { invention: 20, utility: 10, designBefore: 10, designFrom: 15 },
	designTermChangeOn: '2021-06-01',
	graceMonths: 6,
	surchargePerMonth: 0.05,
	maxSurcharge: 0.25,
	annualFees: {
		invention: [[1, 3, 900], [4, 6, 1200], [7, 9, 2000], [10, 12, 4000], [13, 15, 6000], [16, 20, 8000]],
		utility: [[1, 3, 600], [4, 5, 900], [6, 8, 1200], [9, 10, 2000]],
		design: [[1, 3, 600], [4, 5, 900], [6, 8, 1200], [9, 10, 2000], [11, 15, 3000]],
	},
	feeFactor: 1,
};

function family(type: PatentType): 'invention' | 'utility' | 'design' {
	if (type === 'invention' || type === 'pct_invention') return 'invention';
	if (type === 'design') return 'design';
	return 'utility';
}

export function termYears(type: PatentType, filingDate: string, rules = DEFAULT_PATENT_RULES): number {
	const f = family(type);
	if (f === 'design') return filingDate >= rules.designTermChangeOn ? rules.termYears.designFrom : rules.termYears.designBefore;
	return rules.termYears[f];
}

/**
 * The first day of patent year `year` (1-based): the filing date's anniversary. A 29 February
 * filing has its anniversary on 28 February in common years (a period ending on a day the
 * month lacks ends on the month's last day).
 */
export function patentYearStart(filingDate: string, year: number): string {
	return addYears(filingDate, year - 1);
}

/** The last day of the term, counted from the filing date. */
export function termExpiresOn(type: PatentType, filingDate: string, rules = DEFAULT_PATENT_RULES): string {
	return addDays(addYears(filingDate, termYears(type, filingDate, rules)), -1);
}

/** The patent year (1-based) a date falls in. */
export function patentYearOf(filingDate: string, date: string): number {
	let year = Math.max(1, Number(date.slice(0, 4)) - Number(filingDate.slice(0, 4)));
	while (year > 1 && patentYearStart(filingDate, year) > date) year--;
	while (patentYearStart(filingDate, year + 1) <= date) year++;
	return year;
}

export function annualFeeAmount(type: PatentType, year: number, rules = DEFAULT_PATENT_RULES): number {
	const band = rules.annualFees[family(type)].find(([from, to]) => year >= from && year <= to);
	return band ? Math.round(band[2] * rules.feeFactor * 100) / 100 : 0;
}

export interface FeeDue {
	year: number;
	startsOn: string;
	/** The last day to pay without surcharge: the day before the year begins (the grant year: the grant date). */
	dueOn: string;
	graceEndsOn: string;
	amount: number;
}

/**
 * The due date of one year's fee. Fees start with the year the patent is granted in, paid
 * on registration; each later year's fee is due before that year begins.
 */
export function feeDue(type: PatentType, filingDate: string, year: number, grantedOn: string | null, rules = DEFAULT_PATENT_RULES): FeeDue {
	const startsOn = patentYearStart(filingDate, year);
	let dueOn = addDays(startsOn, -1);
	if (grantedOn && patentYearOf(filingDate, grantedOn) === year) dueOn = grantedOn;
	return { year, startsOn, dueOn, graceEndsOn: addMonths(dueOn, rules.graceMonths), amount: annualFeeAmount(type, year, rules) };
}

export interface Surcharge {
	/** 0 on time; then 0, 5%, 10% … by month of delay, capped. */
	rate: number;
	amount: number;
	/** Which month past the due date the payment falls in (0 = on time). */
	monthLate: number;
}

/** The surcharge for paying `fee` on `paidOn`; refused after the grace period. */
export function surchargeFor(fee: FeeDue, paidOn: string, rules = DEFAULT_PATENT_RULES): Surcharge {
	if (paidOn <= fee.dueOn) return { rate: 0, amount: 0, monthLate: 0 };
	if (paidOn > fee.graceEndsOn) {
		throw new ValidationError(
			`缴费日期 Paid On ${paidOn} is after the grace period for year ${fee.year}, which ended ${fee.graceEndsOn}; the patent ends unpaid / 已过滞纳期`,
			'paidOn',
			'past_grace',
		);
	}
	let month = 1;
	while (paidOn > addMonths(fee.dueOn, month)) month++;
	const rate = Math.min(rules.maxSurcharge, Math.max(0, month - 1) * rules.surchargePerMonth);
	return { rate: round(rate, 4), amount: round(fee.amount * rate, 2), monthLate: month };
}

function round(n: number, places: number): number {
	const f = 10 ** places;
	return Math.round(n * f) / f;
}

export type FeeState = 'paid' | 'before_grant' | 'upcoming' | 'due' | 'in_grace' | 'unpaid_after_grace';

export interface FeeScheduleEntry extends FeeDue {
	state: FeeState;
	paidOn: string | null;
	paidAmount: number | null;
	surcharge: number | null;
}

export interface FeePaymentRecord {
	year: number;
	paidOn: string;
	amount: number;
	surcharge: number;
}

/**
 * Every year of the term with its due date, grace end and state on `today`. Only a granted
 * patent owes fees; before grant the dates are shown as `before_grant`.
 */
export function feeSchedule(
	p: { type: PatentType; filingDate: string; grantedOn: string | null },
	payments: FeePaymentRecord[],
	today: string,
	rules = DEFAULT_PATENT_RULES,
): FeeScheduleEntry[] {
	const years = termYears(p.type, p.filingDate, rules);
	const firstYear = p.grantedOn ? patentYearOf(p.filingDate, p.grantedOn) : years + 1;
	const byYear = new Map(payments.map((x) => [x.year, x]));
	const out: FeeScheduleEntry[] = [];
	for (let year = 1; year <= years; year++) {
		const due = feeDue(p.type, p.filingDate, year, p.grantedOn, rules);
		const paid = byYear.get(year);
		let state: FeeState;
		if (paid) state = 'paid';
		else if (year < firstYear) state = 'before_grant';
		else if (today > due.graceEndsOn) state = 'unpaid_after_grace';
		else if (today > due.dueOn) state = 'in_grace';
		else if (year === firstYear || today >= addDays(due.dueOn, -90)) state = 'due';
		else state = 'upcoming';
		out.push({ ...due, state, paidOn: paid?.paidOn ?? null, paidAmount: paid?.amount ?? null, surcharge: paid?.surcharge ?? null });
	}
	return out;
}

/** The first year still owed, or null when none is (not granted, or all paid to the end of term). */
export function nextUnpaidFee(
	p: { type: PatentType; filingDate: string; grantedOn: string | null },
	paidYears: Iterable<number>,
	rules = DEFAULT_PATENT_RULES,
): FeeDue | null {
	if (!p.grantedOn) return null;
	const paid = new Set(paidYears);
	const years = termYears(p.type, p.filingDate, rules);
	for (let year = patentYearOf(p.filingDate, p.grantedOn); year <= years; year++) {
		if (!paid.has(year)) return feeDue(p.type, p.filingDate, year, p.grantedOn, rules);
	}
	return null;
}
