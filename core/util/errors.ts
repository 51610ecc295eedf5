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
		super(`${entity} not found: ${id} / 未找到记录`);
		this.name = 'NotFoundError';
	}
}
