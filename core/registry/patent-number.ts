import { labelParts, ValidationError } from '../util/errors';
import { quoted, scalarText } from '../util/validate';

/** The type digit of an application number and what it means. */
export const PATENT_TYPES = [
	'invention',
	'utility',
	'design',
	'pct_invention',
	'pct_utility',
] as const;
export type PatentType = (typeof PATENT_TYPES)[number];

export const PATENT_TYPE_LABELS: Record<PatentType, string> = {
	invention: '发明 Invention',
	utility: '实用新型 Utility Model',
	design: '外观设计 Design',
	pct_invention: 'PCT 发明 PCT Invention',
	pct_utility: 'PCT 实用新型 PCT Utility Model',
};

const TYPE_BY_DIGIT: Record<string, PatentType> = {
	'1': 'invention',
	'2': 'utility',
	'3': 'design',
	'8': 'pct_invention',
	'9': 'pct_utility',
};

/** Chinese names people write in ledgers, mapped to the type keys. */
const TYPE_ALIASES: Record<string, PatentType> = {
	发明: 'invention',
	发明专利: 'invention',
	实用新型: 'utility',
	实用新型专利: 'utility',
	外观设计: 'design',
	外观设计专利: 'design',
	pct发明: 'pct_invention',
	pct实用新型: 'pct_utility',
};

const MODERN_WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
const LEGACY_WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9];

export interface PatentNumber {
	/** Canonical form without prefix or spaces: `201710601862.3` or (legacy) `98123456.X`. */
	applicationNo: string;
	/** The form a granted patent shows: `ZL201710601862.3`. */
	patentNo: string;
	type: PatentType;
	/** The filing year the number encodes. */
	year: number;
	legacy: boolean;
}

/** The check character for the digits before the dot: weighted sum mod 11, 10 written `X`. */
export function checkDigit(digits: string): string {
	const weights =
		digits.length === 12 ? MODERN_WEIGHTS : digits.length === 8 ? LEGACY_WEIGHTS : null;
	if (!weights || !/^\d+$/.test(digits))
		throw new Error(`checkDigit needs 12 or 8 digits, got "${digits}"`);
	const sum = [...digits].reduce((acc, d, i) => acc + Number(d) * weights[i], 0);
	const r = sum % 11;
	return r === 10 ? 'X' : String(r);
}

/**
 * Parses any common written form — `CN 2017 1 0601862.3`, `201710601862.3`,
 * `ZL201710601862.3`, full-width dots, spaces — and verifies the type digit and the
 * check digit. Legacy 8-digit numbers (to 2003) use their own weights.
 */
export function parsePatentNumber(
	value: unknown,
	field = 'applicationNo',
	label = '申请号 Application No.',
): PatentNumber {
	const raw = scalarText(value, field, label).trim();
	if (!raw)
		throw new ValidationError(
			`${labelParts(label).zh}为必填项 / ${labelParts(label).en} is required`,
			field,
			'required',
		);
	// NFKC turns full-width digits, letters and the full-width dot (２０１３…．２) into ASCII.
	const compact = raw
		.normalize('NFKC')
		.toUpperCase()
		.replace(/[\s\u3000]+/g, '')
		.replace(/[。．·]/g, '.')
		.replace(/^(?:ZL|CN)+/, '');
	const match = /^(\d{12}|\d{8})\.?([\dX])$/.exec(compact);
	if (!match) {
		throw new ValidationError(
			`${label} ${quoted(raw)} is not a patent application number like 2017 1 0601862.3 / 申请号格式错误`,
			field,
			'format',
		);
	}
	const [, digits, check] = match;
	const legacy = digits.length === 8;
	const typeDigit = legacy ? digits[2] : digits[4];
	const type = TYPE_BY_DIGIT[typeDigit];
	if (!type) {
		throw new ValidationError(
			`${label} ${quoted(raw)}: type digit ${typeDigit} is not 1, 2, 3, 8 or 9 / 申请号类型位无效`,
			field,
			'type_digit',
		);
	}
	const expected = checkDigit(digits);
	if (check !== expected) {
		throw new ValidationError(
			`${label} ${quoted(raw)}: check digit should be ${expected}, not ${check} / 校验位错误`,
			field,
			'check_digit',
		);
	}
	const year = legacy ? legacyYear(Number(digits.slice(0, 2))) : Number(digits.slice(0, 4));
	if (legacy && year > 2003) {
		throw new ValidationError(
			`${label} ${quoted(raw)}: 8-digit numbers ended in 2003 / 旧号码格式仅用于2003年及以前`,
			field,
			'format',
		);
	}
	if (!legacy && (year < 2003 || year > 2200)) {
		throw new ValidationError(
			`${label} ${quoted(raw)}: year ${year} is not plausible / 年份无效`,
			field,
			'format',
		);
	}
	const applicationNo = `${digits}.${check}`;
	return { applicationNo, patentNo: `ZL${applicationNo}`, type, year, legacy };
}

function legacyYear(yy: number): number {
	return yy >= 85 ? 1900 + yy : 2000 + yy;
}

/** A stated type as a key (`invention`) or its Chinese name (`发明专利`). */
export function parsePatentType(
	value: unknown,
	field = 'type',
	label = '专利类型 Type',
): PatentType | null {
	const text = scalarText(value, field, label).trim();
	if (text === '') return null;
	if ((PATENT_TYPES as readonly string[]).includes(text)) return text as PatentType;
	const alias = TYPE_ALIASES[text.toLowerCase().replace(/\s+/g, '')];
	if (alias) return alias;
	throw new ValidationError(
		`${label} ${quoted(text)} must be one of ${PATENT_TYPES.join(', ')} / 专利类型无效`,
		field,
		'enum',
	);
}

/** The type the number encodes, checked against a stated type when one is given. */
export function patentTypeOf(number: PatentNumber, stated: unknown, field = 'type'): PatentType {
	const given = parsePatentType(stated, field);
	if (given && given !== number.type) {
		throw new ValidationError(
			`专利类型 Type ${quoted(stated)} does not match application number ${number.applicationNo}, which is ${PATENT_TYPE_LABELS[number.type]} / 类型与申请号不符`,
			field,
			'type_mismatch',
		);
	}
	return number.type;
}
