/** The consortium's zone when none is set: 联合体 calendars, deadlines and "today" are Beijing time. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

// Building an Intl formatter costs far more than using one; approval pages format several dates each.
const formats = new Map<string, Intl.DateTimeFormat>();

/** How much of the wall clock beside the date a reading needs. */
type Precision = 'day' | 'minute' | 'second';
const CLOCK_FIELDS: Record<Precision, Intl.DateTimeFormatOptions> = {
	day: {},
	minute: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
	second: { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' },
};

/** The parts of an instant's wall-clock reading in a zone, looked up by type (`year`, `hour`…). */
function partsInZone(instant: Date, timeZone: string, precision: Precision) {
	const key = `${timeZone}|${precision}`;
	let format = formats.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat('en-CA', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			...CLOCK_FIELDS[precision],
		});
		formats.set(key, format);
	}
	const parts = format.formatToParts(instant);
	return (type: string) => parts.find((p) => p.type === type)?.value ?? '';
}

/** Formats an instant for people in the consortium's zone: `2026-11-28 22:32`. */
export function formatInZone(iso: string | Date, timeZone: string, withTime = true): string {
	const date = typeof iso === 'string' ? new Date(iso) : iso;
	const get = partsInZone(date, timeZone, withTime ? 'minute' : 'day');
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

export function localParts(instant: Date, timeZone: string): LocalParts {
	const get = partsInZone(instant, timeZone, 'second');
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
