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

/** What a clerk calls each kind of record, for messages that name one. */
const ENTITY_NAMES: Record<string, string> = {
	course: '课程',
	deliverable: '课程成果',
	course_deliverable: '课程成果',
	placement: '实践安排',
	exchange_placement: '实践安排',
	exchange_log: '实践周志',
	exchange_engagement: '技师聘任',
	exchange_station: '实践站点',
	station: '实践站点',
	log: '实践周志',
	engagement: '技师聘任',
	organisation: '单位',
	person: '人员',
	patent: '专利',
	project: '项目',
	milestone: '里程碑',
	request: '审批请求',
	approval_request: '审批请求',
	indicator_entry: '指标记录',
};

export class NotFoundError extends Error {
	constructor(
		readonly entity: string,
		readonly id: string,
	) {
		// Some callers name the entity with a label of their own (`approval request 审批`): its Chinese serves.
		const zh = ENTITY_NAMES[entity] ?? /[\u4e00-\u9fff]+/.exec(entity)?.[0] ?? '记录';
		const en = entity.replace(/[\u4e00-\u9fff]+/g, '').trim() || entity;
		super(`未找到${zh} ${quoted(id)} / ${en} not found`);
		this.name = 'NotFoundError';
	}
}

/**
 * A bilingual label (`课程名称 Course Name`) as its Chinese and English parts, so that a
 * message can say its Chinese sentence with the Chinese name and its English one with the
 * English name. A label in one language serves as both.
 */
export function labelParts(label: string): { zh: string; en: string } {
	// An abbreviation right after the Chinese (课程 ID Course ID) belongs to the Chinese name.
	const m = /^(.*[^\x20-\x7E](?:\s+[A-Z]{2,}(?=\s+[A-Za-z]))?[^A-Za-z]*?)\s+([A-Za-z].*)$/.exec(
		label,
	);
	return m ? { zh: m[1].trim(), en: m[2].trim() } : { zh: label, en: label };
}

/** A message clerks read: the Chinese sentence, with every number and name in it, then the English. */
export function bilingual(zh: string, en: string): string {
	return `${zh} / ${en}`;
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
	if (value === null || value === undefined) return '空值 nothing';
	return Array.isArray(value)
		? '列表 a list'
		: typeof value === 'object'
			? '对象 an object'
			: `${typeof value}`;
}
