import type { Db } from '../store/store';
import { NotFoundError, ValidationError } from '../util/errors';
import { optionalNumber, optionalText, requiredText, textList } from '../util/validate';
import { ledgerDate, registryToday, requiredLedgerDate } from './dates';
import {
	DEFAULT_PATENT_RULES,
	isInvention,
	nextUnpaidFee,
	patentYearOf,
	termExpiresOn,
	termYears,
	type FeeReduction,
	type PatentRules,
} from './fees';
import {
	checkPatentStatus,
	isPatentEnd,
	parseStatus,
	PATENT_STATUS_LABELS,
	type PatentStatus,
} from './lifecycle';
import type { Party } from './parties';
import {
	parsePatentNumber,
	patentTypeOf,
	type PatentNumber,
	type PatentType,
} from './patent-number';
import type { RegistryPatentTable } from './schema';

export interface PatentInput {
	applicationNo: string;
	title: string;
	/** Stated type; the number decides, and a stated type that disagrees is refused. */
	type?: string | null;
	/** 申请日. For a PCT entry the international filing date; for a divisional its parent's. */
	filingDate: string;
	status?: string | null;
	statusOn?: string | null;
	grantedOn?: string | null;
	agent?: string | null;
	contactId?: string | null;
	/** Person ids, emails or names, in the order the patent lists them. */
	inventors?: string[] | string | null;
	/** Organisation ids or names: school–enterprise joint patents list several. */
	applicants?: string[] | string | null;
	examResponseDue?: string | null;
	examResponseNote?: string | null;
	courseIds?: string[] | string | null;
	notes?: string | null;
	endReason?: string | null;
	/** 原申请号: the application a divisional was split from. */
	parentApplicationNo?: string | null;
	/** PCT 国际申请日 of a national-phase entry (type digit 8 or 9). */
	pctFilingDate?: string | null;
	/** 已缴至第 N 年: the ledger's word that every annual fee up to year N is paid. */
	paidThroughYear?: number | string | null;
	/** Set by the store when it assumed the paid-through year; any stated year clears it. */
	paidThroughAssumed?: boolean | null;
	/** 费减比例: 0.85, 85 or "85%". */
	feeReductionRate?: number | string | null;
	/** 费减年限: patent years reduced from the grant year (default from the rules). */
	feeReductionYears?: number | string | null;
	/** 期限补偿天数 granted under 专利法 art. 42. */
	termExtensionDays?: number | string | null;
	/** The consortium's date for assumptions and history; the node passes it, else Asia/Shanghai today. */
	today?: string | null;
}

export interface Patent {
	id: string;
	applicationNo: string;
	patentNo: string | null;
	title: string;
	type: PatentType;
	typeLabel: string;
	filingDate: string;
	parentApplicationNo: string | null;
	pctFilingDate: string | null;
	status: PatentStatus;
	statusLabel: string;
	statusOn: string | null;
	grantedOn: string | null;
	restoredOn: string | null;
	/** 申请人 before grant, 专利权人 once granted: what the listed applicants are called now. */
	applicantsRole: string;
	agent: string | null;
	contactId: string | null;
	examResponseDue: string | null;
	examResponseNote: string | null;
	courseIds: string[];
	notes: string | null;
	termExtensionDays: number;
	termExpiresOn: string;
	paidThroughYear: number | null;
	paidThroughAssumed: boolean;
	/** `待核实` when the paid-through year was assumed because the ledger did not say. */
	paidThroughNote: string | null;
	feeReductionRate: number | null;
	feeReductionYears: number | null;
	nextFeeYear: number | null;
	nextFeeDue: string | null;
	graceEndsOn: string | null;
	endReason: string | null;
	inventors?: Party[];
	applicants?: Party[];
	createdAt: string;
	updatedAt: string;
}

/** `restored_on` is written only by the restoration step, never from input. */
export type PatentColumns = Omit<
	RegistryPatentTable,
	'id' | 'created_at' | 'updated_at' | 'restored_on'
