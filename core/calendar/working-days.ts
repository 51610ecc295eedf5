import { addDays } from '../util/time';
import type { CalendarDay } from './official';
import { localParts, zonedToUtc } from './zone';

/** A consortium's calendar: the dates that differ from the Monday–Friday week. */
export interface WorkCalendar {
	days: ReadonlyMap<string, CalendarDay>;
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
/** 本联合体设置 (consortium setting): when office hours start, for instants moved off a holiday. */
export const DEFAULT_OFFICE_START_HOUR = 9;

export function calendarFrom(days: Iterable<CalendarDay>): WorkCalendar {
	return { days: new Map([...days].map((d) => [d.date, d])) };
}

function weekday(date: string): number {
	return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** A listed day decides by its kind (调休 Saturdays work, holidays don't); else Monday–Friday work. */
export function isWorkingDay(date: string, calendar: WorkCalendar): boolean {
	const listed = calendar.days.get(date);
	if (listed) return listed.kind === 'workday';
	const day = weekday(date);
	return day !== 0 && day !== 6;
}

function checkInstant(iso: string, field: string): Date {
	const at = new Date(iso);
	if (typeof iso !== 'string' || Number.isNaN(at.getTime()))
		throw new RangeError(`${field}: not an ISO-8601 instant: ${String(iso)}`);
	return at;
}

/** Working days run out after this many calendar days: a calendar marking every day a holiday. */
const SEARCH_LIMIT = 3660;

function nextWorkingDate(after: string, calendar: WorkCalendar): string {
	let date = after;
	for (let i = 0; i < SEARCH_LIMIT; i++) {
		date = addDays(date, 1);
		if (isWorkingDay(date, calendar)) return date;
	}
	throw new RangeError(`no working day within ${SEARCH_LIMIT} days after ${after}`);
}

/**
 * The instant at the same local time of day on the n-th working day after the start's local
 * date, in the consortium's zone. Whether the start day itself works does not matter: a request
 * raised on Saturday with 2 working days is due Tuesday at the same time.
 */
export function addWorkingDays(
	startUtcIso: string,
	n: number,
	timeZone: string,
	calendar: WorkCalendar,
): string {
	const start = checkInstant(startUtcIso, 'start');
	if (!Number.isInteger(n) || n < 0)
		throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
	if (n === 0) return start.toISOString();
	const local = localParts(start, timeZone);
	let date = local.date;
	for (let i = 0; i < n; i++) date = nextWorkingDate(date, calendar);
	return zonedToUtc({ ...local, date }, timeZone).toISOString();
}

export interface OfficeHours {
	/** Hour (0–23) office hours start, local time. */
	officeStartHour?: number;
}

/**
 * An instant on a working day stays; one on a weekend or holiday moves to the start of office
 * hours on the next working day, so that no reminder or escalation fires during 国庆.
 */
export function nextWorkingInstant(
	instantIso: string,
	timeZone: string,
	calendar: WorkCalendar,
	hours: OfficeHours = {},
): string {
	const at = checkInstant(instantIso, 'instant');
	const startHour = hours.officeStartHour ?? DEFAULT_OFFICE_START_HOUR;
	if (!Number.isInteger(startHour) || startHour < 0 || startHour > 23)
		throw new RangeError(`office start hour must be 0–23, got ${startHour}`);
	const local = localParts(at, timeZone);
	if (isWorkingDay(local.date, calendar)) return at.toISOString();
	const date = nextWorkingDate(local.date, calendar);
	return zonedToUtc(
		{ date, hour: startHour, minute: 0, second: 0, millisecond: 0 },
		timeZone,
	).toISOString();
}
