import type { AuditMatcher } from './audit-feed';

/**
 * The kinds of record a trigger can watch, each with the audit `entity_type`s its module
 * writes. Modules that audit under another name extend the list (`extendRecordKind`); a
 * trigger can also name any entity type directly, so new tables need no change here.
 */
export interface RecordKind {
	label: string;
	entityTypes: string[];
}

export const RECORD_KINDS: Record<string, RecordKind> = {
	course: { label: '课程共建申报 Course Proposal', entityTypes: ['course', 'course_deliverable'] },
	placement: {
		label: '教师企业实践 Teacher Placement',
		entityTypes: ['exchange_placement', 'exchange_log'],
	},
	engagement: {
		label: '技师进课堂 Technician Engagement',
		entityTypes: ['exchange_engagement', 'exchange_session'],
	},
	station: { label: '实践流动站 Practice Station', entityTypes: ['exchange_station'] },
	patent: { label: '专利 Patent', entityTypes: ['registry_patent', 'patent'] },
	project: { label: '科研项目 Research Project', entityTypes: ['registry_project', 'project'] },
	approval: {
		label: '审批申请 Approval Request',
		entityTypes: ['approval_request', 'approval_stage', 'approval_slot'],
	},
	organisation: { label: '单位 Organisation', entityTypes: ['organisation'] },
	person: { label: '人员 Person', entityTypes: ['person'] },
};

export function extendRecordKind(kind: string, entityTypes: string[], label?: string): void {
	const existing = RECORD_KINDS[kind] ?? { label: label ?? kind, entityTypes: [] };
	existing.entityTypes = [...new Set([...existing.entityTypes, ...entityTypes])];
	RECORD_KINDS[kind] = existing;
}

/** The audit actions that mean an approval request reached its result (core/approval/steps.ts, finishRequest). */
export const APPROVAL_DECIDED: AuditMatcher[] = [
	{ entityType: 'approval_request', actions: ['approved', 'rejected'] },
];

export type EventName =
	| 'record.created'
	| 'record.updated'
	| 'record.deleted'
	| 'record.changed'
	| 'approval.decided'
	| 'approval.overdue'
	| 'deadline.window';

export interface WatchConfig {
	/** Record kinds (keys of RECORD_KINDS) and raw entity types to watch for changes. */
	recordKinds?: string[];
	entityTypes?: string[];
	/** Only these audit actions (create, update, delete, transition names …); empty means all. */
	actions?: string[];
	approvalDecided?: boolean;
	approvalOverdue?: boolean;
	/** Days ahead a deadline must come within to fire; null or absent: not watched. */
	deadlineWindowDays?: number | null;
}

export function recordMatchers(config: WatchConfig): AuditMatcher[] {
	const types = new Set<string>(config.entityTypes ?? []);
	for (const kind of config.recordKinds ?? []) {
		const known = RECORD_KINDS[kind];
		if (!known) throw new Error(`Unknown record kind "${kind}"`);
		for (const t of known.entityTypes) types.add(t);
	}
	const actions = config.actions?.filter(Boolean);
	return [...types].map((entityType) => ({
		entityType,
		actions: actions?.length ? actions : undefined,
	}));
}

export function auditMatchers(config: WatchConfig): AuditMatcher[] {
	return [...recordMatchers(config), ...(config.approvalDecided ? APPROVAL_DECIDED : [])];
}

export function isApprovalDecision(entityType: string, action: string): boolean {
	return APPROVAL_DECIDED.some(
		(m) => m.entityType === entityType && (!m.actions || m.actions.includes(action)),
	);
}

export function recordEventName(action: string): EventName {
	if (action === 'create') return 'record.created';
	if (action === 'update') return 'record.updated';
	if (action === 'delete') return 'record.deleted';
	return 'record.changed';
}

/** The record kind an entity type belongs to, for the event item. */
export function kindOf(entityType: string): string | null {
	for (const [key, kind] of Object.entries(RECORD_KINDS))
		if (kind.entityTypes.includes(entityType)) return key;
	return null;
}
