import {
	feeDue,
	feeSchedule,
	nextUnpaidFee,
	patentYearOf,
	reducedYear,
	surchargeFor,
	termExpiresOn,
	DEFAULT_PATENT_RULES,
} from '../../../core/registry';

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

// 专利审查指南 (2023) part V ch. 9 §2.2.1.1, and CNIPA's answer on its 2022 年费期限 notice:
// "缴费期限届满日即申请日在该年的相应日" — each later year's fee is due on the filing date's
// anniversary, the first day of that year. The old code (and these tests before #17) used the day before.
describe('annual fees', () => {
	it('is due on the filing anniversary, the grant year on the grant date', () => {
		// Invention filed 2017-07-21: year 5 runs from 2021-07-21, which is also its last day to pay.
		const y5 = feeDue('invention', '2017-07-21', 5, '2019-03-10');
		expect(y5).toMatchObject({
			year: 5,
			startsOn: '2021-07-21',
			dueOn: '2021-07-21',
			graceEndsOn: '2022-01-21',
			amount: 1200,
			fullAmount: 1200,
			reductionRate: 0,
		});
		// Granted in year 2 (2018-07-21 … 2019-07-20): that year's fee is paid on registration.
		expect(feeDue('invention', '2017-07-21', 2, '2019-03-10')).toMatchObject({
			dueOn: '2019-03-10',
			amount: 900,
		});
		expect(feeDue('invention', '2017-07-21', 3, '2019-03-10').dueOn).toBe('2019-07-21');
	});

	it('ends the grace period six months on, at month ends too', () => {
		// 细则 art. 5: a period ending in a month without the corresponding day ends on its last day.
		// Filed 31 August: due 31 August; six months on is 28 February 2022, 29 February 2024.
		expect(feeDue('utility', '2019-08-31', 3, '2020-01-15')).toMatchObject({
			dueOn: '2021-08-31',
			graceEndsOn: '2022-02-28',
		});
		expect(feeDue('utility', '2019-08-31', 5, '2020-01-15')).toMatchObject({
			dueOn: '2023-08-31',
			graceEndsOn: '2024-02-29',
		});
		// Filed 29 February 2020: year 2 begins (and is due) 28 February 2021.
		expect(feeDue('design', '2020-02-29', 2, '2020-06-01')).toMatchObject({
			dueOn: '2021-02-28',
			graceEndsOn: '2021-08-28',
		});
	});

	// 审查指南 part V ch. 9 §2.2.1.3: under a month late, no surcharge; then 5 % of the full fee per
	// month begun, to 25 %; the grace period is six months. Each bracket edge from both sides.
	it('charges nothing in the first month late, then 5% a month up to 25%, on both sides of each edge', () => {
		const fee = feeDue('invention', '2017-07-21', 5, '2019-03-10'); // due 2021-07-21, 1200 yuan
		expect(surchargeFor(fee, '2021-07-21')).toEqual({ rate: 0, amount: 0, monthLate: 0 });
		expect(surchargeFor(fee, '2021-07-22')).toEqual({ rate: 0, amount: 0, monthLate: 1 });
		expect(surchargeFor(fee, '2021-08-21')).toEqual({ rate: 0, amount: 0, monthLate: 1 });
		expect(surchargeFor(fee, '2021-08-22')).toEqual({ rate: 0.05, amount: 60, monthLate: 2 });
		expect(surchargeFor(fee, '2021-09-21')).toEqual({ rate: 0.05, amount: 60, monthLate: 2 });
		expect(surchargeFor(fee, '2021-09-22')).toEqual({ rate: 0.1, amount: 120, monthLate: 3 });
		expect(surchargeFor(fee, '2021-10-21')).toEqual({ rate: 0.1, amount: 120, monthLate: 3 });
		expect(surchargeFor(fee, '2021-10-22')).toEqual({ rate: 0.15, amount: 180, monthLate: 4 });
		expect(surchargeFor(fee, '2021-11-21')).toEqual({ rate: 0.15, amount: 180, monthLate: 4 });
		expect(surchargeFor(fee, '2021-11-22')).toEqual({ rate: 0.2, amount: 240, monthLate: 5 });
		expect(surchargeFor(fee, '2021-12-21')).toEqual({ rate: 0.2, amount: 240, monthLate: 5 });
		expect(surchargeFor(fee, '2021-12-22')).toEqual({ rate: 0.25, amount: 300, monthLate: 6 });
		// The last grace day is accepted; the day after is not.
		expect(surchargeFor(fee, '2022-01-21')).toEqual({ rate: 0.25, amount: 300, monthLate: 6 });
		expect(() => surchargeFor(fee, '2022-01-22')).toThrow(
			/^缴费日期 2022-01-22 已过第 5 年年费的滞纳期（2022-01-21 届满）.* \/ Paid On 2022-01-22 is after the grace period/,
		);
	});

	it('counts months late across a short February', () => {
		const fee = feeDue('utility', '2019-01-31', 5, '2019-10-01'); // due 2023-01-31, 900 yuan
		expect(fee.dueOn).toBe('2023-01-31');
		expect(surchargeFor(fee, '2023-02-28').monthLate).toBe(1);
		expect(surchargeFor(fee, '2023-03-01')).toMatchObject({ monthLate: 2, rate: 0.05, amount: 45 });
		expect(fee.graceEndsOn).toBe('2023-07-31');
	});

	it('lists the schedule with states (and their Chinese labels) and the next unpaid year', () => {
		// Utility filed 2019-09-01, granted 2020-01-15 in year 1. On 2021-10-01: year 2 (due
		// 2020-09-01, grace to 2021-03-01) is lost, year 3 (due 2021-09-01) is in grace, year 4
		// (due 2022-09-01) more than 90 days away.
		const p = { type: 'utility' as const, filingDate: '2019-09-01', grantedOn: '2020-01-15' };
		const schedule = feeSchedule(
			p,
			[{ year: 1, paidOn: '2020-01-15', amount: 600, surcharge: 0 }],
			'2021-10-01',
		);
		expect(schedule).toHaveLength(10);
		expect(schedule.map((e) => e.state).slice(0, 4)).toEqual([
			'paid',
			'unpaid_after_grace',
			'in_grace',
			'upcoming',
		]);
		expect(schedule[2].stateLabel).toBe('宽限期内 In Grace Period');
		expect(nextUnpaidFee(p, [1, 2, 3])).toMatchObject({ year: 4, dueOn: '2022-09-01' });
		expect(nextUnpaidFee(p, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBeNull();
		expect(nextUnpaidFee({ ...p, grantedOn: null }, [])).toBeNull();
	});

	it('takes 已缴至第 N 年 as paid: the next fee is year N + 1', () => {
		// Utility filed 2018-05-16, granted 2018-10-09 (year 1), paid through year 8: year 9 begins
		// and is due 2026-05-16, grace to 2026-11-16; 2000 yuan (band 9–10).
		const p = {
			type: 'utility' as const,
			filingDate: '2018-05-16',
			grantedOn: '2018-10-09',
			paidThroughYear: 8,
		};
		expect(nextUnpaidFee(p, [])).toMatchObject({
			year: 9,
			dueOn: '2026-05-16',
			graceEndsOn: '2026-11-16',
			amount: 2000,
		});
		const schedule = feeSchedule(p, [], '2026-03-01');
		expect(schedule.slice(0, 8).every((e) => e.state === 'paid_per_ledger')).toBe(true);
		// 2026-03-01 is within 90 days of 2026-05-16: due, not lost.
		expect(schedule[8]).toMatchObject({ year: 9, state: 'due' });
	});
});

// 专利收费减缴办法 (财税〔2016〕78号) art. 2: 年费 "自授予专利权当年起六年内"; CNIPA, from
// 2018-08-01 (under 财税〔2018〕37号): "专利年费的减缴期限由自授权当年起6年内，延长至10年内".
// Counted in patent years from the year of grant; the surcharge stays on the full fee (当年全额年费).
describe('费减 fee reduction', () => {
	// Invention filed 2017-07-21, granted 2019-03-10 in patent year 2: ten years are years 2–11.
	const reduction = { rate: 0.85, years: DEFAULT_PATENT_RULES.feeReductionYears };

	it('takes 85 % off inside the ten years from the grant year and nothing after', () => {
		expect(DEFAULT_PATENT_RULES.feeReductionYears).toBe(10);
		expect(
			feeDue('invention', '2017-07-21', 2, '2019-03-10', DEFAULT_PATENT_RULES, reduction),
		).toMatchObject({ fullAmount: 900, amount: 135, reductionRate: 0.85 });
		expect(
			feeDue('invention', '2017-07-21', 5, '2019-03-10', DEFAULT_PATENT_RULES, reduction),
		).toMatchObject({ fullAmount: 1200, amount: 180 });
		// Year 11 is the tenth year counted from year 2: 4000 × 15 % = 600.
		expect(
			feeDue('invention', '2017-07-21', 11, '2019-03-10', DEFAULT_PATENT_RULES, reduction),
		).toMatchObject({ fullAmount: 4000, amount: 600, reductionRate: 0.85 });
		// Year 12 is past the period: the full 4000.
		expect(
			feeDue('invention', '2017-07-21', 12, '2019-03-10', DEFAULT_PATENT_RULES, reduction),
		).toMatchObject({ fullAmount: 4000, amount: 4000, reductionRate: 0 });
		// Year 1 was before grant: nothing to reduce, and it is not owed anyway.
		expect(reducedYear('2017-07-21', '2019-03-10', 1, reduction)).toBe(false);
	});

	it('keeps the six years of the 2016 rule when a patent states them', () => {
		const six = { rate: 0.85, years: 6 }; // years 2–7
		expect(
			feeDue('invention', '2017-07-21', 7, '2019-03-10', DEFAULT_PATENT_RULES, six).amount,
		).toBe(300);
		expect(
			feeDue('invention', '2017-07-21', 8, '2019-03-10', DEFAULT_PATENT_RULES, six).amount,
		).toBe(2000);
	});

	it('charges the surcharge on the full fee, not the reduced one', () => {
		// Year 11 due 2027-07-21; paid 2027-08-22 is in month 2: 5 % of 4000 = 200 (not 5 % of 600).
		const fee = feeDue(
			'invention',
			'2017-07-21',
			11,
			'2019-03-10',
			DEFAULT_PATENT_RULES,
			reduction,
		);
		expect(fee.dueOn).toBe('2027-07-21');
		expect(surchargeFor(fee, '2027-08-22')).toEqual({ rate: 0.05, amount: 200, monthLate: 2 });
	});
});

// 专利法 (2020 修正, in force 2021-06-01) art. 42 ¶2–3: term compensation for invention patents.
describe('term compensation', () => {
	it("adds the granted days to an invention's expiry", () => {
		// 2037-07-20 + 100 days: 11 left in July, 31 in August, 30 in September, 28 in October.
		expect(termExpiresOn('invention', '2017-07-21', DEFAULT_PATENT_RULES, 100)).toBe('2037-10-28');
		expect(termExpiresOn('pct_invention', '2019-06-10', DEFAULT_PATENT_RULES, 0)).toBe(
			'2039-06-09',
		);
	});
});
