/**
 * A domain rule was broken by the input. `field` names the offending field so adapters
 * can tell the user exactly what to fix; `code` is stable for programs.
 */
export class ValidationError extends Error {
	constructor(
		message: string,
		readonly field?: string,
		readonly code = 'invalid',
	) {
		super(message);
		this.name = 'ValidationError';
	}
}

/** The record exists but is not in a state that allows the requested change. */
export class StateError extends Error {
	constructor(
		message: string,
		readonly current?: string,
		readonly requested?: string,
	) {
		super(message);
		this.name = 'StateError';
	}
}

export class NotFoundError extends Error {
	constructor(
		readonly entity: string,
		readonly id: string,
	) {
		super(`${entity} not found: ${quoted(id)} / 未找到记录`);
		this.name = 'NotFoundError';
	}
}

/**
 * A value as an error message may repeat it: text or a number in quotes, cut to `max`
 * characters (an id or a status can arrive as a 100,000-character string), anything else
 * named by its kind — never converted, which would print `[object Object]` or run its own code.
 */
export function quoted(value: unknown, max = 60): string {
	if (typeof value === 'string' || typeof value === 'number') {
		const text = String(value);
		return `"${text.length > max ? `${text.slice(0, max)}…` : text}"`;
	}
	if (value === null || value === undefined) return 'nothing';
	return Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
