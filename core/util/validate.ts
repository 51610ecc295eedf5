import { bilingual, labelParts, quoted, ValidationError } from './errors';
import { dateInZone, DEFAULT_TIME_ZONE } from './time';

export { quoted };

/**
 * Small field readers that turn loose item JSON into typed values or name the bad field.
 * Their messages say the Chinese first, with the field's Chinese name and every number a
 * clerk needs, then the same in English.
 */
function refuse(
	label: string,
	zh: (name: string) => string,
	en: (name: string) => string,
	field: string,
	code: string,
): ValidationError {
	const { zh: zhName, en: enName } = labelParts(label);
	return new ValidationError(bilingual(zh(zhName), en(enName)), field, code);
}
/** The refusal of a value of the wrong kind: 「课程名称应为文本 / Course Name must be text」. */
function wrongKind(label: string, field: string, zh: string, en: string): ValidationError {
	return refuse(
		label,
		(n) => `${n}应为${zh}`,
		(n) => `${n} must be ${en}`,
		field,
		'type',
	);
}
/** The one refusal for an empty required field: 「课程名称为必填项 / Course Name is required」. */
export function missing(label: string, field: string): ValidationError {
	return refuse(
		label,
		(n) => `${n}为必填项`,
		(n) => `${n} is required`,
		field,
		'required',
	);
}

export function requiredText(value: unknown, field: string, label: string, max = 500): string {
	const text = optionalText(value, field, label, max);
	if (!text) throw missing(label, field);
	return text;
}

export function optionalText(
	value: unknown,
	field: string,
	label: string,
	max = 2000,
): string | null {
	if (value === undefined || value === null) return null;
	if (typeof value !== 'string' && typeof value !== 'number') {
		throw wrongKind(label, field, '文本', 'text');
	}
	const text = String(value).trim();
	if (text.length > max)
		throw refuse(
			label,
			(n) => `${n}超过 ${max} 个字符（${text.length} 个）`,
			(n) => `${n} is longer than ${max} characters (${text.length})`,
			field,
			'too_long',
		);
	// PostgreSQL cannot store NUL, and no field here has a use for other control characters.
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text)) {
		throw refuse(
			label,
			(n) => `${n}含有控制字符`,
			(n) => `${n} contains control characters`,
			field,
			'control_chars',
		);
	}
	return text === '' ? null : text;
}

/**
 * Rows per transaction of a bulk write: a whole number from 1. Zero would never advance
 * through the rows and text would skip them all, so anything else is refused.
 */
export function batchSize(value: unknown): number {
	const n = optionalNumber(value, 'batchSize', '每批行数 Batch Size', {
		min: 1,
		max: 100_000,
		integer: true,
	});
	return n ?? 500;
}

/** A record id as a node or a caller passes it: text, at most 100 characters. */
export function requiredId(value: unknown, field: string, label: string): string {
	return requiredText(value, field, label, 100);
}

/**
 * A list filter's value: text (or a number), or null when not set. An object, a list or an
 * over-long text is refused with the filter named, before it reaches a query.
 */
export function filterValue(value: unknown, field: string, label: string): string | null {
	if (value === undefined || value === null || value === '') return null;
	return optionalText(value, field, label, 200);
}

export function oneOf<T extends string>(
	value: unknown,
	field: string,
	label: string,
	allowed: readonly T[],
): T {
	if (typeof value !== 'string' || !allowed.includes(value as T)) {
		const got =
			typeof value === 'string' || typeof value === 'number' ? String(value).slice(0, 40) : null;
		throw refuse(
			label,
			(n) =>
				`${n}取值无效：应为 ${allowed.join('、')} 之一${got === null ? '' : `，收到 "${got}"`}`,
			// The values are listed once, in the Chinese sentence: a long list twice would swamp the message.
			(n) => `${n} must be one of the values listed${got === null ? '' : `; got "${got}"`}`,
			field,
			'enum',
		);
	}
	return value as T;
}

