import { ValidationError } from '../util/errors';
import { oneOf, optionalDate, optionalNumber, textList } from '../util/validate';

/*
 * Where each default comes from. Only what a national text says is labelled 国家规定:
 *
 * - 《职业学校教师企业实践规定》(教师〔2016〕3号, 2016-05-11) 第四条: "职业学校专业课教师（含实习
 *   指导教师）要根据专业特点每5年必须累计不少于6个月到企业或生产服务一线实践，没有企业工作经历
 *   的新任教师应先实践再上岗。公共基础课教师也应定期到企业进行考察、调研和学习。"
 *   (text as published, e.g. https://newton.com.tw/wiki/職業學校教師企業實踐規定). It counts months
 *   of practice in five years; it sets no quantity for 公共基础课 teachers ("定期") and no time
 *   limit for new teachers ("先实践再上岗").
 * - 《国家职业教育改革实施方案》(国发〔2019〕4号): "职业院校、应用型本科高校教师每年至少1个月在企业
 *   或实训基地实训", repeated for 专业课教师 in 《深化新时代职业教育"双师型"教师队伍建设改革实施方案》
 *   (教师〔2019〕6号), which also sets a five-year cycle (5年一周期) for training.
 * - The 双师型 line in 国发〔2019〕4号 is "超过一半" of 专业课 teachers; 75 % is this consortium's target.
 */

/** How practice is counted. */
export const COUNTING_RULES = ['calendarMonths', 'loggedDays'] as const;
export type CountingRule = (typeof COUNTING_RULES)[number];
export const COUNTING_RULE_LABELS: Record<CountingRule, string> = {
	calendarMonths: '按自然月（全职实践）Calendar Months of Full-Time Practice',
	loggedDays: '按在岗登记天数 Logged On-Site Days',
};

/** Which five years the report measures, and so which make-up date it gives. */
export const WINDOW_MODELS = ['cycle', 'rolling'] as const;
export type WindowModel = (typeof WINDOW_MODELS)[number];
export const WINDOW_MODEL_LABELS: Record<WindowModel, string> = {
	cycle: '五年周期（自入职起）Five-Year Cycle From Joining',
	rolling: '滚动五年 Rolling Five Years',
};

/**
 * Every threshold the compliance reports and qualification checks use; a consortium
 * overrides any of them per report.
 */
