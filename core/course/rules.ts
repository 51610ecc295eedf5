import { ValidationError } from '../util/errors';
import { optionalBoolean, optionalNumber, oneOf } from '../util/validate';
import { COURSE_TYPES, COURSE_TYPE_LABELS, type CourseType } from './vocabulary';

/** 学时 per 学分 for one course type: the hours a credit stands for, from `min` to `max`. */
export interface HoursPerCredit {
	min: number;
	max: number;
}

/**
 * Validation rules a consortium may set differently; the defaults follow the common
 * practice in DOMAIN.md (16–18 学时 per 学分, enterprise share ¼–¾, team 4–10 with at least
 * one enterprise member).
 */
export interface CourseRules {
	/** The ratio for every course type without a row of its own in `hoursPerCredit`. */
	minHoursPerCredit: number;
	maxHoursPerCredit: number;
	/** Ratios per course type, which a consortium edits as a table. */
	hoursPerCredit: Partial<Record<CourseType, HoursPerCredit>>;
	minEnterpriseShare: number;
	maxEnterpriseShare: number;
	minTeamSize: number;
	maxTeamSize: number;
	minEnterpriseMembers: number;
	minPartners: number;
	/** The enterprise lead must work for one of the partner enterprises. */
	leadFromPartner: boolean;
}

/*
 * 教育部《关于职业院校专业人才培养方案制订与实施工作的指导意见》(教职成〔2019〕13号) 附件: 学时
 * "一般以16—18学时计为1个学分"; 军训、社会实践、入学教育、毕业教育等 "以1周为1学分". Colleges count
 * a week of 集中实践 (实训周, 课程设计) as one 学分 of 24–30 学时 (e.g. "独立开设的实践性课程 … 每1周计
 * 1学分，计24学时"), so a one-week 集中实训 of 26 学时 is 1 学分. The weekly hours are the
 * consortium's setting.
 */
export const DEFAULT_COURSE_RULES: CourseRules = {
	minHoursPerCredit: 16,
	maxHoursPerCredit: 18,
	hoursPerCredit: { intensive_practice: { min: 24, max: 30 } },
	minEnterpriseShare: 0.25,
	maxEnterpriseShare: 0.75,
	minTeamSize: 4,
	maxTeamSize: 10,
	minEnterpriseMembers: 1,
	minPartners: 1,
	leadFromPartner: true,
};

type ScalarRule = Exclude<keyof CourseRules, 'hoursPerCredit'>;

/** The scalar rules as a clerk sees them, in the node's order; its fields are built from this list. */
export const COURSE_RULE_FIELDS: Array<{ name: ScalarRule; label: string; note: string }> = [
	{
		name: 'minHoursPerCredit',
		label: '每学分最少学时 Min Hours per Credit',
		note: '教职成〔2019〕13号：一般16—18学时计1学分；未在下表单列的课程类型适用',
	},
	{
		name: 'maxHoursPerCredit',
		label: '每学分最多学时 Max Hours per Credit',
		note: '教职成〔2019〕13号：一般16—18学时计1学分；未在下表单列的课程类型适用',
	},
	{
		name: 'minEnterpriseShare',
		label: '企业授课比例下限 Min Enterprise Share',
		note: '本联合体设置',
	},
	{
		name: 'maxEnterpriseShare',
		label: '企业授课比例上限 Max Enterprise Share',
		note: '本联合体设置',
	},
	{ name: 'minTeamSize', label: '团队最少人数 Min Team Size', note: '本联合体设置' },
	{ name: 'maxTeamSize', label: '团队最多人数 Max Team Size', note: '本联合体设置' },
	{
		name: 'minEnterpriseMembers',
		label: '最少企业成员 Min Enterprise Members',
		note: '本联合体设置',
	},
	{ name: 'minPartners', label: '最少合作企业 Min Partner Enterprises', note: '本联合体设置' },
	{
		name: 'leadFromPartner',
		label: '企业负责人须来自合作企业 Lead From a Partner',
		note: '本联合体设置',
	},
];

const labelOf = (key: ScalarRule) => COURSE_RULE_FIELDS.find((f) => f.name === key)!.label;

/** The ratio a course of this type is checked against. */
export function hoursPerCreditFor(rules: CourseRules, type: CourseType): HoursPerCredit {
	return (
		rules.hoursPerCredit[type] ?? { min: rules.minHoursPerCredit, max: rules.maxHoursPerCredit }
	);
}

/**
 * The table as given: `{ core: { min, max } }`, a list of `{ courseType, min, max }` rows, the
 * node's `{ rows: [...] }`, or either as JSON text. Each row replaces the default for its type.
 */
