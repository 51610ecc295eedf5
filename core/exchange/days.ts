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

/** Days since 1970-01-01 of a `YYYY-MM-DD` date: integer arithmetic for the hot counting path. */
export function dayNumber(date: string): number {
	return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86400000;
}

export function dateOfDay(day: number): string {
	return new Date(day * 86400000).toISOString().slice(0, 10);
}

type CreditedLog = { week_start: string; days_on_site: number; on_site_dates: string | null };

/**
 * The calendar days a log credits, as day numbers. Explicit on-site dates count as given; a
 * bare count credits the first N days of the week inside the placement — a fixed rule, so
 * that the same log always yields the same days and an overlap with another placement is
 * counted once.
 */
export function creditedDays(log: CreditedLog, start: string, end: string): number[] {
	if (log.on_site_dates) return (JSON.parse(log.on_site_dates) as string[]).map(dayNumber);
	const week = dayNumber(log.week_start);
	const from = Math.max(week, dayNumber(start));
	const to = Math.min(week + 6, dayNumber(end));
	const n = Math.max(0, Math.min(Number(log.days_on_site), to - from + 1));
	return Array.from({ length: n }, (_, i) => from + i);
}

export function creditedDates(log: CreditedLog, start: string, end: string): string[] {
	return creditedDays(log, start, end).map(dateOfDay);
}

/** Distinct days in [from, to] (dates `YYYY-MM-DD`) of a set of day numbers. */
export function countWithin(days: Iterable<number>, from: string, to: string): number {
	const lo = dayNumber(from);
	const hi = dayNumber(to);
	let n = 0;
	for (const d of days) if (d >= lo && d <= hi) n++;
	return n;
}
