import { addDays, addMonths, daysBetween } from '../util/time';
import { ValidationError } from '../util/errors';

export const PERIOD_KINDS = ['calendar', 'school'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export const PERIOD_KIND_LABELS: Record<PeriodKind, string> = {
	calendar: '自然年 Calendar Year',
	school: '学年 School Year',
};

export interface Period {
	kind: PeriodKind;
	/** The year targets are looked up by: the calendar year, or the year the school year starts. */
	year: number;
	start: string;
	end: string;
	label: string;
}

/** A calendar year, or a school year starting on the 1st of `startMonth` (September by default). */
export function periodFor(kind: PeriodKind, year: number, startMonth = 9): Period {
	if (!Number.isInteger(year) || year < 2000 || year > 2100)
		throw new ValidationError(`年份 Year ${year} is out of range / 年份无效`, 'year');
	if (kind === 'calendar')
		return {
			kind,
			year,
			start: `${year}-01-01`,
			end: `${year}-12-31`,
			label: `${year}年 Calendar year ${year}`,
		};
	if (!Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12)
		throw new ValidationError(`学年起始月 Start month ${startMonth} / 月份无效`, 'startMonth');
	const start = `${year}-${String(startMonth).padStart(2, '0')}-01`;
	const end = addDays(addMonths(start, 12), -1);
	return {
		kind,
		year,
		start,
		end,
		label: `${year}–${year + 1}学年 School year ${year}/${String(year + 1).slice(2)}`,
	};
}

/** The period that contains a date. */
export function periodContaining(kind: PeriodKind, date: string, startMonth = 9): Period {
	const [y, m] = date.split('-').map(Number);
	return periodFor(kind, kind === 'school' && m < startMonth ? y - 1 : y, startMonth);
}

/** Share of the period elapsed by the end of `asOf`, 0–1: the pro-rating factor. */
export function elapsedFraction(period: Period, asOf: string): number {
	const total = daysBetween(period.start, period.end) + 1;
	const done = daysBetween(period.start, asOf) + 1;
	return Math.min(1, Math.max(0, done / total));
}
