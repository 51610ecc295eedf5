import { quoted, ValidationError } from './errors';

export { quoted };

/** Small field readers that turn loose item JSON into typed values or name the bad field. */
export function requiredText(value: unknown, field: string, label: string, max = 500): string {
	const text = optionalText(value, field, label, max);
	if (!text) throw new ValidationError(`${label} is required / 必填`, field, 'required');
	return text;
}

export function optionalText(value: unknown, field: string, label: string, max = 2000): string | null {
	if (value === undefined || value === null) return null;
	if (typeof value !== 'string' && typeof value !== 'number') {
		throw new ValidationError(`${label} must be text / 应为文本`, field, 'type');
	}
	const text = String(value).trim();
	if (text.length > max) throw new ValidationError(`${label} is longer than ${max} characters / 过长`, field, 'too_long');
	// PostgreSQL cannot store NUL, and no field here has a use for other control characters.
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text)) {
		throw new ValidationError(`${label} contains control characters / 含有控制字符`, field, 'control_chars');
	}
	return text === '' ? null : text;
}

/**
 * Rows per transaction of a bulk write: a whole number from 1. Zero would never advance
 * through the rows and text would skip them all, so anything else is refused.
 */
export function batchSize(value: unknown): number {
	const n = optionalNumber(value, 'batchSize', '每批行数 Batch Size', { min: 1, max: 100_000, integer: true });
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

export function oneOf<T extends string>(value: unknown, field: string, label: string, allowed: readonly T[]): T {
	if (typeof value !== 'string' || !allowed.includes(value as T)) {
		const got = typeof value === 'string' || typeof value === 'number' ? `; got "${String(value).slice(0, 40)}"` : '';
		throw new ValidationError(`${label} must be one of ${allowed.join(', ')}${got} / 取值无效`, field, 'enum');
	}
	return value as T;
}

const EMAIL = /^[^\s@<>"',;]+@[^\s@<>"',;]+\.[^\s@<>"',;]+$/;
export function optionalEmail(value: unknown, field: string, label: string): string | null {
	const text = optionalText(value, field, label, 254);
	if (text === null) return null;
	if (!EMAIL.test(text)) throw new ValidationError(`${label} "${text}" is not an email address / 邮箱格式错误`, field, 'email');
	return text.toLowerCase();
}

const MIN_DATE = '1900-01-01';
const MAX_DATE = '2199-12-31';

/** The time after a date, if any, must be one: `2024-02-29T25:61:00Z` is no instant. */
function validTime(text: string): boolean {
	const time = /^\d{4}[/.-]\d{1,2}[/.-]\d{1,2}[T ](.*)$/.exec(text)?.[1];
	if (time === undefined) return true;
	const m = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(time.trim());
	return Boolean(m && Number(m[1]) < 24 && Number(m[2]) < 60 && Number(m[3] ?? 0) < 60);
}

/** A calendar date `YYYY-MM-DD` (also accepts `2023年5月6日`, `2023/5/6` and full ISO instants), 1900–2199. */
export function optionalDate(value: unknown, field: string, label: string): string | null {
	if (value === undefined || value === null || value === '') return null;
	if (typeof value !== 'string' && typeof value !== 'number' && !(value instanceof Date)) {
		throw new ValidationError(`${label} must be a date (YYYY-MM-DD) / 日期无效`, field, 'date');
	}
	// an invalid Date has no ISO form (toISOString throws): it is no date either
	const text = value instanceof Date ? (Number.isNaN(value.getTime()) ? '' : value.toISOString()) : String(value).trim();
	const chinese = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/.exec(text);
	const slashed = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?:[T ].*)?$/.exec(text);
	const match = chinese ?? slashed;
	if (match && validTime(text)) {
		const date = `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
		const d = new Date(`${date}T00:00:00Z`);
		if (!Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date) {
			// Date arithmetic works on YYYY-MM-DD text; a year outside four digits (or a
			// thousand years off) breaks it: periods would never reach their end.
			if (date < MIN_DATE || date > MAX_DATE) throw new ValidationError(`${label} ${date} is outside ${MIN_DATE} — ${MAX_DATE} / 日期超出范围`, field, 'date');
			return date;
		}
	}
	throw new ValidationError(`${label} ${quoted(text, 40)} is not a valid date (YYYY-MM-DD) / 日期无效`, field, 'date');
}

export function requiredDate(value: unknown, field: string, label: string): string {
	const d = optionalDate(value, field, label);
	if (!d) throw new ValidationError(`${label} is required / 必填`, field, 'required');
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
	if (typeof value !== 'number' && typeof value !== 'string') throw new ValidationError(`${label} must be a number / 应为数字`, field, 'type');
	// Blank text is no number: Number('  ') would read it as 0.
	if (typeof value === 'string' && value.trim() === '') return null;
	const n = typeof value === 'number' ? value : Number(value.trim());
	if (!Number.isFinite(n)) throw new ValidationError(`${label} must be a number; got "${String(value).slice(0, 40)}" / 应为数字`, field, 'type');
	if (range.integer && !Number.isInteger(n)) throw new ValidationError(`${label} must be a whole number / 应为整数`, field, 'type');
	// A whole number is stored in an integer column: beyond its range PostgreSQL answers with a driver error.
	const min = range.min ?? (range.integer ? -MAX_STORED_INTEGER : undefined);
	const max = range.max ?? (range.integer ? MAX_STORED_INTEGER : undefined);
	if (min !== undefined && n < min) throw new ValidationError(`${label} must be at least ${min} / 不能小于${min}`, field, 'range');
	if (max !== undefined && n > max) throw new ValidationError(`${label} must be at most ${max} / 不能大于${max}`, field, 'range');
	return n;
}

export function optionalBoolean(value: unknown, field: string, label: string): boolean {
	if (value === undefined || value === null || value === '') return false;
	if (typeof value === 'boolean') return value;
	if (value === 1 || value === '1' || value === 'true' || value === '是' || value === 'yes') return true;
	if (value === 0 || value === '0' || value === 'false' || value === '否' || value === 'no') return false;
	throw new ValidationError(`${label} must be yes or no / 应为是或否`, field, 'type');
}

/**
 * Several values of a fixed set (a multi-options parameter): a list, or comma separated text.
 * Each must be one of `allowed`; anything else is refused, naming the field and the entry.
 */
export function choiceList<T extends string>(value: unknown, field: string, label: string, allowed: readonly T[]): T[] {
	if (value === undefined || value === null || value === '') return [];
	if (!Array.isArray(value) && typeof value !== 'string') throw new ValidationError(`${label} must be a list of ${allowed.join(', ')} / 应为列表`, field, 'type');
	const parts = Array.isArray(value) ? value : value.split(/[,，、;；]/).map((p) => p.trim()).filter(Boolean);
	return [...new Set(parts.map((p, i) => oneOf(p, `${field}[${i}]`, label, allowed)))];
}

/** A list given as an array or as comma / 、 separated text. */
export function textList(value: unknown, field: string, label: string): string[] {
	if (value === undefined || value === null || value === '') return [];
	if (!Array.isArray(value) && typeof value !== 'string') throw new ValidationError(`${label} must be a list / 应为列表`, field, 'type');
	const parts = Array.isArray(value) ? value : value.split(/[,，、;；]/);
	return parts.map((p, i) => requiredText(p, `${field}[${i}]`, label, 200));
}

/**
 * A scalar as text for parsers that accept loose input (numbers typed as text, spreadsheet
 * cells). Objects and arrays are refused with the field named: converting them could run
 * their own `toString` and fail with a TypeError instead.
 */
export function scalarText(value: unknown, field: string, label: string): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
	if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
	throw new ValidationError(`${label} must be text / 应为文本`, field, 'type');
}
