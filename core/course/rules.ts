import { ValidationError } from '../util/errors';
import { optionalBoolean, optionalNumber } from '../util/validate';

/**
 * Validation rules a consortium may set differently; the defaults follow the common
 * practice in DOMAIN.md (16–18 学时 per 学分, enterprise share ¼–¾, team 4–10 with at least
 * one enterprise member).
 */
export interface CourseRules {
	minHoursPerCredit: number;
	maxHoursPerCredit: number;
	minEnterpriseShare: number;
	maxEnterpriseShare: number;
	minTeamSize: number;
	maxTeamSize: number;
	minEnterpriseMembers: number;
	minPartners: number;
	/** The enterprise lead must work for one of the partner enterprises. */
	leadFromPartner: boolean;
}

export const DEFAULT_COURSE_RULES: CourseRules = {
	minHoursPerCredit: 16,
	maxHoursPerCredit: 18,
	minEnterpriseShare: 0.25,
	maxEnterpriseShare: 0.75,
	minTeamSize: 4,
	maxTeamSize: 10,
	minEnterpriseMembers: 1,
	minPartners: 1,
	leadFromPartner: true,
};

/** The defaults overridden by whatever the caller set; a nonsensical setting is refused by name. */
export function resolveRules(given: Partial<Record<keyof CourseRules, unknown>> = {}): CourseRules {
	const rules = { ...DEFAULT_COURSE_RULES };
	for (const key of Object.keys(DEFAULT_COURSE_RULES) as Array<keyof CourseRules>) {
		const value = given[key];
		if (value === undefined || value === null || value === '') continue;
		if (key === 'leadFromPartner') {
			rules.leadFromPartner = optionalBoolean(value, `rules.${key}`, `校验规则 Rule ${key}`);
			continue;
		}
		// A number or numeric text only: Number() would read [] or '  ' as 0 and fail with a TypeError on an object.
		const n = optionalNumber(value, `rules.${key}`, `校验规则 Rule ${key}`, { min: 0 });
		if (n !== null) (rules as Record<string, unknown>)[key] = n;
	}
	const pairs: Array<[keyof CourseRules, keyof CourseRules]> = [
		['minHoursPerCredit', 'maxHoursPerCredit'],
		['minEnterpriseShare', 'maxEnterpriseShare'],
		['minTeamSize', 'maxTeamSize'],
	];
	for (const [lo, hi] of pairs) {
		if ((rules[lo] as number) > (rules[hi] as number)) {
			throw new ValidationError(`校验规则 Rule ${lo} (${rules[lo]}) is above ${hi} (${rules[hi]})`, `rules.${lo}`, 'rule');
		}
	}
	if (rules.maxEnterpriseShare > 1) throw new ValidationError('校验规则 Rule maxEnterpriseShare is a fraction of 1 (e.g. 0.75)', 'rules.maxEnterpriseShare', 'rule');
	return rules;
}