function readTable(value: unknown): Partial<Record<CourseType, HoursPerCredit>> {
	const field = 'rules.hoursPerCredit';
	const label = '各课程类型学时学分比 Hours per Credit by Course Type';
	let raw = value;
	if (typeof raw === 'string') {
		try {
			raw = JSON.parse(raw);
		} catch {
			throw new ValidationError(
				`${label} 应为表格或 JSON；收到的文本无法解析 / must be a table or JSON`,
				field,
				'type',
			);
		}
	}
	if (
		raw &&
		typeof raw === 'object' &&
		!Array.isArray(raw) &&
		Array.isArray((raw as { rows?: unknown }).rows)
	)
		raw = (raw as { rows: unknown[] }).rows;
	const rows: Array<[unknown, unknown]> = Array.isArray(raw)
		? raw.map((r) => [(r as { courseType?: unknown })?.courseType, r])
		: raw && typeof raw === 'object'
			? Object.entries(raw)
			: (() => {
					throw new ValidationError(`${label} 应为表格 / must be a table`, field, 'type');
				})();
	const table: Partial<Record<CourseType, HoursPerCredit>> = {};
	rows.forEach(([type, row], i) => {
		const at = `${field}[${i}]`;
		const courseType = oneOf(
			type,
			`${at}.courseType`,
			`${label} 第 ${i + 1} 行课程类型 row ${i + 1} course type`,
			COURSE_TYPES,
		);
		const r = (row ?? {}) as { min?: unknown; max?: unknown };
		const min = optionalNumber(
			r.min,
			`${at}.min`,
			`${COURSE_TYPE_LABELS[courseType]} 每学分最少学时 Min Hours per Credit`,
			{ min: 1, max: 200 },
		);
		const max = optionalNumber(
			r.max,
			`${at}.max`,
			`${COURSE_TYPE_LABELS[courseType]} 每学分最多学时 Max Hours per Credit`,
			{ min: 1, max: 200 },
		);
		if (min === null || max === null)
			throw new ValidationError(
				`${COURSE_TYPE_LABELS[courseType]}：每学分最少和最多学时都须填写 / both min and max hours per credit are required`,
				at,
				'required',
			);
		if (min > max)
			throw new ValidationError(
				`${COURSE_TYPE_LABELS[courseType]}：每学分最少学时 ${min} 大于最多学时 ${max} / min ${min} is above max ${max}`,
				at,
				'rule',
			);
		table[courseType] = { min, max };
	});
	return table;
}

/** The defaults overridden by whatever the caller set; a nonsensical setting is refused by name. */
export function resolveRules(given: Partial<Record<keyof CourseRules, unknown>> = {}): CourseRules {
	const rules: CourseRules = {
		...DEFAULT_COURSE_RULES,
		hoursPerCredit: { ...DEFAULT_COURSE_RULES.hoursPerCredit },
	};
	for (const { name: key } of COURSE_RULE_FIELDS) {
		const value = given[key];
		if (value === undefined || value === null || value === '') continue;
		if (key === 'leadFromPartner') {
			rules.leadFromPartner = optionalBoolean(value, `rules.${key}`, labelOf(key));
			continue;
		}
		// A number or numeric text only: Number() would read [] or '  ' as 0 and fail with a TypeError on an object.
		const n = optionalNumber(value, `rules.${key}`, labelOf(key), { min: 0 });
		if (n !== null) (rules as unknown as Record<string, unknown>)[key] = n;
	}
	const table = given.hoursPerCredit;
	if (table !== undefined && table !== null && table !== '')
		Object.assign(rules.hoursPerCredit, readTable(table));
	const pairs: Array<[ScalarRule, ScalarRule]> = [
		['minHoursPerCredit', 'maxHoursPerCredit'],
		['minEnterpriseShare', 'maxEnterpriseShare'],
		['minTeamSize', 'maxTeamSize'],
	];
	for (const [lo, hi] of pairs) {
		if ((rules[lo] as number) > (rules[hi] as number)) {
			throw new ValidationError(
				`校验规则有误：${labelOf(lo)} ${rules[lo]} 大于 ${labelOf(hi)} ${rules[hi]} / Rule ${lo} (${rules[lo]}) is above ${hi} (${rules[hi]})`,
				`rules.${lo}`,
				'rule',
			);
		}
	}
	if (rules.maxEnterpriseShare > 1)
		throw new ValidationError(
			`校验规则有误：${labelOf('maxEnterpriseShare')} 是 1 以内的比例（如 0.75），收到 ${rules.maxEnterpriseShare} / Rule maxEnterpriseShare is a fraction of 1`,
			'rules.maxEnterpriseShare',
			'rule',
		);
	return rules;
}
