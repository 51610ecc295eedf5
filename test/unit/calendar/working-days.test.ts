import {
	addWorkingDays,
	calendarFrom,
	isWorkingDay,
	nextWorkingInstant,
	OFFICIAL_2026,
	OFFICIAL_2027,
	officialDays,
} from '../../../core/calendar';

const TZ = 'Asia/Shanghai';
const official = calendarFrom(officialDays());
const weekendsOnly = calendarFrom([]);
/** Shanghai wall-clock time as a UTC instant (UTC+8, no DST). */
const sh = (local: string) => new Date(`${local}+08:00`).toISOString();

describe('official 2026 calendar (国务院办公厅 notice of 4 Nov 2025)', () => {
	it('holds 33 holiday days and 6 调休 working days, every one of them on a weekend', () => {
		const holidays = OFFICIAL_2026.days.filter((d) => d.kind === 'holiday');
		const workdays = OFFICIAL_2026.days.filter((d) => d.kind === 'workday');
		expect(holidays).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
		expect(workdays.map((d) => d.date)).toEqual([
			'2026-01-04',
			'2026-02-14',
			'2026-02-28',
			'2026-05-09',
			'2026-09-20',
			'2026-10-10',
		]);
		expect(workdays.map((d) => new Date(`${d.date}T00:00:00Z`).getUTCDay())).toEqual([
			0, 6, 6, 6, 0, 6,
		]);
		expect(new Set(OFFICIAL_2026.days.map((d) => d.date)).size).toBe(OFFICIAL_2026.days.length);
	});

	it('ships no guessed 2027 days: the notice was not found', () => {
		expect(OFFICIAL_2027).toMatchObject({ published: false, days: [] });
	});

	it('decides each kind of day', () => {
		expect(isWorkingDay('2026-09-30', official)).toBe(true); // Wednesday before 国庆
		expect(isWorkingDay('2026-10-01', official)).toBe(false); // 国庆, Thursday
		expect(isWorkingDay('2026-10-07', official)).toBe(false); // 国庆, Wednesday
		expect(isWorkingDay('2026-10-10', official)).toBe(true); // 调休 Saturday
		expect(isWorkingDay('2026-10-11', official)).toBe(false); // ordinary Sunday
		expect(isWorkingDay('2026-09-20', official)).toBe(true); // 调休 Sunday
		expect(isWorkingDay('2026-10-10', weekendsOnly)).toBe(false);
	});
});

describe('addWorkingDays over 国庆 2026', () => {
	// 30 September (Wednesday) is the last working day before the holiday of 1–7 October.
	const created = sh('2026-09-30T10:15:00');

	it('a stage due in 2 working days falls due on Friday 9 October at the same time', () => {
		expect(addWorkingDays(created, 2, TZ, official)).toBe(sh('2026-10-09T10:15:00'));
		// Without the holiday table it would wrongly fall inside 国庆.
		expect(addWorkingDays(created, 2, TZ, weekendsOnly)).toBe(sh('2026-10-02T10:15:00'));
	});

	it('counts the 调休 Saturday 10 October as a working day', () => {
		expect(addWorkingDays(created, 3, TZ, official)).toBe(sh('2026-10-10T10:15:00'));
		// From Friday 9 October, 2 working days: Saturday 10 (调休) and Monday 12; Sunday 11 is off.
		expect(addWorkingDays(sh('2026-10-09T17:00:00'), 2, TZ, official)).toBe(
			sh('2026-10-12T17:00:00'),
		);
		// Friday 18 September + 1: Saturday off, Sunday 20 September is a 调休 working day.
		expect(addWorkingDays(sh('2026-09-18T09:00:00'), 1, TZ, official)).toBe(
			sh('2026-09-20T09:00:00'),
		);
	});

	it('a request raised during the holiday counts from the first working day after it', () => {
		expect(addWorkingDays(sh('2026-10-03T15:00:00'), 1, TZ, official)).toBe(
			sh('2026-10-08T15:00:00'),
		);
	});
});

