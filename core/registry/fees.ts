import { bilingual, ValidationError } from '../util/errors';
import { addDays, addMonths, addYears } from '../util/time';
import type { PatentType } from './patent-number';

/**
 * Term and annual-fee rules. They are the national defaults; a consortium can pass its own
 * (a changed schedule) wherever the rules are used. A fee reduction (费减) belongs to one
 * patent, not to the rules: see `FeeReduction`.
 */
export interface PatentRules {
	termYears: { invention: number; utility: number; designBefore: number; designFrom: number };
	/** Designs filed on or after this date get `designFrom` years (the 2021 Patent Law change). */
	designTermChangeOn: string;
	graceMonths: number;
	/** The first month past the due date is free; each further month adds this rate of the full fee. */
	surchargePerMonth: number;
	maxSurcharge: number;
	/** Annual fee by patent year, as `[fromYear, toYear, amount]` bands in yuan. */
	annualFees: Record<'invention' | 'utility' | 'design', Array<[number, number, number]>>;
	/** 费减 years when a patent states a rate but no years (国家规定: ten, counted from the grant year). */
	feeReductionYears: number;
	/** Restoration of rights: the latest day is this many years after the missed deadline (国家规定). */
	restoreYears: number;
	/** … and this many months after the termination notice was received (国家规定). */
	restoreNoticeMonths: number;
}

export const DEFAULT_PATENT_RULES: PatentRules = {
	termYears: { invention: 20, utility: 10, designBefore: 10, designFrom: 15 },
	designTermChangeOn: '2021-06-01',
	graceMonths: 6,
	surchargePerMonth: 0.05,
	maxSurcharge: 0.25,
	annualFees: {
		invention: [
			[1, 3, 900],
			[4, 6, 1200],
			[7, 9, 2000],
			[10, 12, 4000],
			[13, 15, 6000],
			[16, 20, 8000],
		],
		utility: [
			[1, 3, 600],
			[4, 5, 900],
			[6, 8, 1200],
			[9, 10, 2000],
		],
		design: [
			[1, 3, 600],
			[4, 5, 900],
			[6, 8, 1200],
			[9, 10, 2000],
			[11, 15, 3000],
		],
	},
	// 专利收费减缴办法 (财税〔2016〕78号) art. 2 covered "自授予专利权当年起六年内的年费"; from
	// 1 August 2018 (国家知识产权局 notice under 财税〔2018〕37号) the period is "自授权当年起 10 年内".
	// Its transition: a patent already reduced and in its grant years 1–6 on 31 July 2018 keeps the
	// reduction to year 10; in years 7–9 it is reduced again from the next year to year 10; from year
	// 10 on it is not reduced. Such a patent states its own years (`FeeReduction.years`).
	feeReductionYears: 10,
	// 专利法实施细则 art. 6 (恢复权利): within 2 months of receiving the office's notice (¶2), and for
	// force majeure at most 2 years after the missed deadline (¶1). The 2023 text keeps both figures
	// as far as we could confirm from secondary copies; the 2 years is used as the outer limit.
	restoreYears: 2,
	restoreNoticeMonths: 2,
};

/** A patent's 费减: the share taken off (0.85 or 0.70) for `years` patent years from the grant year. */
export interface FeeReduction {
	rate: number;
	years: number;
}

function family(type: PatentType): 'invention' | 'utility' | 'design' {
	if (type === 'invention' || type === 'pct_invention') return 'invention';
	if (type === 'design') return 'design';
	return 'utility';
}

