import { localParts, zoneOffset, type LocalParts } from '../util/time';

export { localParts, type LocalParts };

/**
 * The instant a wall-clock time in a zone names. Near a DST change the offset in force at the
 * result wins (Asia/Shanghai has had none since 1991; other zones are allowed as settings).
 */
export function zonedToUtc(local: LocalParts, timeZone: string): Date {
	const [y, m, d] = local.date.split('-').map(Number);
	const wall = Date.UTC(y, m - 1, d, local.hour, local.minute, local.second, local.millisecond);
	const first = zoneOffset(wall, timeZone);
	const guess = wall - first;
	const second = zoneOffset(guess, timeZone);
	return new Date(second === first ? guess : wall - second);
}
