import { quoted, scalarText } from '../util/validate';
import { StateError, ValidationError } from '../util/errors';
import type { PatentType } from './patent-number';

export const PATENT_STAGES = [
	'filed',
	'preliminary',
	'published',
	'substantive',
	'granted',
] as const;
export const PATENT_ENDS = [
	'rejected',
	'deemed_withdrawn',
	'withdrawn',
	'abandoned',
	'terminated',
	'expired',
	'invalidated',
] as const;
export type PatentStatus = (typeof PATENT_STAGES)[number] | (typeof PATENT_ENDS)[number];

export const PATENT_STATUS_LABELS: Record<PatentStatus, string> = {
	filed: '受理 Filed',
	preliminary: '初审 Preliminary Examination',
	published: '公布 Published',
	substantive: '实质审查 Substantive Examination',
	granted: '授权 Granted',
	rejected: '驳回 Rejected',
	deemed_withdrawn: '视为撤回 Deemed Withdrawn',
	withdrawn: '撤回 Withdrawn',
	abandoned: '放弃 Abandoned',
	terminated: '终止 Terminated (fee unpaid)',
	expired: '届满 Expired',
	invalidated: '无效 Invalidated',
};

export const PROJECT_STAGES = ['applied', 'approved', 'opened', 'midterm', 'closed'] as const;
export const PROJECT_ENDS = ['not_approved', 'terminated'] as const;
export type ProjectStatus = (typeof PROJECT_STAGES)[number] | (typeof PROJECT_ENDS)[number];
export const PROJECT_CATEGORIES = ['vertical', 'horizontal'] as const;
export type ProjectCategory = (typeof PROJECT_CATEGORIES)[number];

/**
 * The path each kind of project walks. 纵向 projects follow the funding body's cycle (开题,
 * 中期检查, 结题). A 横向 project is a contract (民法典 技术合同, art. 843 ff.): it runs from
 * signing to the delivery and acceptance the contract fixes, with no 开题 or 中期检查 of its own.
 * 本联合体设置 (consortium setting), not a national rule.
 */
export const PROJECT_STAGES_BY_CATEGORY: Record<ProjectCategory, readonly ProjectStatus[]> = {
	vertical: PROJECT_STAGES,
	horizontal: ['applied', 'approved', 'closed'],
};

export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
	applied: '申报 Applied',
	approved: '立项 Approved',
	opened: '开题 Opened',
	midterm: '中期检查 Mid-term Check',
	closed: '结题 Closed',
	not_approved: '未立项 Not Approved',
	terminated: '终止 Terminated',
};

/** Accepts a status key or the Chinese word a ledger uses (`授权`, `实审`, `结题`). */
export function parseStatus<S extends string>(
	value: unknown,
	labels: Record<S, string>,
	field: string,
	label: string,
): S {
	const text = scalarText(value, field, label).trim();
	// own keys only: `constructor` or `toString` is in every object, and no status
	if (Object.hasOwn(labels, text)) return text as S;
	const extra: Record<string, string> = {
		合同签订: 'approved',
		实审: 'substantive',
		实质审查中: 'substantive',
		已授权: 'granted',
		中期: 'midterm',
		验收: 'closed',
		结题验收: 'closed',
		未获批: 'not_approved',
	};
	if (Object.hasOwn(extra, text) && Object.hasOwn(labels, extra[text])) return extra[text] as S;
	const byChinese = (Object.entries(labels) as Array<[S, string]>).find(
		([, l]) => l.split(' ')[0] === text,
	);
	if (byChinese) return byChinese[0];
	throw new ValidationError(
		`${label} ${quoted(text)} must be one of ${Object.keys(labels).join(', ')} / 状态无效`,
		field,
		'enum',
	);
}

/** Invention goes through publication and substantive examination; utility models and designs do not. */
export function patentStages(type: PatentType): readonly PatentStatus[] {
	return type === 'invention' || type === 'pct_invention'
		? PATENT_STAGES
		: ['filed', 'preliminary', 'granted'];
}

function patentEndsFrom(status: PatentStatus): PatentStatus[] {
	if (status === 'granted') return ['abandoned', 'terminated', 'expired', 'invalidated'];
	return ['rejected', 'deemed_withdrawn', 'withdrawn'];
}

export function isPatentEnd(status: string): boolean {
	return (PATENT_ENDS as readonly string[]).includes(status);
}

export function allowedPatentTransitions(type: PatentType, status: PatentStatus): PatentStatus[] {
	if (isPatentEnd(status)) return [];
	const stages = patentStages(type);
	const next = stages[stages.indexOf(status) + 1];
	return [...(next ? [next] : []), ...patentEndsFrom(status)];
}

export function checkPatentStatus(type: PatentType, status: PatentStatus, field = 'status'): void {
	if (!isPatentEnd(status) && !patentStages(type).includes(status)) {
		throw new ValidationError(
			`状态 Status ${PATENT_STATUS_LABELS[status]} does not apply to this patent type / 该类型专利无此阶段`,
			field,
			'enum',
		);
	}
}

export function assertPatentTransition(
	type: PatentType,
	from: PatentStatus,
	to: PatentStatus,
): void {
	if (!allowedPatentTransitions(type, from).includes(to)) {
		throw new StateError(
			`不允许的状态变更：${PATENT_STATUS_LABELS[from]} → ${PATENT_STATUS_LABELS[to]} / Cannot move a patent from ${PATENT_STATUS_LABELS[from]} to ${PATENT_STATUS_LABELS[to]}`,
			from,
			to,
		);
	}
}

export function isProjectEnd(status: string): boolean {
	return (PROJECT_ENDS as readonly string[]).includes(status) || status === 'closed';
}

export function allowedProjectTransitions(
	status: ProjectStatus,
	category: ProjectCategory = 'vertical',
): ProjectStatus[] {
	if (isProjectEnd(status)) return [];
	const stages = PROJECT_STAGES_BY_CATEGORY[category] ?? PROJECT_STAGES;
	const at = stages.indexOf(status);
	// A 横向 record imported mid-way (开题, 中期) from an older ledger goes straight on to 结题.
	const next = at >= 0 ? stages[at + 1] : 'closed';
	return [next, status === 'applied' ? 'not_approved' : 'terminated'];
}

/** A status as the clerk reads it: a 横向 project's 立项 is the signed contract. */
export function projectStatusLabel(status: ProjectStatus, category: string): string {
	if (category === 'horizontal' && status === 'approved') return '合同签订 Contract Signed';
	return PROJECT_STATUS_LABELS[status];
}

export function assertProjectTransition(
	from: ProjectStatus,
	to: ProjectStatus,
	category: ProjectCategory = 'vertical',
): void {
	if (!allowedProjectTransitions(from, category).includes(to)) {
		throw new StateError(
			`项目不能从 ${projectStatusLabel(from, category)} 变更为 ${projectStatusLabel(to, category)}；可变更为 ${
				allowedProjectTransitions(from, category)
					.map((s) => projectStatusLabel(s, category))
					.join('、') || '（已结束）'
			} / Cannot move a project from ${from} to ${to}`,
			from,
			to,
		);
	}
}

/** Ends (and rejection) must say when and why, so the ledger can explain a lost patent. */
export function requiresReason(status: string): boolean {
	return isPatentEnd(status) || status === 'not_approved' || status === 'terminated';
}