const EMAIL = /^[^\s@<>"',;]+@[^\s@<>"',;]+\.[^\s@<>"',;]+$/;
export function optionalEmail(value: unknown, field: string, label: string): string | null {
	const text = optionalText(value, field, label, 254);
	if (text === null) return null;
	if (!EMAIL.test(text))
		throw refuse(
			label,
			(n) => `${n}「${text}」不是有效的邮箱地址`,
			(n) => `${n} "${text}" is not an email address`,
			field,
			'email',
		);
	return text.toLowerCase();
}

const MIN_DATE = '1900-01-01';
const MAX_DATE = '2199-12-31';

/** The time after a date, if any, must be one: `2024-02-29T25:61:00Z` is no instant. */
function validTime(text: string): boolean {
	const time = /^\d{4}[/.-]\d{1,2}[/.-]\d{1,2}[T ](.*)$/.exec(text)?.[1];
	if (time === undefined) return true;
	const m = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(
		time.trim(),
	);
	return Boolean(m && Number(m[1]) < 24 && Number(m[2]) < 60 && Number(m[3] ?? 0) < 60);
}

/**
 * A calendar date `YYYY-MM-DD` (also accepts `2023年5月6日`, `2023/5/6` and full ISO instants), 1900–2199.
 * An instant — a Date, or text with a time and `Z` or an offset, as a Schedule Trigger's
 * timestamp — is a moment, not a day: it is read as the calendar day it falls on in the
 * consortium's zone, so `2026-12-01T16:30:00Z` is 2026-12-02 in Asia/Shanghai (00:30 there).
 * A time without a zone is already wall time and keeps its date.
 */
