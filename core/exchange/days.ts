import { addDays, daysBetween } from '../util/time';

/** ISO weekday, Monday 1 … Sunday 7, of a `YYYY-MM-DD` date. */
export function isoWeekday(date: string): number {
	const d = new Date(`${date}T00:00:00Z`).getUTCDay();
	return d === 0 ? 7 : d;
}

export function mondayOf(date: string): string {
	return addDays(date, 1 - isoWeekday(date));
}

/** Every date from `from` to `to`, both included. */
export function datesFrom(from: string, to: string): string[] {
	const out: string[] = [];
	for (let i = 0, n = daysBetween(from, to); i <= n; i++) out.push(addDays(from, i));
	return out;
}

/** The days of a logged week that fall inside a placement's dates. */
export function weekDaysWithin(weekStart: string, start: string, end: string): string[] {
	return datesFrom(weekStart, addDays(weekStart, 6)).filter((d) => d >= start && d <= end);
}

/**
 * The calendar days a log credits. Explicit on-site dates count as given; a bare count
 * credits the first N days of the week inside the placement — a fixed rule, so that the
 * same log always yields the same days and an overlap with another placement is counted once.
 */
export function creditedDates(log: { week_start: string; days_on_site: number; on_site_dates: string | null }, start: string, end: string): string[] {
	if (log.on_site_dates) return JSON.parse(log.on_site_dates) as string[];
	return weekDaysWithin(log.week_start, start, end).slice(0, Number(log.days_on_site));
}

/** Distinct days in [from, to]. */
export function countWithin(days: Iterable<string>, from: string, to: string): number {
	let n = 0;
	for (const d of days) if (d >= from && d <= to) n++;
	return n;
}