export function termYears(
	type: PatentType,
	filingDate: string,
	rules = DEFAULT_PATENT_RULES,
): number {
	const f = family(type);
	if (f === 'design')
		return filingDate >= rules.designTermChangeOn
			? rules.termYears.designFrom
			: rules.termYears.designBefore;
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

/**
 * The last day of the term, counted from the filing date (for a PCT entry the international
 * filing date, for a divisional its parent's), plus any 专利权期限补偿 days: 专利法 (2020 修正,
 * in force 2021-06-01) art. 42 ¶2–3 grants invention patents compensation for unreasonable
 * delay in examination and for new-drug approval; CNIPA decides the days, the ledger records them.
 */
export function termExpiresOn(
	type: PatentType,
	filingDate: string,
	rules = DEFAULT_PATENT_RULES,
	extensionDays = 0,
): string {
	return addDays(addYears(filingDate, termYears(type, filingDate, rules)), extensionDays - 1);
}

/** Only invention patents get term compensation (专利法 art. 42 ¶2 speaks of 发明专利). */
export function isInvention(type: PatentType): boolean {
	return family(type) === 'invention';
}

/** The patent year (1-based) a date falls in. */
export function patentYearOf(filingDate: string, date: string): number {
	let year = Math.max(1, Number(date.slice(0, 4)) - Number(filingDate.slice(0, 4)));
	while (year > 1 && patentYearStart(filingDate, year) > date) year--;
	while (patentYearStart(filingDate, year + 1) <= date) year++;
	return year;
}

/** The full annual fee of a patent year, before any reduction. */
export function annualFeeAmount(
	type: PatentType,
	year: number,
	rules = DEFAULT_PATENT_RULES,
): number {
	const band = rules.annualFees[family(type)].find(([from, to]) => year >= from && year <= to);
	return band ? band[2] : 0;
}

/** Whether `year` is inside the reduction period: `years` patent years from the grant year on. */
export function reducedYear(
	filingDate: string,
	grantedOn: string | null,
	year: number,
	reduction: FeeReduction | null | undefined,
): boolean {
	if (!reduction || !reduction.rate || !grantedOn) return false;
	const first = patentYearOf(filingDate, grantedOn);
	return year >= first && year < first + reduction.years;
}

export interface FeeDue {
	year: number;
	startsOn: string;
	/**
	 * The last day to pay without surcharge. 专利审查指南 (2023) part V ch. 9 §2.2.1.1 and CNIPA's
	 * answer on the 2022 年费期限 notice: fees after the grant year are paid before the previous year
	 * ends, and "缴费期限届满日即申请日在该年的相应日" — the filing date's anniversary, the first day
	 * of the year paid for. The grant year's fee is paid on registration: its day is the grant date.
	 */
	dueOn: string;
	graceEndsOn: string;
	/** What is payable: the full fee, less the 费减 share inside its period. */
	amount: number;
	/** The fee before reduction; the surcharge is a share of this (当年全额年费). */
	fullAmount: number;
	reductionRate: number;
}

/**
 * The due date of one year's fee. Fees start with the year the patent is granted in, paid
 * on registration; each later year's fee is due on that year's first day.
 */
export function feeDue(
	type: PatentType,
	filingDate: string,
	year: number,
	grantedOn: string | null,
	rules = DEFAULT_PATENT_RULES,
	reduction: FeeReduction | null = null,
): FeeDue {
	const startsOn = patentYearStart(filingDate, year);
	let dueOn = startsOn;
	if (grantedOn && patentYearOf(filingDate, grantedOn) === year) dueOn = grantedOn;
	const fullAmount = annualFeeAmount(type, year, rules);
	const reductionRate = reducedYear(filingDate, grantedOn, year, reduction) ? reduction!.rate : 0;
	return {
		year,
		startsOn,
		dueOn,
		graceEndsOn: addMonths(dueOn, rules.graceMonths),
		amount: round(fullAmount * (1 - reductionRate), 2),
		fullAmount,
		reductionRate,
	};
}

export interface Surcharge {
	/** 0 on time; then 0, 5%, 10% … by month of delay, capped. */
	rate: number;
	amount: number;
	/** Which month past the due date the payment falls in (0 = on time). */
	monthLate: number;
}

/**
 * The surcharge (滞纳金) for paying `fee` on `paidOn`. 专利审查指南 part V ch. 9 §2.2.1.3: paid
 * within the month after the due date, none; then 5 % of the full annual fee (当年全额年费, so a
 * 费减 does not shrink it) for each further month begun, up to 25 %. A payment on the last day of
 * the grace period is accepted; after it the patent ends, unless its rights were restored
 * (`restored`), when the lost year is paid with the whole surcharge.
 */
export function surchargeFor(
	fee: FeeDue,
	paidOn: string,
	rules = DEFAULT_PATENT_RULES,
	restored = false,
): Surcharge {
	if (paidOn <= fee.dueOn) return { rate: 0, amount: 0, monthLate: 0 };
	if (paidOn > fee.graceEndsOn && restored) {
		return {
			rate: rules.maxSurcharge,
			amount: round(fee.fullAmount * rules.maxSurcharge, 2),
			monthLate: rules.graceMonths,
		};
	}
	if (paidOn > fee.graceEndsOn) {
		throw new ValidationError(
			bilingual(
				`缴费日期 ${paidOn} 已过第 ${fee.year} 年年费的滞纳期（${fee.graceEndsOn} 届满），专利权因未缴年费终止；可在期限内请求恢复权利`,
				`Paid On ${paidOn} is after the grace period for year ${fee.year}, which ended ${fee.graceEndsOn}; the patent ends unpaid`,
			),
			'paidOn',
			'past_grace',
		);
	}
	let month = 1;
	while (paidOn > addMonths(fee.dueOn, month)) month++;
	const rate = Math.min(rules.maxSurcharge, Math.max(0, month - 1) * rules.surchargePerMonth);
	return { rate: round(rate, 4), amount: round(fee.fullAmount * rate, 2), monthLate: month };
}

function round(n: number, places: number): number {
	const f = 10 ** places;
	return Math.round(n * f) / f;
}

export type FeeState =
	| 'paid'
	| 'paid_per_ledger'
	| 'before_grant'
	| 'upcoming'
	| 'due'
	| 'in_grace'
	| 'unpaid_after_grace';

/** What a clerk reads for each state, in the fee schedule and its spreadsheet. */
export const FEE_STATE_LABELS: Record<FeeState, string> = {
	paid: '已缴 Paid',
	paid_per_ledger: '已缴（台账） Paid per Ledger',
	before_grant: '授权前 Before Grant',
	upcoming: '未到期 Upcoming',
	due: '待缴 Due',
	in_grace: '宽限期内 In Grace Period',
	unpaid_after_grace: '逾期未缴 Unpaid After Grace',
};

export interface FeeScheduleEntry extends FeeDue {
	state: FeeState;
	stateLabel: string;
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

/** What the fee accounting needs to know about a patent. */
export interface FeePatent {
	type: PatentType;
	filingDate: string;
	grantedOn: string | null;
	/** 已缴至第 N 年: the ledger says every year up to N is paid (no payment records kept). */
	paidThroughYear?: number | null;
	reduction?: FeeReduction | null;
}

/**
 * Every year of the term with its due date, grace end and state on `today`. Only a granted
 * patent owes fees; before grant the dates are shown as `before_grant`.
 */
export function feeSchedule(
	p: FeePatent,
	payments: FeePaymentRecord[],
	today: string,
	rules = DEFAULT_PATENT_RULES,
): FeeScheduleEntry[] {
	const years = termYears(p.type, p.filingDate, rules);
	const firstYear = p.grantedOn ? patentYearOf(p.filingDate, p.grantedOn) : years + 1;
	const byYear = new Map(payments.map((x) => [x.year, x]));
	const out: FeeScheduleEntry[] = [];
	for (let year = 1; year <= years; year++) {
		const due = feeDue(p.type, p.filingDate, year, p.grantedOn, rules, p.reduction);
		const paid = byYear.get(year);
		let state: FeeState;
		if (paid) state = 'paid';
		else if (year < firstYear) state = 'before_grant';
		else if (p.paidThroughYear && year <= p.paidThroughYear) state = 'paid_per_ledger';
		else if (today > due.graceEndsOn) state = 'unpaid_after_grace';
		else if (today > due.dueOn) state = 'in_grace';
		else if (year === firstYear || today >= addDays(due.dueOn, -90)) state = 'due';
		else state = 'upcoming';
		out.push({
			...due,
			state,
			stateLabel: FEE_STATE_LABELS[state],
			paidOn: paid?.paidOn ?? null,
			paidAmount: paid?.amount ?? null,
			surcharge: paid?.surcharge ?? null,
		});
	}
	return out;
}

/** The first year still owed, or null when none is (not granted, or all paid to the end of term). */
export function nextUnpaidFee(
	p: FeePatent,
	paidYears: Iterable<number>,
	rules = DEFAULT_PATENT_RULES,
): FeeDue | null {
	if (!p.grantedOn) return null;
	const paid = new Set(paidYears);
	const years = termYears(p.type, p.filingDate, rules);
	const first = Math.max(patentYearOf(p.filingDate, p.grantedOn), (p.paidThroughYear ?? 0) + 1);
	for (let year = first; year <= years; year++) {
		if (!paid.has(year)) return feeDue(p.type, p.filingDate, year, p.grantedOn, rules, p.reduction);
	}
	return null;
}
