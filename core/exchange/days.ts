import { addDays, addMonths, daysBetween } from '../util/time';

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
	return (
		Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) /
		86400000
	);
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

/**
 * The calendar days a log credits when practice is counted in calendar months. A full-time
 * week — the teacher on site every working day (Monday to Friday) of it inside the placement,
 * up to `fullTimeDays` — counts as calendar time, its weekend included, as a month of
 * full-time placement does; any other week counts only its days on site.
 */
export function calendarCreditedDays(
	log: CreditedLog,
	start: string,
	end: string,
	fullTimeDays: number,
): number[] {
	const onSite = creditedDays(log, start, end);
	const week = dayNumber(log.week_start);
	const from = Math.max(week, dayNumber(start));
	const to = Math.min(week + 6, dayNumber(end));
	// Day numbers count from a Thursday: (d + 3) % 7 is 0 on a Monday, 5 and 6 at the weekend.
	let workdays = 0;
	for (let d = from; d <= to; d++) if ((d + 3) % 7 < 5) workdays++;
	if (onSite.length < Math.max(1, Math.min(fullTimeDays, workdays))) return onSite;
	return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

/**
 * The last day of `months` calendar months starting on `start`: the day before the same date
 * that many months on, or that month's last day when the date does not exist there
 * (民法典 第二百零二条: a period in months ends on the corresponding day; without one, on the
 * month's last day). 2026-03-02 + 6 → 2026-09-01; 2026-01-31 + 1 → 2026-02-28.
 */
export function monthsEnd(start: string, months: number): string {
	const anniversary = addMonths(start, months);
	return anniversary.slice(8) === start.slice(8) ? addDays(anniversary, -1) : anniversary;
}

/**
 * Months of practice in [from, to] of a set of credited calendar days: each unbroken run
 * counts its whole calendar months, and what is left of it (less than a month) as days over
 * `daysPerMonth`. Rounded to hundredths.
 */
export function monthsWithin(
	days: Iterable<number>,
	from: string,
	to: string,
	daysPerMonth: number,
): number {
	const lo = dayNumber(from);
	const hi = dayNumber(to);
	const sorted = [...new Set(days)].filter((d) => d >= lo && d <= hi).sort((a, b) => a - b);
	let months = 0;
	for (let i = 0; i < sorted.length; ) {
		let j = i;
		while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
		const runStart = dateOfDay(sorted[i]);
		const runEnd = dateOfDay(sorted[j]);
		let whole = 0;
		while (monthsEnd(runStart, whole + 1) <= runEnd) whole++;
		const rest = whole
			? daysBetween(monthsEnd(runStart, whole), runEnd)
			: sorted[j] - sorted[i] + 1;
		months += whole + rest / daysPerMonth;
		i = j + 1;
	}
	return Math.round(months * 100) / 100;
}
