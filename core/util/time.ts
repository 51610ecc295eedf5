/** The consortium's zone when none is set: 联合体 calendars, deadlines and "today" are Beijing time. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

// Building an Intl formatter costs far more than using one; approval pages format several dates each.
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string, withTime: boolean): Intl.DateTimeFormat {
	const key = `${timeZone}|${withTime}`;
	let format = formats.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat('en-CA', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
		});
		formats.set(key, format);
	}
	return format;
}

/** Formats an instant for people in the consortium's zone: `2026-11-28 22:32`. */
export function formatInZone(iso: string | Date, timeZone: string, withTime = true): string {
	const date = typeof iso === 'string' ? new Date(iso) : iso;
	const parts = formatFor(timeZone, withTime).formatToParts(date);
	const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
	const day = `${get('year')}-${get('month')}-${get('day')}`;
	return withTime ? `${day} ${get('hour')}:${get('minute')}` : day;
}

/** The calendar date (`YYYY-MM-DD`) of an instant in a zone. */
export function dateInZone(iso: string | Date, timeZone: string): string {
	return formatInZone(iso, timeZone, false);
}

/** Whole days from `from` to `to`, both `YYYY-MM-DD`. */
export function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000);
}

export function addDays(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);
}

/** Adds calendar months; a day that does not exist in the target month falls to its last day. */
export function addMonths(date: string, months: number): string {
	const [y, m, d] = date.split('-').map(Number);
	const total = y * 12 + (m - 1) + months;
	const year = Math.floor(total / 12);
	const month = (total % 12) + 1;
	const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function addYears(date: string, years: number): string {
	return addMonths(date, years * 12);
}

/** Wall-clock parts of an instant in a zone. */
export interface LocalParts {
	date: string;
	hour: number;
	minute: number;
	second: number;
	millisecond: number;
}

const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

export function localParts(instant: Date, timeZone: string): LocalParts {
	let format = wallClockFormats.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-CA', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
			hourCycle: 'h23',
		});
		wallClockFormats.set(timeZone, format);
	}
	const parts = format.formatToParts(instant);
	const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
	return {
		date: `${get('year')}-${get('month')}-${get('day')}`,
		hour: Number(get('hour')),
		minute: Number(get('minute')),
		second: Number(get('second')),
		millisecond: instant.getUTCMilliseconds(),
	};
}

/** How far a zone's wall clock is ahead of UTC at an instant, in milliseconds. */
export function zoneOffset(instant: number, timeZone: string): number {
	const p = localParts(new Date(instant), timeZone);
	const [y, m, d] = p.date.split('-').map(Number);
	const wall = Date.UTC(y, m - 1, d, p.hour, p.minute, p.second);
	return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a calendar day begins in a zone, ISO-8601 UTC: 2026-12-02 in Asia/Shanghai
 * begins at 2026-12-01T16:00:00.000Z. A day filter compares stored UTC instants with this,
 * so a request made at 00:30 Beijing time falls on its Beijing day.
 */
export function startOfDayInZone(date: string, timeZone: string): string {
	const wallMidnight = Date.parse(`${date}T00:00:00Z`);
	// Twice: the offset at the first guess may differ from the offset at midnight across a DST change.
	let instant = wallMidnight - zoneOffset(wallMidnight, timeZone);
	instant = wallMidnight - zoneOffset(instant, timeZone);
	return new Date(instant).toISOString();
}