export interface ComplianceRules {
	/** calendarMonths: full-time weeks count as calendar time (the 2016 rule counts months); loggedDays: only days logged on site. */
	countingRule: CountingRule;
	/** cycle: the five-year period from joining that contains the report date; rolling: the five years ending on the deadline. */
	windowModel: WindowModel;
	/** A week is full-time when the teacher is on site every working day of it inside the placement, up to this many. */
	fullTimeDaysPerWeek: number;
	/** loggedDays: days that make a month; calendarMonths: the days a part month counts as one (remainders only). */
	daysPerMonth: number;
	/** The window, in years. */
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
	countingRule: 'calendarMonths',
	windowModel: 'cycle',
	fullTimeDaysPerWeek: 5,
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

export type RuleBasis = '国家规定' | '本联合体设置';

/** One rule as a clerk sees it: its label, where the default comes from, and how it is entered. */
export interface RuleField {
	name: keyof ComplianceRules;
	label: string;
	basis: RuleBasis;
	/** Why the default is what it is, shown beside the field. */
	note: string;
	kind: 'number' | 'text' | 'list' | 'choice';
	range?: { min: number; max?: number };
	choices?: ReadonlyArray<{ value: string; label: string }>;
}

const choices = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
	values.map((value) => ({ value, label: labels[value] }));

/** The editable rules in the order the node shows them; the node's fields are built from this list. */
export const RULE_FIELDS: RuleField[] = [
	{
		name: 'windowYears',
		label: '统计年限 Window Years',
		basis: '国家规定',
		note: '教师〔2016〕3号 第四条：每5年',
		kind: 'number',
		range: { min: 1, max: 20 },
	},
	{
		name: 'windowMonths',
		label: '周期内要求月数 Months per Window',
		basis: '国家规定',
		note: '教师〔2016〕3号 第四条：累计不少于6个月（专业课教师）',
		kind: 'number',
		range: { min: 0 },
	},
	{
		name: 'countingRule',
		label: '计算方式 Counting Rule',
		basis: '国家规定',
		note: '规定按月计：默认按全职实践的自然月；学校可改为按在岗登记天数',
		kind: 'choice',
		choices: choices(COUNTING_RULES, COUNTING_RULE_LABELS),
	},
	{
		name: 'annualMonths',
		label: '每年要求月数 Months per Year',
		basis: '国家规定',
		note: '国发〔2019〕4号：每年至少1个月在企业或实训基地实训',
		kind: 'number',
		range: { min: 0, max: 12 },
	},
	{
		name: 'windowModel',
		label: '统计周期 Window Model',
		basis: '本联合体设置',
		note: '默认按入职起算的五年周期，补足期限为周期末日',
		kind: 'choice',
		choices: choices(WINDOW_MODELS, WINDOW_MODEL_LABELS),
	},
	{
		name: 'fullTimeDaysPerWeek',
		label: '全职每周天数 Full-Time Days per Week',
		basis: '本联合体设置',
		note: '每周在岗达到该天数（或该周实践期内全部工作日）即按全周计',
		kind: 'number',
		range: { min: 1, max: 7 },
	},
	{
		name: 'daysPerMonth',
		label: '每月天数 Days per Month',
		basis: '本联合体设置',
		note: '按登记天数时一个月的天数；按自然月时不足整月部分的折算',
		kind: 'number',
		range: { min: 1, max: 31 },
	},
	{
		name: 'generalFactor',
		label: '公共课系数 General-Course Factor',
		basis: '本联合体设置',
		note: '规定对公共基础课教师只要求"定期"实践，未定数量；默认减半为本联合体设置',
		kind: 'number',
		range: { min: 0, max: 1 },
	},
	{
		name: 'annualCategories',
		label: '年度要求适用类别 Annual Rule Applies To',
		basis: '本联合体设置',
		note: '默认仅专业课教师 professional；可加 general',
		kind: 'list',
	},
	{
		name: 'newTeacherMonths',
		label: '新教师月数 New-Teacher Months',
		basis: '本联合体设置',
		note: '规定要求新任教师"先实践再上岗"，未定期限',
		kind: 'number',
		range: { min: 0 },
	},
	{
		name: 'dualQualifiedTarget',
		label: '双师型目标 Dual-Qualified Target',
		basis: '本联合体设置',
		note: '国发〔2019〕4号为超过一半；默认75%为本联合体目标',
		kind: 'number',
		range: { min: 0, max: 1 },
	},
	{
		name: 'technicianMinHours',
		label: '技师最少课时 Technician Min Hours',
		basis: '本联合体设置',
		note: '默认一个学分16学时',
		kind: 'number',
		range: { min: 0 },
	},
	{
		name: 'cycleAnchor',
		label: '周期起算日 Cycle Anchor',
		basis: '本联合体设置',
		note: '入职日期未知时五年周期的起算日；默认为规定印发日2016-05-11',
		kind: 'text',
	},
	{
		name: 'countedStatuses',
		label: '计入的实践状态 Counted Statuses',
		basis: '本联合体设置',
		note: '默认进行中、已交报告、已考核、已结束',
		kind: 'list',
	},
];

/** `本联合体设置 Consortium setting` or `国家规定 National rule`, as printed beside a rule. */
export const RULE_BASIS_LABELS: Record<RuleBasis, string> = {
	国家规定: '国家规定 National Rule',
	本联合体设置: '本联合体设置 Consortium Setting',
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
	titles: [
		'工程师',
		'高级工程师',
		'正高级工程师',
		'经济师',
		'高级经济师',
		'会计师',
		'高级会计师',
		'讲师',
		'副教授',
		'教授',
	],
	skillLevels: ['高级工', '技师', '高级技师', '特级技师', '首席技师'],
};

function overrideNumbers<T extends object>(
	base: T,
	given: Record<string, unknown>,
	ranges: Record<string, { min: number; max?: number }>,
): T {
	const out: any = { ...base };
	for (const [key, range] of Object.entries(ranges)) {
		const n = optionalNumber(given[key], `rules.${key}`, key, range);
		if (n !== null) out[key] = n;
	}
	return out;
}

const given = (value: unknown) => value !== undefined && value !== null && value !== '';

/** Reads overrides (from a node's options or JSON); unknown keys are refused so typos do not pass silently. */
export function complianceRules(overrides: Record<string, unknown> = {}): ComplianceRules {
	for (const key of Object.keys(overrides)) {
		if (!(key in DEFAULT_RULES))
			throw new ValidationError(`未知规则「${key}」 Unknown rule "${key}"`, `rules.${key}`);
	}
	const ranges = Object.fromEntries(
		RULE_FIELDS.filter((f) => f.kind === 'number').map((f) => [f.name, f.range!]),
	);
	const rules = overrideNumbers(DEFAULT_RULES, overrides, ranges);
	const label = (name: keyof ComplianceRules) => RULE_FIELDS.find((f) => f.name === name)!.label;
	// Choices and lists are read as the fields that show them describe them.
	const read = rules as unknown as Record<string, unknown>;
	for (const field of RULE_FIELDS) {
		const value = overrides[field.name];
		if (!given(value)) continue;
		const key = `rules.${field.name}`;
		if (field.kind === 'choice')
			read[field.name] = oneOf(
				value,
				key,
				field.label,
				field.choices!.map((c) => c.value),
			);
		else if (field.kind === 'list') read[field.name] = textList(value, key, field.label);
	}
	// Periods are counted from the anchor by date arithmetic: junk there would never reach the report date.
	rules.cycleAnchor =
		optionalDate(overrides.cycleAnchor, 'rules.cycleAnchor', label('cycleAnchor')) ??
		rules.cycleAnchor;
	return rules;
}

export function qualificationRules(given: Record<string, unknown> = {}): QualificationRules {
	const rules = overrideNumbers(DEFAULT_QUALIFICATION_RULES, given, {
		minYearsInIndustry: { min: 0 },
	});
	if (given.titles !== undefined && given.titles !== '')
		rules.titles = textList(given.titles, 'rules.titles', 'titles');
	if (given.skillLevels !== undefined && given.skillLevels !== '')
		rules.skillLevels = textList(given.skillLevels, 'rules.skillLevels', 'skillLevels');
	return rules;
}