>;

export const PAID_THROUGH_ASSUMED_NOTE =
	'待核实：台账未填已缴至第N年，按已缴至当前年度推定 To verify: assumed paid through the current patent year';

function everGranted(status: PatentStatus): boolean {
	return (
		status === 'granted' || ['abandoned', 'terminated', 'expired', 'invalidated'].includes(status)
	);
}

/** 申请人 and 专利权人 are the same parties before and after grant (专利法 art. 39: the applicant becomes the patentee). */
export function applicantsRole(status: PatentStatus): string {
	return everGranted(status) ? '专利权人 Patentee' : '申请人 Applicant';
}

/**
 * The number's year is the year CNIPA received the application. Two kinds keep an earlier
 * filing date: a PCT national-phase entry, whose filing date is the international filing date
 * (专利法实施细则 (2010) art. 102, kept in the 2023 text: "该国际申请日视为专利法第二十八条所称的
 * 申请日"), and a divisional, which keeps its parent's filing date (细则 (2010) art. 43 "分案申请
 * 可以保留原申请日"). Article numbers of the 2023 renumbering were not confirmed.
 */
function checkFilingYear(
	number: PatentNumber,
	filingDate: string,
	parent: PatentNumber | null,
): void {
	const year = Number(filingDate.slice(0, 4));
	if (year > number.year) {
		throw new ValidationError(
			`申请日 ${filingDate} 晚于申请号 ${number.applicationNo} 的受理年份 ${number.year} / Filing Date is after the year the number encodes`,
			'filingDate',
			'mismatch',
		);
	}
	if (year === number.year) return;
	const pct = number.type === 'pct_invention' || number.type === 'pct_utility';
	if (pct) return;
	if (parent) {
		const parentPct = parent.type === 'pct_invention' || parent.type === 'pct_utility';
		if (parent.year > number.year)
			throw new ValidationError(
				`原申请号 ${parent.applicationNo} 的年份 ${parent.year} 晚于分案申请号 ${number.applicationNo} / Parent is later than the divisional`,
				'parentApplicationNo',
				'mismatch',
			);
		if (year === parent.year || (parentPct && year < parent.year)) return;
		throw new ValidationError(
			`分案申请的申请日 ${filingDate} 应为原申请 ${parent.applicationNo} 的申请日（${parent.year} 年） / A divisional keeps its parent's filing date`,
			'filingDate',
			'mismatch',
		);
	}
	throw new ValidationError(
		`申请日 ${filingDate} 不在申请号 ${number.applicationNo} 的受理年份 ${number.year}；只有 PCT 进入国家阶段（类型位 8/9）或填写了原申请号的分案申请才可早于 / Filing Date is not in ${number.year}, the year the number encodes (only PCT entries and divisionals may be earlier)`,
		'filingDate',
		'mismatch',
	);
}

/** 费减比例 as written: 0.85, 85, "85%"; the share taken off, between 0 and 1. */
function reductionRate(value: unknown): number | null {
	const text = typeof value === 'string' ? value.normalize('NFKC').trim().replace(/%$/, '') : value;
	const n = optionalNumber(text, 'feeReductionRate', '费减比例 Fee Reduction', {
		min: 0,
		max: 100,
	});
	if (n === null || n === 0) return null;
	const rate = n > 1 ? n / 100 : n;
	if (rate >= 1)
		throw new ValidationError(
			`费减比例 ${String(value)} 应小于 100% / Fee Reduction must be below 100%`,
			'feeReductionRate',
			'range',
		);
	return Math.round(rate * 10000) / 10000;
}

export function feeReductionOf(
	row: Pick<RegistryPatentTable, 'fee_reduction_rate' | 'fee_reduction_years'>,
): FeeReduction | null {
	if (row.fee_reduction_rate === null || row.fee_reduction_rate === undefined) return null;
	return {
		rate: Number(row.fee_reduction_rate),
		years: Number(row.fee_reduction_years ?? DEFAULT_PATENT_RULES.feeReductionYears),
	};
}

