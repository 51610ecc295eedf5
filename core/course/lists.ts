import { labelParts, ValidationError } from '../util/errors';
import { listEntries, quoted, requiredText, scalarText } from '../util/validate';

/**
 * A list given as an array or as text with one entry per line or separated by ；/;.
 * Commas are kept inside entries because module titles contain them.
 */
export function lineList(value: unknown, field: string, label: string, max = 300): string[] {
	const parts = listEntries(value, field, label, /\r?\n|[;；]/);
	return parts
		.map((p) => (typeof p === 'string' ? p.trim() : p))
		.filter((p) => p !== '' && p !== null && p !== undefined)
		.map((p, i) => requiredText(p, `${field}[${i}]`, label, max));
}

/** A list of references (ids, emails, codes): array, or text separated by commas, 、, ; or lines. */
export function referenceList(value: unknown, field: string, label: string): string[] {
	const parts = listEntries(value, field, label, /[\n,，、;；]/);
	// An object or a list inside the list is refused, not dropped: the record would quietly lose a member.
	return parts
		.map((p, i) =>
			p === null || p === undefined ? '' : scalarText(p, `${field}[${i}]`, label).trim(),
		)
		.filter((p) => p !== '')
		.map((p, i) => requiredText(p, `${field}[${i}]`, label, 200));
}

/** Evidence links must be web addresses, so a ledger or page can open them. */
export function linkList(value: unknown, field: string, label: string): string[] {
	return referenceList(value, field, label).map(
		(link, i) => httpLink(link, `${field}[${i}]`, label) as string,
	);
}

export function httpLink(value: unknown, field: string, label: string): string | null {
	if (value === undefined || value === null || value === '') return null;
	const text = scalarText(value, field, label).trim();
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		throw new ValidationError(
			`${labelParts(label).zh} ${quoted(text)} 不是网址（http/https） / ${labelParts(label).en} ${quoted(text)} is not a web link (http/https)`,
			field,
			'link',
		);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new ValidationError(
			`${labelParts(label).zh} ${quoted(text)} 应以 http:// 或 https:// 开头 / ${labelParts(label).en} ${quoted(text)} must start with http:// or https://`,
			field,
			'link',
		);
	}
	return text;
}

/** A share as a fraction: `0.3`, `30%` and `30` (read as percent) all mean 0.3. */
export function share(value: unknown, field: string, label: string): number {
	if (value === undefined || value === null || value === '')
		throw new ValidationError(
			`${labelParts(label).zh}为必填项 / ${labelParts(label).en} is required`,
			field,
			'required',
		);
	if (typeof value !== 'string' && typeof value !== 'number')
		throw new ValidationError(
			`${labelParts(label).zh}应为比例或百分数 / ${labelParts(label).en} must be a fraction or a percentage`,
			field,
			'type',
		);
	const text = String(value).trim();
	const percent = text.endsWith('%') || text.endsWith('％');
	const n = Number(percent ? text.slice(0, -1) : text);
	if (!Number.isFinite(n) || n < 0)
		throw new ValidationError(
			`${labelParts(label).zh}应为比例或百分数，收到 ${quoted(text)} / ${labelParts(label).en} must be a fraction or a percentage; got ${quoted(text)}`,
			field,
			'type',
		);
	const fraction = percent || n > 1 ? n / 100 : n;
	if (fraction > 1)
		throw new ValidationError(
			`${labelParts(label).zh}不能超过 100%，收到 ${quoted(text)} / ${labelParts(label).en} cannot exceed 100%; got ${quoted(text)}`,
			field,
			'range',
		);
	return Math.round(fraction * 10000) / 10000;
}
