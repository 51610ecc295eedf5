import { writeAudit, type Actor } from '../store/audit';
import type { Store, Tx } from '../store/store';
import { StateError, ValidationError } from '../util/errors';
import { newId, nowIso } from '../util/id';
import { optionalNumber, optionalText, requiredDate } from '../util/validate';
import { refreshPatentDeadlines } from './deadlines';
import {
	DEFAULT_PATENT_RULES,
	feeDue,
	feeSchedule,
	nextUnpaidFee,
	patentYearOf,
	surchargeFor,
	termYears,
} from './fees';
import { PATENT_STATUS_LABELS, type PatentStatus } from './lifecycle';
import { feePatentOf, requirePatentRow } from './patent-record';

/**
 * Annual-fee accounting of stored patents: payments, the schedule on a day, and the patents
 * whose grace period passed unpaid. The arithmetic is in `fees.ts`; this file reads and writes.
 */

export async function paidYearsOf(tx: Tx, patentId: string | undefined): Promise<number[]> {
	if (!patentId) return [];
	const rows = await tx
		.selectFrom('registry_fee_payment')
		.select('patent_year')
		.where('patent_id', '=', patentId)
		.execute();
	return rows.map((r) => Number(r.patent_year));
}

/**
 * Records one year's fee. The surcharge is computed from the payment date on the full fee;
 * a payment after the grace period is refused, since the patent has ended — unless its rights
 * were restored, when the lost year is paid with the whole surcharge.
 */
export async function recordFeePayment(
	store: Store,
	id: string,
	payment: { year?: unknown; paidOn: unknown; amount?: unknown; note?: unknown },
	actor: Actor,
	rules = DEFAULT_PATENT_RULES,
) {
	return store.transaction(async (tx) => {
		const row = await requirePatentRow(tx, id);
		if (row.status !== 'granted' || !row.granted_on)
			throw new StateError(
				`仅授权专利缴纳年费，该专利为 ${PATENT_STATUS_LABELS[row.status as PatentStatus]} / Only a granted patent owes annual fees`,
				row.status,
			);
		const p = feePatentOf(row);
		const paidOn = requiredDate(payment.paidOn, 'paidOn', '缴费日期 Paid On');
		const year =
			optionalNumber(payment.year, 'year', '年度 Patent Year', { integer: true, min: 1 }) ??
			row.next_fee_year;
		if (!year)
			throw new ValidationError(
				'年度：各年度年费均已缴清 / 年度 Patent Year: every year of the term is paid',
				'year',
				'state',
			);
		const first = patentYearOf(row.filing_date, row.granted_on);
		const last = termYears(p.type, row.filing_date, rules);
		if (year < first || year > last) {
			throw new ValidationError(
				`年度 ${year} 不在该专利应缴年度（第 ${first}–${last} 年）内 / Patent Year is outside the years this patent owes`,
				'year',
				'range',
			);
		}
		const paidYears = await paidYearsOf(tx, id);
		if (paidYears.includes(year) || (p.paidThroughYear !== null && year <= p.paidThroughYear))
			throw new ValidationError(
				`第 ${year} 年度已缴费 / Patent Year ${year} is already paid`,
				'year',
				'duplicate',
			);
		const fee = feeDue(p.type, row.filing_date, year, row.granted_on, rules, p.reduction);
		// Only the year lost before the restoration may be paid past its grace; a later lapse ends the patent again.
		const lostBeforeRestoration = row.restored_on !== null && fee.graceEndsOn < row.restored_on;
		const surcharge = surchargeFor(fee, paidOn, rules, lostBeforeRestoration);
		const amount =
			optionalNumber(payment.amount, 'amount', '金额 Amount', { min: 0 }) ??
			Math.round((fee.amount + surcharge.amount) * 100) / 100;
		const record = {
			id: newId('fee'),
			patent_id: id,
			patent_year: year,
			paid_on: paidOn,
			amount,
			surcharge_rate: surcharge.rate,
			surcharge: surcharge.amount,
			note: optionalText(payment.note, 'note', '备注 Note', 500),
			created_at: nowIso(),
		};
		await tx.insertInto('registry_fee_payment').values(record).execute();
		const next = nextUnpaidFee(p, [...paidYears, year], rules);
		await tx
			.updateTable('registry_patent')
			.set({
				next_fee_year: next?.year ?? null,
				next_fee_due: next?.dueOn ?? null,
				grace_ends_on: next?.graceEndsOn ?? null,
				updated_at: nowIso(),
			})
			.where('id', '=', id)
			.execute();
		await writeAudit(tx, {
			...actor,
			action: 'fee_payment',
			entityType: 'patent',
			entityId: id,
			changes: { year, paidOn, amount, surcharge: surcharge.amount },
		});
		await refreshPatentDeadlines(tx, id);
		return {
			patentId: id,
			applicationNo: row.application_no,
			year,
			paidOn,
			dueOn: fee.dueOn,
			graceEndsOn: fee.graceEndsOn,
			fee: fee.amount,
			fullFee: fee.fullAmount,
			reductionRate: fee.reductionRate,
			surchargeRate: surcharge.rate,
			surcharge: surcharge.amount,
			amount,
			nextFeeYear: next?.year ?? null,
			nextFeeDue: next?.dueOn ?? null,
		};
	});
}

/** Each year of the term with due date, grace end, amount and state on `today`. */
export async function patentFeeSchedule(
	store: Store,
	id: string,
	today: string,
	rules = DEFAULT_PATENT_RULES,
) {
	const row = await requirePatentRow(store.db, id);
	const payments = await store.db
		.selectFrom('registry_fee_payment')
		.selectAll()
		.where('patent_id', '=', id)
		.execute();
	const entries = feeSchedule(
		feePatentOf(row),
		payments.map((p) => ({
			year: Number(p.patent_year),
			paidOn: p.paid_on,
			amount: Number(p.amount),
			surcharge: Number(p.surcharge),
		})),
		today,
		rules,
	);
	// The stored next fee decides, as in the deadline list: a restored patent's lost year is past
	// its grace by definition, and only the day set on restoration counts.
	const flagged =
		row.status === 'granted' && row.grace_ends_on !== null && row.grace_ends_on < today;
	return {
		entries,
		flaggedForTermination: flagged,
		paidThroughAssumed: Number(row.paid_through_assumed) === 1,
	};
}

/** Granted patents whose grace period passed unpaid: to be terminated (终止). */
export async function patentsFlaggedForTermination(store: Store, today: string) {
	return store.db
		.selectFrom('registry_patent')
		.selectAll()
		.where('status', '=', 'granted')
		.where('grace_ends_on', '<', today)
		.orderBy('grace_ends_on')
		.execute();
}
