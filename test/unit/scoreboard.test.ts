import { elapsedFraction, evaluate, periodContaining, periodFor } from '../../core/scoreboard';

describe('scoreboard periods', () => {
	it('spans a calendar year or a school year from September (or another month)', () => {
		expect(periodFor('calendar', 2026)).toMatchObject({
			start: '2026-01-01',
			end: '2026-12-31',
			year: 2026,
		});
		expect(periodFor('school', 2025)).toMatchObject({
			start: '2025-09-01',
			end: '2026-08-31',
			year: 2025,
		});
		expect(periodFor('school', 2023, 3)).toMatchObject({ start: '2023-03-01', end: '2024-02-29' });
		expect(periodContaining('school', '2026-08-31').year).toBe(2025);
		expect(periodContaining('school', '2026-09-01').year).toBe(2026);
		expect(() => periodFor('school', 2026, 13)).toThrow(/Start month/);
	});

	it('pro-rates by whole days elapsed, the as-of day included, clamped to the period', () => {
		const year = periodFor('calendar', 2026);
		expect(elapsedFraction(year, '2026-01-01')).toBeCloseTo(1 / 365, 10);
		expect(elapsedFraction(year, '2026-07-01')).toBeCloseTo(182 / 365, 10);
		expect(elapsedFraction(year, '2026-12-31')).toBe(1);
		expect(elapsedFraction(year, '2027-03-01')).toBe(1);
		expect(elapsedFraction(year, '2025-12-31')).toBe(0);
		// 2024–25 school year: 1 Sep 2024 to 28 Feb 2025 is 181 days, of 365.
		expect(elapsedFraction(periodFor('school', 2024), '2025-02-28')).toBeCloseTo(181 / 365, 10);
	});
});

describe('scoreboard status', () => {
	it('calls a count met at its target, on track while it keeps pace, behind otherwise', () => {
		expect(evaluate('count', 6, 6, 0.3)).toEqual({
			percentage: 100,
			expectedByNow: 1.8,
			status: 'met',
		});
		expect(evaluate('count', 3, 6, 182 / 365)).toEqual({
			percentage: 50,
			expectedByNow: 3,
			status: 'on_track',
		});
		expect(evaluate('count', 2, 6, 182 / 365)).toEqual({
			percentage: 33.3,
			expectedByNow: 3,
			status: 'behind',
		});
		expect(evaluate('count', 0, 8, 1 / 365)).toMatchObject({ status: 'behind' });
		expect(evaluate('count', 0, 8, 0)).toMatchObject({ status: 'on_track' });
	});

	it('does not pro-rate a rate, and reports missing data as such', () => {
		expect(evaluate('rate', 96.2, 95, 0.1)).toEqual({
			percentage: 101.3,
			expectedByNow: null,
			status: 'met',
		});
		expect(evaluate('rate', 50, 75, 0.01)).toEqual({
			percentage: 66.7,
			expectedByNow: null,
			status: 'behind',
		});
		expect(evaluate('count', null, 3000, 0.5)).toEqual({
			percentage: null,
			expectedByNow: 1500,
			status: 'no_data',
		});
		expect(evaluate('count', 1, 0, 0.5)).toEqual({
			percentage: null,
			expectedByNow: 0,
			status: 'met',
		});
	});
});
