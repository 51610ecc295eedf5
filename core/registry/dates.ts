import { labelParts, ValidationError } from '../util/errors';
import { DEFAULT_TIME_ZONE } from '../store/settings';
import { addDays, dateInZone } from '../util/time';
import { optionalDate } from '../util/validate';

/** Excel's day 0 (its 1900 leap-year bug included): serial 45052 is 2023-05-06. */
const EXCEL_EPOCH = '1899-12-30';

/**
 * A calendar date as ledgers hold it: `2023-05-06`, `2023年5月6日`, `2023/5/6`, or a real
 * date cell, which a spreadsheet reader hands over as Excel's day serial number.
 */
export function ledgerDate(value: unknown, field: string, label: string): string | null {
	if (
		typeof value === 'number' ||
		(typeof value === 'string' && /^\d{5}(\.\d+)?$/.test(value.trim()))
	) {
		const serial = Math.floor(Number(value));
		// 1 January 1950 … 31 December 2199: anything else is not a date in a patent ledger.
		if (serial < 18264 || serial > 109573)
			throw new ValidationError(
				`${label} "${String(value)}" is not a valid date (YYYY-MM-DD) / 日期无效`,
				field,
				'date',
			);
		return addDays(EXCEL_EPOCH, serial);
	}
	return optionalDate(value, field, label);
}

export function requiredLedgerDate(value: unknown, field: string, label: string): string {
	const date = ledgerDate(value, field, label);
	if (!date)
		throw new ValidationError(
			`${labelParts(label).zh}为必填项 / ${labelParts(label).en} is required`,
			field,
			'required',
		);
	return date;
}

/**
 * Today's date in the consortium's zone. A registry record changed at 00:30 Beijing time belongs
 * to that Beijing day, not to the UTC day before it (issue #17 point 10).
 */
export function registryToday(
	timeZone: string = DEFAULT_TIME_ZONE,
	now: Date = new Date(),
): string {
	return dateInZone(now, timeZone);
}