describe('addWorkingDays on ordinary weeks', () => {
	it('skips the weekend', () => {
		expect(addWorkingDays(sh('2026-11-06T16:00:00'), 1, TZ, official)).toBe(
			sh('2026-11-09T16:00:00'),
		);
		expect(addWorkingDays(sh('2026-11-06T16:00:00'), 5, TZ, official)).toBe(
			sh('2026-11-13T16:00:00'),
		);
		expect(addWorkingDays(sh('2026-11-07T11:00:00'), 2, TZ, official)).toBe(
			sh('2026-11-10T11:00:00'),
		);
	});

	it('returns the start for 0 and refuses fractions, negatives and non-instants', () => {
		expect(addWorkingDays(sh('2026-11-07T11:00:00'), 0, TZ, official)).toBe(
			sh('2026-11-07T11:00:00'),
		);
		expect(() => addWorkingDays(sh('2026-11-07T11:00:00'), 1.5, TZ, official)).toThrow(RangeError);
		expect(() => addWorkingDays(sh('2026-11-07T11:00:00'), -1, TZ, official)).toThrow(RangeError);
		expect(() => addWorkingDays('not a date', 1, TZ, official)).toThrow(/ISO-8601/);
	});

	it('gives up on a calendar with no working day instead of looping', () => {
		const allOff = calendarFrom(
			Array.from({ length: 4000 }, (_, i) => ({
				date: new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
				kind: 'holiday' as const,
				name: '停工',
			})),
		);
		expect(() => addWorkingDays(sh('2026-01-01T09:00:00'), 1, TZ, allOff)).toThrow(
			/no working day/,
		);
	});
});

describe('the zone decides the day, not UTC', () => {
	it('23:30 on Wednesday 30 September in Shanghai is still the working day before 国庆', () => {
		const late = sh('2026-09-30T23:30:00');
		expect(late).toBe('2026-09-30T15:30:00.000Z');
		expect(addWorkingDays(late, 1, TZ, official)).toBe(sh('2026-10-08T23:30:00'));
	});

	it('00:30 on Thursday 8 October in Shanghai is a working day although its UTC date is 7 October', () => {
		const early = sh('2026-10-08T00:30:00');
		expect(early).toBe('2026-10-07T16:30:00.000Z');
		expect(nextWorkingInstant(early, TZ, official)).toBe(early);
		expect(addWorkingDays(early, 1, TZ, official)).toBe(sh('2026-10-09T00:30:00'));
		// In UTC the same instant lies on the holiday 7 October, 16:30.
		expect(nextWorkingInstant(early, 'UTC', official)).toBe('2026-10-08T09:00:00.000Z');
	});

	it('00:30 on Thursday 1 October in Shanghai (still 30 September in UTC) is 国庆', () => {
		const early = sh('2026-10-01T00:30:00');
		expect(early).toBe('2026-09-30T16:30:00.000Z');
		expect(addWorkingDays(early, 2, TZ, official)).toBe(sh('2026-10-09T00:30:00'));
	});
});

describe('nextWorkingInstant: an escalation never fires on 国庆', () => {
	it('moves an instant in the holiday to the start of office hours on 8 October', () => {
		expect(nextWorkingInstant(sh('2026-10-03T14:00:00'), TZ, official)).toBe(
			sh('2026-10-08T09:00:00'),
		);
		expect(nextWorkingInstant(sh('2026-10-07T23:30:00'), TZ, official)).toBe(
			sh('2026-10-08T09:00:00'),
		);
		expect(
			nextWorkingInstant(sh('2026-10-03T14:00:00'), TZ, official, { officeStartHour: 8 }),
		).toBe(sh('2026-10-08T08:00:00'));
	});

	it('moves a weekend day to the next working day, a 调休 weekend day included', () => {
		expect(nextWorkingInstant(sh('2026-09-19T10:00:00'), TZ, official)).toBe(
			sh('2026-09-20T09:00:00'),
		);
		expect(nextWorkingInstant(sh('2026-10-11T10:00:00'), TZ, official)).toBe(
			sh('2026-10-12T09:00:00'),
		);
		expect(nextWorkingInstant(sh('2026-10-07T10:00:00'), TZ, official)).toBe(
			sh('2026-10-08T09:00:00'),
		);
	});

	it('keeps an instant on a working day, at any hour', () => {
		expect(nextWorkingInstant(sh('2026-10-10T22:00:00'), TZ, official)).toBe(
			sh('2026-10-10T22:00:00'),
		);
	});

	it('refuses an office start hour outside 0–23', () => {
		expect(() =>
			nextWorkingInstant(sh('2026-10-03T14:00:00'), TZ, official, { officeStartHour: 24 }),
		).toThrow(RangeError);
	});
});
