import { bilingual, labelParts, ValidationError } from '../util/errors';

/**
 * Course types, with the Chinese words a form or spreadsheet uses for them: the course
 * categories of a 职业院校 / 技工院校 teaching plan (公共基础课, 专业基础课, 专业核心课, 专业拓展课,
 * 选修课), the 技工院校's 工学一体化课程, and 集中实践 (实训周, 课程设计, 顶岗实习) counted in weeks.
 * `professional` stays for proposals filed before the finer types existed.
 */
export const COURSE_TYPES = [
	'general',
	'professional_basic',
	'core',
	'professional_extension',
	'professional',
	'elective',
	'integrated',
	'intensive_practice',
] as const;
export type CourseType = (typeof COURSE_TYPES)[number];
export const COURSE_TYPE_LABELS: Record<CourseType, string> = {
	general: '公共基础课 General',
	professional_basic: '专业基础课 Professional Basic',
	core: '专业核心课 Core',
	professional_extension: '专业拓展课 Professional Extension',
	professional: '专业课 Professional',
	elective: '选修课 Elective',
	integrated: '一体化课程 Integrated Course',
	intensive_practice: '集中实践课 Intensive Practice',
};

export const DELIVERABLE_KINDS = [
	'workbook',
	'textbook',
	'resource_library',
	'online_course',
	'curriculum_standard',
] as const;
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
	专业基础课: 'professional_basic',
	专业拓展课: 'professional_extension',
	拓展课: 'professional_extension',
	一体化课程: 'integrated',
	工学一体化课程: 'integrated',
	一体化课: 'integrated',
	集中实践: 'intensive_practice',
	集中实训: 'intensive_practice',
	集中实践教学: 'intensive_practice',
	实训周: 'intensive_practice',
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
		allowed.find(
			(v) =>
				labels[v] === text ||
				labels[v].split(' ')[0] === text ||
				labels[v].toLowerCase().endsWith(` ${lower}`),
		) ??
		(ALIASES[text] && allowed.includes(ALIASES[text] as T) ? (ALIASES[text] as T) : undefined);
	if (!found) {
		const { zh, en } = labelParts(label);
		const got =
			typeof value === 'string' || typeof value === 'number'
				? `"${String(value).slice(0, 40)}"`
				: typeof value;
		throw new ValidationError(
			bilingual(
				`${zh}取值无效：应为 ${allowed.map((v) => labels[v].split(' ')[0]).join('、')} 之一，收到 ${got}`,
				`${en} must be one of ${allowed.map((v) => labels[v]).join(', ')}; got ${got}`,
			),
			field,
			'enum',
		);
	}
	return found;
}
