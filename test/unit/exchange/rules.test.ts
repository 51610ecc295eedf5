import {
	assertTransition,
	calendarCreditedDays,
	complianceRules,
	creditedDates,
	dateOfDay,
	fiveYearWindow,
	mondayOf,
	monthsEnd,
	monthsWithin,
	periodContaining,
	periodEnd,
	PLACEMENT_TRANSITIONS,
	RULE_FIELDS,
	windowStart,
} from '../../../core/exchange';
import { dayNumber } from '../../../core/exchange/days';
import { checkQualification } from '../../../core/exchange/engagement';
import { DEFAULT_QUALIFICATION_RULES, qualificationRules } from '../../../core/exchange/rules';

describe('exchange calendar rules', () => {
	it('rolling windows start the day after the same date N years back; 29 February falls to 1 March', () => {
		expect(windowStart('2026-12-01', 5)).toBe('2021-12-02');
		expect(windowStart('2028-02-29', 5)).toBe('2023-03-01');
		expect(windowStart('2029-03-01', 5)).toBe('2024-03-02');
		expect(windowStart('2025-02-28', 1)).toBe('2024-02-29');
	});

	it('periods end the day before their anniversary, or on 28 February when the anniversary is 29 February', () => {
		expect(periodEnd('2010-09-01', '2026-12-01', 5)).toBe('2030-08-31');
		expect(periodEnd('2010-09-01', '2025-08-31', 5)).toBe('2025-08-31');
		expect(periodEnd('2010-09-01', '2025-09-01', 5)).toBe('2030-08-31');
		expect(periodEnd('2020-02-29', '2025-02-28', 5)).toBe('2025-02-28');
		expect(periodEnd('2020-02-29', '2025-03-01', 5)).toBe('2030-02-28');
		expect(periodEnd('2020-02-29', '2040-02-01', 5)).toBe('2040-02-28');
	});

	it('a log credits its explicit dates, or the first N days of its week inside the placement', () => {
		expect(mondayOf('2026-03-08')).toBe('2026-03-02');
		expect(mondayOf('2026-03-02')).toBe('2026-03-02');
		expect(
			creditedDates(
				{ week_start: '2026-03-02', days_on_site: 3, on_site_dates: null },
				'2026-03-04',
				'2026-03-31',
			),
		).toEqual(['2026-03-04', '2026-03-05', '2026-03-06']);
		expect(
			creditedDates(
				{ week_start: '2024-02-26', days_on_site: 2, on_site_dates: '["2024-02-29","2024-03-01"]' },
				'2024-02-01',
				'2024-03-31',
			),
		).toEqual(['2024-02-29', '2024-03-01']);
	});

	it('the placement state machine allows only its own steps', () => {
		expect(() => assertTransition(PLACEMENT_TRANSITIONS, 'P', 'planned', 'approved')).not.toThrow();
		expect(() =>
			assertTransition(
				PLACEMENT_TRANSITIONS,
				'教师企业实践 Placement',
				'report_submitted',
				'cancelled',
			),
		).toThrow(
			/^教师企业实践状态不能从「已交报告」变为「已取消」，可变为：已考核 \/ Placement cannot move from report_submitted to cancelled; allowed: assessed$/,
		);
		expect(() => assertTransition(PLACEMENT_TRANSITIONS, 'P', 'closed', 'in_progress')).toThrow(
			/allowed: none/,
		);
		expect(() => assertTransition(PLACEMENT_TRANSITIONS, 'P', 'planned', 'flying')).toThrow(
			/^未知状态 "flying" \/ Unknown status/,
		);
	});

	it('rules: defaults, overrides and refused typos', () => {
		expect(complianceRules()).toMatchObject({
			countingRule: 'calendarMonths',
			windowModel: 'cycle',
			daysPerMonth: 30,
			windowMonths: 6,
			generalFactor: 0.5,
			dualQualifiedTarget: 0.75,
		});
		expect(complianceRules({ countingRule: 'loggedDays' }).countingRule).toBe('loggedDays');
		expect(() => complianceRules({ countingRule: 'weeks' })).toThrow(
			expect.objectContaining({
				field: 'rules.countingRule',
				message: expect.stringMatching(/^计算方式/),
			}),
		);
		expect(
			complianceRules({ daysPerMonth: '22', annualCategories: 'professional, general' }),
		).toMatchObject({ daysPerMonth: 22, annualCategories: ['professional', 'general'] });
		expect(() => complianceRules({ daysPermonth: 22 })).toThrow(
			expect.objectContaining({ field: 'rules.daysPermonth' }),
		);
		expect(() => complianceRules({ dualQualifiedTarget: 75 })).toThrow(
			expect.objectContaining({ field: 'rules.dualQualifiedTarget' }),
		);
	});

	it('qualification: years in industry and a listed title or skill level', () => {
		const rules = DEFAULT_QUALIFICATION_RULES;
		expect(
			checkQualification({ title: null, skillLevel: '技师', yearsInIndustry: 3 }, rules).qualified,
		).toBe(true);
		expect(
			checkQualification({ title: '高级工程师', skillLevel: null, yearsInIndustry: 2.5 }, rules)
				.qualified,
		).toBe(false);
		expect(
			checkQualification({ title: '高级工程师', skillLevel: null, yearsInIndustry: null }, rules)
				.checks[0],
		).toMatchObject({ rule: 'yearsInIndustry', passed: false });
		expect(
			checkQualification({ title: '助理工程师', skillLevel: '中级工', yearsInIndustry: 10 }, rules)
				.qualified,
		).toBe(false);
		expect(
			checkQualification(
				{ title: '助理工程师', skillLevel: null, yearsInIndustry: 10 },
				qualificationRules({ titles: '助理工程师' }),
			).qualified,
		).toBe(true);
	});

	it('a default is labelled 国家规定 only where a national text sets it', () => {
		const basis = Object.fromEntries(RULE_FIELDS.map((f) => [f.name, f.basis]));
		// 教师〔2016〕3号 第四条: 每5年 … 累计不少于6个月; 国发〔2019〕4号: 每年至少1个月.
		expect(basis).toMatchObject({
			windowYears: '国家规定',
			windowMonths: '国家规定',
			annualMonths: '国家规定',
		});
		// 第四条 asks 公共基础课教师 only to practise "定期"; 国发〔2019〕4号 sets 双师型 at "超过一半".
		expect(basis).toMatchObject({
			generalFactor: '本联合体设置',
			dualQualifiedTarget: '本联合体设置',
			newTeacherMonths: '本联合体设置',
		});
		expect(RULE_FIELDS.map((f) => f.name).sort()).toEqual(Object.keys(complianceRules()).sort());
	});
});