/** What the fee accounting needs from a stored row. */
export function feePatentOf(row: RegistryPatentTable) {
	return {
		type: row.type as PatentType,
		filingDate: row.filing_date,
		grantedOn: row.granted_on,
		paidThroughYear: row.paid_through_year === null ? null : Number(row.paid_through_year),
		reduction: feeReductionOf(row),
	};
}

/**
 * Validates a patent record and computes what is never typed: its type (from the number),
 * term expiry and next fee. Pure, so the bulk import validates thousands of rows without
 * touching the store. `creating` is true for a new record: only then may the paid-through
 * year be assumed.
 */
export function patentColumns(
	input: PatentInput,
	paidYears: Iterable<number> = [],
	rules: PatentRules = DEFAULT_PATENT_RULES,
	creating = true,
): PatentColumns {
	const number = parsePatentNumber(input.applicationNo);
	const type = patentTypeOf(number, input.type);
	const parent = input.parentApplicationNo
		? parsePatentNumber(
				input.parentApplicationNo,
				'parentApplicationNo',
				'原申请号 Parent Application No.',
			)
		: null;
	if (parent && parent.applicationNo === number.applicationNo)
		throw new ValidationError(
			`原申请号与申请号相同 ${number.applicationNo} / Parent is the application itself`,
			'parentApplicationNo',
			'mismatch',
		);
	const pctFilingDate = ledgerDate(
		input.pctFilingDate,
		'pctFilingDate',
		'PCT国际申请日 PCT Filing Date',
	);
	const pct = type === 'pct_invention' || type === 'pct_utility';
	if (pctFilingDate && !pct) {
		throw new ValidationError(
			`PCT国际申请日只用于类型位为 8 或 9 的申请号，${number.applicationNo} 不是 / PCT Filing Date applies to national-phase numbers only`,
			'pctFilingDate',
			'mismatch',
		);
	}
	const filingDate =
		pctFilingDate && !input.filingDate
			? pctFilingDate
			: requiredLedgerDate(input.filingDate, 'filingDate', '申请日 Filing Date');
	if (pctFilingDate && filingDate !== pctFilingDate) {
		throw new ValidationError(
			`PCT 申请的申请日应为国际申请日 ${pctFilingDate}，而不是 ${filingDate} / A PCT entry's filing date is its international filing date`,
			'filingDate',
			'mismatch',
		);
	}
	checkFilingYear(number, filingDate, parent);
	const status = input.status
		? parseStatus<PatentStatus>(input.status, PATENT_STATUS_LABELS, 'status', '状态 Status')
		: 'filed';
	checkPatentStatus(type, status);
	const grantedOn = ledgerDate(input.grantedOn, 'grantedOn', '授权日 Granted On');
	const granted = everGranted(status);
	if (granted && !grantedOn)
		throw new ValidationError(
			'已授权专利须填授权日 / Granted On is required for a granted patent',
			'grantedOn',
			'required',
		);
	if (!granted && grantedOn)
		throw new ValidationError(
			`未授权专利不应有授权日（状态为 ${PATENT_STATUS_LABELS[status]}） / Granted On is given for a patent not granted`,
			'grantedOn',
			'state',
		);
	if (grantedOn && grantedOn < filingDate)
		throw new ValidationError(
			`授权日 ${grantedOn} 早于申请日 ${filingDate} / Granted On is before the filing date`,
			'grantedOn',
			'range',
		);

	const years = termYears(type, filingDate, rules);
	let paidThrough = optionalNumber(
		input.paidThroughYear,
		'paidThroughYear',
		'已缴至第N年 Paid Through Year',
		{ integer: true, min: 1, max: years },
	);
	if (paidThrough !== null && !granted)
		throw new ValidationError(
			`未授权专利不缴年费，不应填已缴至第 ${paidThrough} 年 / Only a granted patent pays annual fees`,
			'paidThroughYear',
			'state',
		);
	let assumed = paidThrough !== null && input.paidThroughAssumed === true;
	const paid = [...paidYears];
	if (creating && status === 'granted' && grantedOn && paidThrough === null && paid.length === 0) {
		// A ledger of granted patents without 已缴至第N年: missing data is no evidence of non-payment
		// (a patent is only granted once its grant-year fee is paid). Assume the current patent year
		// paid and say so (待核实); the next fee is the coming anniversary's.
		const today = input.today || registryToday();
		paidThrough = Math.min(
			years,
			Math.max(
				patentYearOf(filingDate, grantedOn),
				today > grantedOn ? patentYearOf(filingDate, today) : 0,
			),
		);
		assumed = true;
	}

	const rate = reductionRate(input.feeReductionRate);
	const reductionYears = optionalNumber(
		input.feeReductionYears,
		'feeReductionYears',
		'费减年限 Fee Reduction Years',
		{ integer: true, min: 1, max: years },
	);
	if (reductionYears !== null && rate === null)
		throw new ValidationError(
			'填写了费减年限但没有费减比例 / Fee Reduction Years given without a rate',
			'feeReductionRate',
			'required',
		);
	const reduction =
		rate === null ? null : { rate, years: reductionYears ?? rules.feeReductionYears };

	const extension =
		optionalNumber(
			input.termExtensionDays,
			'termExtensionDays',
			'期限补偿天数 Term Extension Days',
			{ integer: true, min: 0, max: 36600 },
		) ?? 0;
	if (extension > 0 && !isInvention(type)) {
		throw new ValidationError(
			`期限补偿只适用于发明专利（专利法第四十二条），${number.applicationNo} 不是 / Term compensation applies to invention patents only`,
			'termExtensionDays',
			'state',
		);
	}

	const next =
		status === 'granted'
			? nextUnpaidFee(
					{ type, filingDate, grantedOn, paidThroughYear: paidThrough, reduction },
					paid,
					rules,
				)
			: null;
	return {
		application_no: number.applicationNo,
		title: requiredText(input.title, 'title', '专利名称 Title', 300),
		type,
		filing_date: filingDate,
		parent_application_no: parent?.applicationNo ?? null,
		pct_filing_date: pctFilingDate,
		status,
		status_on: ledgerDate(input.statusOn, 'statusOn', '状态日期 Status Date'),
		granted_on: grantedOn,
		agent: optionalText(input.agent, 'agent', '代理机构 Agent', 200),
		contact_id: optionalText(input.contactId, 'contactId', '负责人 Contact'),
		exam_response_due: ledgerDate(
			input.examResponseDue,
			'examResponseDue',
			'答复期限 Response Due',
		),
		exam_response_note: optionalText(
			input.examResponseNote,
			'examResponseNote',
			'审查意见 Office Action',
			1000,
		),
		course_ids: JSON.stringify(textList(input.courseIds, 'courseIds', '关联课程 Courses')),
		notes: optionalText(input.notes, 'notes', '备注 Notes', 2000),
		term_extension_days: extension,
		term_expires_on: termExpiresOn(type, filingDate, rules, extension),
		paid_through_year: paidThrough,
		paid_through_assumed: assumed ? 1 : 0,
		fee_reduction_rate: reduction?.rate ?? null,
		fee_reduction_years: reduction ? reduction.years : null,
		next_fee_year: next?.year ?? null,
		next_fee_due: next?.dueOn ?? null,
		grace_ends_on: next?.graceEndsOn ?? null,
		end_reason: isPatentEnd(status)
			? optionalText(input.endReason, 'endReason', '原因 Reason', 1000)
			: null,
	};
}

/** A patent's row read whole, in a transaction or not; refused naming the id when there is none. */
export async function requirePatentRow(db: Db, id: string): Promise<RegistryPatentTable> {
	const row = await db
		.selectFrom('registry_patent')
		.selectAll()
		.where('id', '=', id)
		.executeTakeFirst();
	if (!row) throw new NotFoundError('patent', id);
	return row;
}
