import { assertTransition, complianceRules, creditedDates, mondayOf, periodEnd, PLACEMENT_TRANSITIONS, windowStart } from '../../../core/exchange';
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
		expect(creditedDates({ week_start: '2026-03-02', days_on_site: 3, on_site_dates: null }, '2026-03-04', '2026-03-31')).toEqual(['2026-03-04', '2026-03-05', '2026-03-06']);
		expect(creditedDates({ week_start: '2024-02-26', days_on_site: 2, on_site_dates: '["2024-02-29","2024-03-01"]' }, '2024-02-01', '2024-03-31')).toEqual(['2024-02-29', '2024-03-01']);
	});

	it('the placement state machine allows only its own steps', () => {
		expect(() => assertTransition(PLACEMENT_TRANSITIONS, 'P', 'planned', 'approved')).not.toThrow();
		expect(() => assertTransition(PLACEMENT_TRANSITIONS, 'P', 'report_submitted', 'cancelled')).toThrow(/allowed: assessed/);
		expect(() => assertTransition(PLACEMENT_TRANSITIONS, 'P', 'closed', 'in_progress')).toThrow(/allowed: none/);
		expect(() => assertTransition(PLACEMENT_TRANSITIONS, 'P', 'planned', 'flying')).toThrow(/Unknown status/);
	});

	it('rules: defaults, overrides and refused typos', () => {
		expect(complianceRules()).toMatchObject({ daysPerMonth: 30, windowMonths: 6, generalFactor: 0.5, dualQualifiedTarget: 0.75 });
		expect(complianceRules({ daysPerMonth: '22', annualCategories: 'professional, general' })).toMatchObject({ daysPerMonth: 22, annualCategories: ['professional', 'general'] });
		expect(() => complianceRules({ daysPermonth: 22 })).toThrow(expect.objectContaining({ field: 'rules.daysPermonth' }));
		expect(() => complianceRules({ dualQualifiedTarget: 75 })).toThrow(expect.objectContaining({ field: 'rules.dualQualifiedTarget' }));
	});

	it('qualification: years in industry and a listed title or skill level', () => {
		const rules = DEFAULT_QUALIFICATION_RULES;
		expect(checkQualification({ title: null, skillLevel: '技师', yearsInIndustry: 3 }, rules).qualified).toBe(true);
		expect(checkQualification({ title: '高级工程师', skillLevel: null, yearsInIndustry: 2.5 }, rules).qualified).toBe(false);
		expect(checkQualification({ title: '高级工程师', skillLevel: null, yearsInIndustry: null }, rules).checks[0]).toMatchObject({ rule: 'yearsInIndustry', passed: false });
		expect(checkQualification({ title: '助理工程师', skillLevel: '中级工', yearsInIndustry: 10 }, rules).qualified).toBe(false);
		expect(checkQualification({ title: '助理工程师', skillLevel: null, yearsInIndustry: 10 }, qualificationRules({ titles: '助理工程师' })).qualified).toBe(true);
	});
});
