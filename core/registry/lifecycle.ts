import { quoted, scalarText } from '../util/validate';
import { StateError, ValidationError } from '../util/errors';
import type { PatentType } from './patent-number';

export const PATENT_STAGES = ['filed', 'preliminary', 'published', 'substantive', 'granted'] as const;
export const PATENT_ENDS = ['rejected', 'deemed_withdrawn', 'withdrawn', 'abandoned', 'terminated', 'expired', 'invalidated'] as const;
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
export function parseStatus<S extends string>(value: unknown, labels: Record<S, string>, field: string, label: string): S {
	const text = scalarText(value, field, label).trim();
	// own keys only: `constructor` or `toString` is in every object, and no status
	if (Object.hasOwn(labels, text)) return text as S;
	const extra: Record<string, string> = { 实审: 'substantive', 实质审查中: 'substantive', 已授权: 'granted', 中期: 'midterm', 验收: 'closed', 结题验收: 'closed', 未获批: 'not_approved' };
	if (Object.hasOwn(extra, text) && Object.hasOwn(labels, extra[text])) return extra[text] as S;
	const byChinese = (Object.entries(labels) as Array<[S, string]>).find(([, l]) => l.split(' ')[0] === text);
	if (byChinese) return byChinese[0];
	throw new ValidationError(`${label} ${quoted(text)} must be one of ${Object.keys(labels).join(', ')} / 状态无效`, field, 'enum');
}

/** Invention goes through publication and substantive examination; utility models and designs do not. */
export function patentStages(type: PatentType): readonly PatentStatus[] {
	return type === 'invention' || type === 'pct_invention' ? PATENT_STAGES : ['filed', 'preliminary', 'granted'];
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
		throw new ValidationError(`状态 Status ${PATENT_STATUS_LABELS[status]} does not apply to this patent type / 该类型专利无此阶段`, field, 'enum');
	}
}

export function assertPatentTransition(type: PatentType, from: PatentStatus, to: PatentStatus): void {
	if (!allowedPatentTransitions(type, from).includes(to)) {
		throw new StateError(
			`Cannot move a patent from ${PATENT_STATUS_LABELS[from]} to ${PATENT_STATUS_LABELS[to]} / 不允许的状态变更`,
			from,
			to,
		);
	}
}

export function isProjectEnd(status: string): boolean {
	return (PROJECT_ENDS as readonly string[]).includes(status) || status === 'closed';
}

export function allowedProjectTransitions(status: ProjectStatus): ProjectStatus[] {
	if (isProjectEnd(status)) return [];
	const next = PROJECT_STAGES[PROJECT_STAGES.indexOf(status as (typeof PROJECT_STAGES)[number]) + 1];
	return [next, status === 'applied' ? 'not_approved' : 'terminated'];
}

export function assertProjectTransition(from: ProjectStatus, to: ProjectStatus): void {
	if (!allowedProjectTransitions(from).includes(to)) {
		throw new StateError(`Cannot move a project from ${PROJECT_STATUS_LABELS[from]} to ${PROJECT_STATUS_LABELS[to]} / 不允许的状态变更`, from, to);
	}
}

/** Ends (and rejection) must say when and why, so the ledger can explain a lost patent. */
export function requiresReason(status: string): boolean {
	return isPatentEnd(status) || status === 'not_approved' || status === 'terminated';
}