describe('practice in calendar months (民法典 第二百零二条 for the month ends)', () => {
	it('months end the day before the same date, or on the last day of a shorter month', () => {
		expect(monthsEnd('2026-03-02', 6)).toBe('2026-09-01');
		expect(monthsEnd('2026-01-01', 6)).toBe('2026-06-30');
		expect(monthsEnd('2026-01-31', 1)).toBe('2026-02-28');
	});

	it('a full-time week counts whole, weekend included; a part-time week only its days on site', () => {
		const days = (log: { week_start: string; days_on_site: number }, start: string, end: string) =>
			calendarCreditedDays({ ...log, on_site_dates: null }, start, end, 5).map(dateOfDay);
		expect(days({ week_start: '2026-03-02', days_on_site: 5 }, '2026-03-01', '2026-03-31')).toEqual(
			[
				'2026-03-02',
				'2026-03-03',
				'2026-03-04',
				'2026-03-05',
				'2026-03-06',
				'2026-03-07',
				'2026-03-08',
			],
		);
		// A placement starting on Thursday: two working days inside the week make it full-time.
		expect(days({ week_start: '2025-12-29', days_on_site: 2 }, '2026-01-01', '2026-06-30')).toEqual(
			['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04'],
		);
		expect(days({ week_start: '2026-03-02', days_on_site: 3 }, '2026-03-01', '2026-03-31')).toEqual(
			['2026-03-02', '2026-03-03', '2026-03-04'],
		);
	});

	it('each unbroken run counts its whole months and the rest over 30 days', () => {
		const span = (from: string, to: string) =>
			Array.from({ length: dayNumber(to) - dayNumber(from) + 1 }, (_, i) => dayNumber(from) + i);
		expect(monthsWithin(span('2026-01-01', '2026-06-30'), '2021-01-01', '2026-12-31', 30)).toBe(6);
		// Two runs of three months: 03-02 … 06-01 and 09-01 … 11-30.
		expect(
			monthsWithin(
				[...span('2026-03-02', '2026-06-01'), ...span('2026-09-01', '2026-11-30')],
				'2026-01-01',
				'2026-12-31',
				30,
			),
		).toBe(6);
		// Clipped to the window: 2026-05-01 … 06-30 is two months.
		expect(monthsWithin(span('2026-01-01', '2026-06-30'), '2026-05-01', '2026-12-31', 30)).toBe(2);
		expect(monthsWithin(span('2026-03-01', '2026-03-15'), '2026-01-01', '2026-12-31', 30)).toBe(
			0.5,
		);
	});

	it('the five-year window: the cycle containing the report date, or five years ending on the deadline', () => {
		expect(periodContaining('2015-09-01', '2026-12-01', 5)).toEqual({
			start: '2025-09-01',
			end: '2030-08-31',
		});
		expect(periodContaining('2020-02-29', '2026-12-01', 5)).toEqual({
			start: '2025-03-01',
			end: '2030-02-28',
		});
		expect(
			fiveYearWindow('2015-09-01', '2026-12-01', { windowModel: 'rolling', windowYears: 5 }),
		).toEqual({ start: '2021-12-02', end: '2026-12-01' });
		expect(
			fiveYearWindow('2026-02-01', '2026-12-01', { windowModel: 'rolling', windowYears: 5 }),
		).toEqual({ start: '2026-02-01', end: '2031-01-31' });
	});
});