export function optionalDate(
	value: unknown,
	field: string,
	label: string,
	timeZone: string = DEFAULT_TIME_ZONE,
): string | null {
	if (value === undefined || value === null || value === '') return null;
	if (typeof value !== 'string' && typeof value !== 'number' && !(value instanceof Date)) {
		throw refuse(
			label,
			(n) => `${n}应为日期（YYYY-MM-DD）`,
			(n) => `${n} must be a date (YYYY-MM-DD)`,
			field,
			'date',
		);
	}
	// an invalid Date has no ISO form (toISOString throws): it is no date either
	const text =
		value instanceof Date
			? Number.isNaN(value.getTime())
				? ''
				: value.toISOString()
			: String(value).trim();
	const chinese = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/.exec(text);
	const slashed = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?:[T ].*)?$/.exec(text);
	const match = chinese ?? slashed;
	if (match && validTime(text)) {
		const written = `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
		const d = new Date(`${written}T00:00:00Z`);
		if (!Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === written) {
			const instant = /[T ]\d{2}:\d{2}.*(?:Z|[+-]\d{2}:?\d{2})$/i.test(text)
				? Date.parse(text.replace(' ', 'T'))
				: NaN;
			const date = Number.isNaN(instant) ? written : dateInZone(new Date(instant), timeZone);
			// Date arithmetic works on YYYY-MM-DD text; a year outside four digits (or a
			// thousand years off) breaks it: periods would never reach their end.
			if (date < MIN_DATE || date > MAX_DATE)
				throw refuse(
					label,
					(n) => `${n} ${date} 超出范围 ${MIN_DATE} — ${MAX_DATE}`,
					(n) => `${n} ${date} is outside ${MIN_DATE} — ${MAX_DATE}`,
					field,
					'date',
				);
			return date;
		}
	}
	throw refuse(
		label,
		(n) => `${n} ${quoted(text, 40)} 不是有效日期（应为 YYYY-MM-DD）`,
		(n) => `${n} ${quoted(text, 40)} is not a valid date (YYYY-MM-DD)`,
		field,
		'date',
	);
}

export function requiredDate(
	value: unknown,
	field: string,
	label: string,
	timeZone: string = DEFAULT_TIME_ZONE,
): string {
	const d = optionalDate(value, field, label, timeZone);
	if (!d) throw missing(label, field);
	return d;
}

/** The largest value an integer column holds on both stores (PostgreSQL's `integer`). */
const MAX_STORED_INTEGER = 2_147_483_647;

export function optionalNumber(
	value: unknown,
	field: string,
	label: string,
	range: { min?: number; max?: number; integer?: boolean } = {},
): number | null {
	if (value === undefined || value === null || value === '') return null;
	if (typeof value !== 'number' && typeof value !== 'string')
		throw wrongKind(label, field, '数字', 'a number');
	// Blank text is no number: Number('  ') would read it as 0.
	if (typeof value === 'string' && value.trim() === '') return null;
	const n = typeof value === 'number' ? value : Number(value.trim());
	if (!Number.isFinite(n))
		throw refuse(
			label,
			(l) => `${l}应为数字，收到 "${String(value).slice(0, 40)}"`,
			(l) => `${l} must be a number; got "${String(value).slice(0, 40)}"`,
			field,
			'type',
		);
	if (range.integer && !Number.isInteger(n))
		throw refuse(
			label,
			(l) => `${l}应为整数，收到 ${n}`,
			(l) => `${l} must be a whole number; got ${n}`,
			field,
			'type',
		);
	// A whole number is stored in an integer column: beyond its range PostgreSQL answers with a driver error.
	const min = range.min ?? (range.integer ? -MAX_STORED_INTEGER : undefined);
	const max = range.max ?? (range.integer ? MAX_STORED_INTEGER : undefined);
	if (min !== undefined && n < min)
		throw refuse(
			label,
			(l) => `${l}不能小于 ${min}，收到 ${n}`,
			(l) => `${l} must be at least ${min}; got ${n}`,
			field,
			'range',
		);
	if (max !== undefined && n > max)
		throw refuse(
			label,
			(l) => `${l}不能大于 ${max}，收到 ${n}`,
			(l) => `${l} must be at most ${max}; got ${n}`,
			field,
			'range',
		);
	return n;
}

export function optionalBoolean(value: unknown, field: string, label: string): boolean {
	if (value === undefined || value === null || value === '') return false;
	if (typeof value === 'boolean') return value;
	if (value === 1 || value === '1' || value === 'true' || value === '是' || value === 'yes')
		return true;
	if (value === 0 || value === '0' || value === 'false' || value === '否' || value === 'no')
		return false;
	throw wrongKind(label, field, '“是”或“否”', 'yes or no');
}

/**
 * Several values of a fixed set (a multi-options parameter): a list, or comma separated text.
 * Each must be one of `allowed`; anything else is refused, naming the field and the entry.
 */
export function choiceList<T extends string>(
	value: unknown,
	field: string,
	label: string,
	allowed: readonly T[],
): T[] {
	if (value === undefined || value === null || value === '') return [];
	if (!Array.isArray(value) && typeof value !== 'string')
		throw refuse(
			label,
			(n) => `${n}应为列表，取值为 ${allowed.join('、')}`,
			(n) => `${n} must be a list of ${allowed.join(', ')}`,
			field,
			'type',
		);
	const parts = Array.isArray(value)
		? value
		: value
				.split(/[,，、;；]/)
				.map((p) => p.trim())
				.filter(Boolean);
	return [...new Set(parts.map((p, i) => oneOf(p, `${field}[${i}]`, label, allowed)))];
}

/** The entries of a list given as an array or as text cut at `separators`; none when it is blank. */
export function listEntries(
	value: unknown,
	field: string,
	label: string,
	separators: RegExp,
): unknown[] {
	if (value === undefined || value === null || value === '') return [];
	if (!Array.isArray(value) && typeof value !== 'string')
		throw wrongKind(label, field, '列表', 'a list');
	return Array.isArray(value) ? value : value.split(separators);
}

/** A list given as an array or as comma / 、 separated text. */
export function textList(value: unknown, field: string, label: string): string[] {
	return listEntries(value, field, label, /[,，、;；]/).map((p, i) =>
		requiredText(p, `${field}[${i}]`, label, 200),
	);
}

/**
 * A scalar as text for parsers that accept loose input (numbers typed as text, spreadsheet
 * cells). Objects and arrays are refused with the field named: converting them could run
 * their own `toString` and fail with a TypeError instead.
 */
export function scalarText(value: unknown, field: string, label: string): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
		return String(value);
	if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
	throw wrongKind(label, field, '文本', 'text');
}
