/**
 * Text rules shared by the channel builders. User text (a subject, a summary, a name) is never
 * allowed to format or link: markdown and HTML-ish tag characters become their full-width
 * forms, which every platform shows as the same glyph and none parses. Full-width forms work
 * on all three renderers alike, where backslash escapes are documented for none of them.
 */

const FULL_WIDTH: Record<string, string> = {
	'\\': '＼',
	'`': '｀',
	'*': '＊',
	_: '＿',
	'[': '［',
	']': '］',
	'(': '（',
	')': '）',
	'<': '＜',
	'>': '＞',
	'|': '｜',
	'~': '～',
	'&': '＆',
	'#': '＃',
	'!': '！',
	$: '＄',
};

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F\u2028\u2029]/g;

/** One line of plain text: control characters and line breaks become spaces, runs collapse, cut to `max` characters. */
export function plainLine(value: unknown, max: number): string {
	const text = String(value ?? '')
		.replace(CONTROL, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return truncateChars(text, max);
}

/** Cuts to at most `max` characters (code points), ending with … when cut. */
export function truncateChars(text: string, max: number): string {
	const chars = [...text];
	return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/** Cuts to at most `maxBytes` UTF-8 bytes on a character boundary, ending with … when cut. */
export function truncateBytes(text: string, maxBytes: number): string {
	if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
	const budget = maxBytes - Buffer.byteLength('…', 'utf8');
	let out = '';
	let used = 0;
	for (const ch of text) {
		const size = Buffer.byteLength(ch, 'utf8');
		if (used + size > budget) break;
		out += ch;
		used += size;
	}
	return `${out}…`;
}

/** User text made inert inside markdown (and the tag-like markup WeCom and DingTalk accept). */
export function inertMarkdown(text: string): string {
	// A bare address would be auto-linked by some renderers: the full-width colon stops that.
	return text.replace(/[\\`*_[\]()<>|~&#!$]/g, (c) => FULL_WIDTH[c]).replace(/:\/\//g, '：//');
}

/** Text inside WeCom's textcard description, which takes `<div class>` and `<br>` tags. */
export function inertTags(text: string): string {
	return text.replace(/[<>&]/g, (c) => FULL_WIDTH[c]);
}

/** The decision link, refused unless it is an absolute http(s) URL with no spaces or quotes. */
export function checkLink(value: unknown): string {
	const link = typeof value === 'string' ? value.trim() : '';
	let url: URL | null = null;
	try {
		url = new URL(link);
	} catch {
		url = null;
	}
	if (
		!url ||
		(url.protocol !== 'https:' && url.protocol !== 'http:') ||
		// eslint-disable-next-line no-control-regex
		/[\s"'<>\u0000-\u001F]/.test(link)
	) {
		throw new RangeError(
			`link must be an absolute http(s) URL without spaces or quotes: ${link.slice(0, 80)}`,
		);
	}
	return link;
}

/** A link as the target of `[text](target)`: parentheses would end the target early. */
export function markdownTarget(link: string): string {
	return link.replace(/\(/g, '%28').replace(/\)/g, '%29');
}
