import { feeDue, feeSchedule, nextUnpaidFee, patentYearOf, surchargeFor, termExpiresOn, DEFAULT_PATENT_RULES } from '../../../core/registry';

describe('patent terms', () => {
	it('counts 20, 10 and 15/10 years from the filing date, with the 2021 design change', () => {
		expect(termExpiresOn('invention', '2017-07-21')).toBe('2037-07-20');
		expect(termExpiresOn('utility', '2019-01-01')).toBe('2028-12-31');
		expect(termExpiresOn('design', '2021-05-31')).toBe('2031-05-30');
		expect(termExpiresOn('design', '2021-06-01')).toBe('2036-05-31');
		expect(termExpiresOn('pct_invention', '2020-03-01')).toBe('2040-02-29');
	});

	it('handles 29 February filings: anniversaries fall on 28 February in common years', () => {
		expect(termExpiresOn('invention', '2020-02-29')).toBe('2040-02-28');
		expect(termExpiresOn('utility', '2020-02-29')).toBe('2030-02-27');
		expect(patentYearOf('2020-02-29', '2021-02-27')).toBe(1);
		expect(patentYearOf('2020-02-29', '2021-02-28')).toBe(2);
		expect(patentYearOf('2020-02-29', '2024-02-29')).toBe(5);
	});
});

describe('annual fees', () => {
	it('is due the day before the patent year begins, the grant year on the grant date', () => {
		const y5 = feeDue('invention', '2017-07-21', 5, '2019-03-10');
		expect(y5).toMatchObject({ year: 5, startsOn: '2021-07-21', dueOn: '2021-07-20', graceEndsOn: '2022-01-20', amount: 1200 });
		// Granted in year 2 (2018-07-21 … 2019-07-20): that year's fee is paid on registration.
		expect(feeDue('invention', '2017-07-21', 2, '2019-03-10')).toMatchObject({ dueOn: '2019-03-10', amount: 900 });
		expect(feeDue('invention', '2017-07-21', 3, '2019-03-10').dueOn).toBe('2019-07-20');
	});

	it('ends the grace period six months on, at month ends too', () => {
		// Filed 1 September: each year's fee is due 31 August; six months on is 28 or 29 February.
		expect(feeDue('utility', '2019-09-01', 3, '2020-01-15')).toMatchObject({ dueOn: '2021-08-31', graceEndsOn: '2022-02-28' });
		expect(feeDue('utility', '2019-09-01', 5, '2020-01-15')).toMatchObject({ dueOn: '2023-08-31', graceEndsOn: '2024-02-29' });
		// Filed 1 March 2020: year 2 is due 28 February 2021.
		expect(feeDue('design', '2020-03-01', 2, '2020-06-01')).toMatchObject({ dueOn: '2021-02-28', graceEndsOn: '2021-08-28' });
	});

	it('charges nothing in the first month late, then 5% a month up to 25%, and refuses after grace', () => {
		const fee = feeDue('invention', '2017-07-21', 5, '2019-03-10'); // due 2021-07-20, 1200
		expect(surchargeFor(fee, '2021-07-20')).toEqual({ rate: 0, amount: 0, monthLate: 0 });
		expect(surchargeFor(fee, '2021-08-20')).toEqual({ rate: 0, amount: 0, monthLate: 1 });
		expect(surchargeFor(fee, '2021-08-21')).toEqual({ rate: 0.05, amount: 60, monthLate: 2 });
		expect(surchargeFor(fee, '2021-10-21')).toEqual({ rate: 0.15, amount: 180, monthLate: 4 });
		expect(surchargeFor(fee, '2022-01-20')).toEqual({ rate: 0.25, amount: 300, monthLate: 6 });
		expect(() => surchargeFor(fee, '2022-01-21')).toThrow(/after the grace period/);
	});

	it('counts months late across a leap-day month end', () => {
		const fee = feeDue('utility', '2019-02-01', 5, '2019-10-01'); // due 2023-01-31, 900
		expect(fee.dueOn).toBe('2023-01-31');
		expect(surchargeFor(fee, '2023-02-28').monthLate).toBe(1);
		expect(surchargeFor(fee, '2023-03-01')).toMatchObject({ monthLate: 2, rate: 0.05, amount: 45 });
		expect(fee.graceEndsOn).toBe('2023-07-31');
	});

	it('lists the schedule with states and the next unpaid year', () => {
		const p = { type: 'utility' as const, filingDate: '2019-09-01', grantedOn: '2020-01-15' };
		const schedule = feeSchedule(p, [{ year: 1, paidOn: '2020-01-15', amount: 600, surcharge: 0 }], '2021-10-01');
		expect(schedule).toHaveLength(10);
		expect(schedule.map((e) => e.state).slice(0, 4)).toEqual(['paid', 'unpaid_after_grace', 'in_grace', 'upcoming']);
		expect(nextUnpaidFee(p, [1, 2, 3])).toMatchObject({ year: 4, dueOn: '2022-08-31' });
		expect(nextUnpaidFee(p, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBeNull();
		expect(nextUnpaidFee({ ...p, grantedOn: null }, [])).toBeNull();
	});

	it('takes the rules as data', () => {
		const reduced = { ...DEFAULT_PATENT_RULES, feeFactor: 0.15 };
		expect(feeDue('invention', '2017-07-21', 5, '2019-03-10', reduced).amount).toBe(180);
	});
});
