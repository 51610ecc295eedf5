/** Wall-clock parts of an instant in a zone. */
export interface LocalParts {
	date: string;
	hour: number;
	minute: number;
	second: number;
	millisecond: number;
}

function formatter(timeZone: string): Intl.DateTimeFormat {
	return new Intl.DateTimeFormat('en-CA', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
		hourCycle: 'h23',
	});
}

export function localParts(instant: Date, timeZone: string): LocalParts {
	const parts = formatter(timeZone).formatToParts(instant);
	const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
	return {
		date: `${get('year')}-${get('month')}-${get('day')}`,
		hour: Number(get('hour')),
		minute: Number(get('minute')),
		second: Number(get('second')),
		millisecond: instant.getUTCMilliseconds(),
	};
}

/** Minutes the zone is ahead of UTC at an instant. */
function offsetMinutes(instant: number, timeZone: string): number {
	const p = localParts(new Date(instant), timeZone);
	const [y, m, d] = p.date.split('-').map(Number);
	const asUtc = Date.UTC(y, m - 1, d, p.hour, p.minute, p.second);
	return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60000);
}

/**
 * The instant a wall-clock time in a zone names. Near a DST change the offset in force at the
 * result wins (Asia/Shanghai has had none since 1991; other zones are allowed as settings).
 */
export function zonedToUtc(local: LocalParts, timeZone: string): Date {
	const [y, m, d] = local.date.split('-').map(Number);
	const wall = Date.UTC(y, m - 1, d, local.hour, local.minute, local.second, local.millisecond);
	const first = offsetMinutes(wall, timeZone);
	const guess = wall - first * 60000;
	const second = offsetMinutes(guess, timeZone);
	return new Date(second === first ? guess : wall - second * 60000);
}
