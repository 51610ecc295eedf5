import { ValidationError } from '../util/errors';

/** Course types, with the Chinese words a form or spreadsheet uses for them. */
export const COURSE_TYPES = ['core', 'professional', 'general', 'elective'] as const;
export type CourseType = (typeof COURSE_TYPES)[number];
export const COURSE_TYPE_LABELS: Record<CourseType, string> = {
	core: '专业核心课 Core',
	professional: '专业课 Professional',
	general: '公共课 General',
	elective: '选修课 Elective',
};

export const DELIVERABLE_KINDS = ['workbook', 'textbook', 'resource_library', 'online_course', 'curriculum_standard'] as const;
export type DeliverableKind = (typeof DELIVERABLE_KINDS)[number];
export const DELIVERABLE_KIND_LABELS: Record<DeliverableKind, string> = {
	workbook: '活页式工作手册 Workbook',
	textbook: '教材 Textbook',
	resource_library: '教学资源库 Resource Library',
	online_course: '在线精品课程 Online Course',
	curriculum_standard: '课程标准 Curriculum Standard',
};

export const DELIVERABLE_STATUSES = ['planned', 'in_progress', 'completed', 'accepted'] as const;
export type DeliverableStatus = (typeof DELIVERABLE_STATUSES)[number];
export const DELIVERABLE_STATUS_LABELS: Record<DeliverableStatus, string> = {
	planned: '计划 Planned',
	in_progress: '建设中 In Progress',
	completed: '已完成 Completed',
	accepted: '已验收 Accepted',
};

const ALIASES: Record<string, string> = {
	专业核心课: 'core',
	核心课: 'core',
	专业课: 'professional',
	公共课: 'general',
	公共基础课: 'general',
	选修: 'elective',
	选修课: 'elective',
	工作页: 'workbook',
	活页式: 'workbook',
	活页式教材: 'workbook',
	活页式工作手册: 'workbook',
	工作手册: 'workbook',
	教材: 'textbook',
	资源库: 'resource_library',
	教学资源库: 'resource_library',
	在线课程: 'online_course',
	在线精品课程: 'online_course',
	在线开放课程: 'online_course',
	课程标准: 'curriculum_standard',
	计划: 'planned',
	建设中: 'in_progress',
	进行中: 'in_progress',
	已完成: 'completed',
	完成: 'completed',
	已验收: 'accepted',
	验收通过: 'accepted',
};

/**
 * Reads one value of a vocabulary given by key (`core`), label (`专业核心课 Core`) or a
 * common Chinese word (`专业核心课`), and names the field when it is none of them.
 */
export function vocabulary<T extends string>(
	value: unknown,
	field: string,
	label: string,
	allowed: readonly T[],
	labels: Record<T, string>,
): T {
	const text = typeof value === 'string' ? value.trim() : '';
	const lower = text.toLowerCase();
	const found =
		allowed.find((v) => v === lower) ??
		allowed.find((v) => labels[v] === text || labels[v].split(' ')[0] === text || labels[v].toLowerCase().endsWith(` ${lower}`)) ??
		(ALIASES[text] && allowed.includes(ALIASES[text] as T) ? (ALIASES[text] as T) : undefined);
	if (!found) {
		throw new ValidationError(
			`${label} must be one of ${allowed.map((v) => labels[v]).join(', ')}; got "${typeof value === 'string' || typeof value === 'number' ? String(value).slice(0, 40) : typeof value}" / 取值无效`,
			field,
			'enum',
		);
	}
	return found;
}
