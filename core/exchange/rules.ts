import { ValidationError } from '../util/errors';
import { optionalDate, optionalNumber, textList } from '../util/validate';

/**
 * Every threshold the compliance reports and qualification checks use. The defaults are the
 * national rules in DOMAIN.md; a consortium overrides any of them per report.
 *
 * What "a month" means: `daysPerMonth` practice days (default 30). Six months is therefore
 * 180 practice days and one month 30, counted as distinct calendar days on site — a day
 * logged under two overlapping placements is one day.
 */
export interface ComplianceRules {
	daysPerMonth: number;
	/** The rolling window, in years, ending on the report date. */
	windowYears: number;
	/** 专业课 teachers: months of practice in every window. */
	windowMonths: number;
	/** 公共课 teachers practise this fraction of the 专业课 requirement. */
	generalFactor: number;
	/** Months of practice in each calendar year (2019 national policy). */
	annualMonths: number;
	/** Course categories the annual rule applies to. */
	annualCategories: string[];
	/** Teachers who joined within this many months count as new. */
	newTeacherMonths: number;
	/** Target share of 专业课 teachers recognised as 双师型. */
	dualQualifiedTarget: number;
	/** Minimum teaching hours per technician per term (default one 学分 = 16 学时). */
	technicianMinHours: number;
	/** Where five-year periods are counted from when a teacher's joining date is unknown (规定 in force). */
	cycleAnchor: string;
	/** Placement statuses whose confirmed logs count as practice. */
	countedStatuses: string[];
}

export const DEFAULT_RULES: ComplianceRules = {
	daysPerMonth: 30,
	windowYears: 5,
	windowMonths: 6,
	generalFactor: 0.5,
	annualMonths: 1,
	annualCategories: ['professional'],
	newTeacherMonths: 12,
	dualQualifiedTarget: 0.75,
	technicianMinHours: 16,
	cycleAnchor: '2016-05-11',
	countedStatuses: ['in_progress', 'report_submitted', 'assessed', 'closed'],
};

export interface QualificationRules {
	minYearsInIndustry: number;
	/** Titles (职称) that qualify; an exact match after trimming. */
	titles: string[];
	/** Skill levels (职业技能等级) that qualify. */
	skillLevels: string[];
}

/** 兼职教师: three years in industry and a mid-level title or 高级工 and above. */
export const DEFAULT_QUALIFICATION_RULES: QualificationRules = {
	minYearsInIndustry: 3,
	titles: ['工程师', '高级工程师', '正高级工程师', '经济师', '高级经济师', '会计师', '高级会计师', '讲师', '副教授', '教授'],
	skillLevels: ['高级工', '技师', '高级技师', '特级技师', '首席技师'],
};

function overrideNumbers<T extends object>(base: T, given: Record<string, unknown>, ranges: Record<string, { min: number; max?: number }>): T {
	const out: any = { ...base };
	for (const [key, range] of Object.entries(ranges)) {
		const n = optionalNumber(given[key], `rules.${key}`, key, range);
		if (n !== null) out[key] = n;
	}
	return out;
}

/** Reads overrides (from a node's options or JSON); unknown keys are refused so typos do not pass silently. */
export function complianceRules(given: Record<string, unknown> = {}): ComplianceRules {
	for (const key of Object.keys(given)) {
		if (!(key in DEFAULT_RULES)) throw new ValidationError(`Unknown rule "${key}" / 未知规则`, `rules.${key}`);
	}
	const rules = overrideNumbers(DEFAULT_RULES, given, {
		daysPerMonth: { min: 1, max: 31 },
		windowYears: { min: 1, max: 20 },
		windowMonths: { min: 0 },
		generalFactor: { min: 0, max: 1 },
		annualMonths: { min: 0, max: 12 },
		newTeacherMonths: { min: 0 },
		dualQualifiedTarget: { min: 0, max: 1 },
		technicianMinHours: { min: 0 },
	});
	if (given.annualCategories !== undefined && given.annualCategories !== '') rules.annualCategories = textList(given.annualCategories, 'rules.annualCategories', 'annualCategories');
	if (given.countedStatuses !== undefined && given.countedStatuses !== '') rules.countedStatuses = textList(given.countedStatuses, 'rules.countedStatuses', 'countedStatuses');
	// Periods are counted from the anchor by date arithmetic: junk there would never reach the report date.
	rules.cycleAnchor = optionalDate(given.cycleAnchor, 'rules.cycleAnchor', 'cycleAnchor') ?? rules.cycleAnchor;
	return rules;
}

export function qualificationRules(given: Record<string, unknown> = {}): QualificationRules {
	const rules = overrideNumbers(DEFAULT_QUALIFICATION_RULES, given, { minYearsInIndustry: { min: 0 } });
	if (given.titles !== undefined && given.titles !== '') rules.titles = textList(given.titles, 'rules.titles', 'titles');
	if (given.skillLevels !== undefined && given.skillLevels !== '') rules.skillLevels = textList(given.skillLevels, 'rules.skillLevels', 'skillLevels');
	return rules;
}
