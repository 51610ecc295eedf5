/** Vocabulary of the approval module, shared by the store, the state machine, pages and nodes. */

/** 依次 one after another · 会签 all · 或签 any one (first response wins) · N of M. */
export const STAGE_MODES = ['sequential', 'all', 'any', 'quorum'] as const;
export type StageMode = (typeof STAGE_MODES)[number];

export const TIMEOUT_ACTIONS = ['none', 'escalate', 'approve', 'reject'] as const;
export type TimeoutAction = (typeof TIMEOUT_ACTIONS)[number];

export const SKIP_OPERATORS = [
	'equals',
	'notEquals',
	'lessThan',
	'greaterThan',
	'contains',
	'isEmpty',
	'isNotEmpty',
] as const;
export type SkipOperator = (typeof SKIP_OPERATORS)[number];

/** returned: 退回修改, waiting for the submitter's correction under the same number. */
export const REQUEST_STATUSES = ['pending', 'approved', 'rejected', 'returned'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export type StageStatus = 'waiting' | 'active' | 'approved' | 'rejected' | 'skipped' | 'returned';
/**
 * waiting: a later turn in a sequential stage · pending: may decide now ·
 * approved / rejected: decided · passed: auto-passed · closed: the stage ended without them ·
 * expired: the stage timed out · revoked: reassigned away · returned: returned for amendment
 * (the returner's slot, and the round's open slots) · superseded: a decision of a round before
 * the request was corrected, kept for history but no longer counted.
 */
export type SlotStatus =
	| 'waiting'
	| 'pending'
	| 'approved'
	| 'rejected'
	| 'passed'
	| 'closed'
	| 'expired'
	| 'revoked'
	| 'returned'
	| 'superseded';

export interface Person {
	email: string;
	name: string | null;
}

export interface SkipCondition {
	field: string;
	operator: SkipOperator;
	value: string;
}

export interface StageSpec {
	name: string;
	mode: StageMode;
	approvers: Person[];
	/** Approvals needed when mode is quorum. */
	quorum: number | null;
	skipIf: SkipCondition | null;
	/** Hours from activation to the due time; null waits without limit. */
	dueHours: number | null;
	/** Working days of the consortium's calendar from activation; when set, wins over `dueHours`. */
	dueWorkingDays: number | null;
	remindEveryHours: number | null;
	/** 催办 interval in working days of the consortium's calendar; when set, wins over `remindEveryHours`. */
	remindEveryWorkingDays: number | null;
	timeoutAction: TimeoutAction;
	escalateTo: Person[];
}

export interface SubjectSpec {
	type: string;
	id: string | null;
	title: string;
	/** Label → value shown in the summary on pages and emails, in order. */
	fields: Array<{ label: string; value: string }>;
}

export interface RequestSpec {
	subject: SubjectSpec;
	submitter: Person;
	cc: Person[];
	stages: StageSpec[];
	numberPrefix: string;
	/** An approver who approved an earlier stage is passed automatically. */
	autoPassRepeatApprover: boolean;
	/** Where links point, without token: the permanent link endpoint (or, for a node without one, the resume URL). */
	linkBase: string | null;
	/** The waiting execution's resume URL for the node, where outcomes reached through the endpoint are handed over. */
	resumeUrl?: string | null;
	executionId: string | null;
	nodeId: string | null;
}

/** return: 退回修改, send the request back to its submitter for correction (comment required). */
export type Decision = 'approve' | 'reject' | 'return';

/** Why a request ended, besides ordinary decisions. */
export type ResultReason = 'decided' | 'withdrawn' | 'timeout' | 'no_stages' | 'returned';

export interface ApproverRecord {
	slotId: string;
	email: string;
	name: string | null;
	status: SlotStatus;
	/** The status as clerks read it, Chinese first: 同意 Approved. */
	statusLabel: string;
	decidedAt: string | null;
	comment: string | null;
	ip: string | null;
	userAgent: string | null;
	reassignedFrom: string | null;
	/** 委托: whom this approver (a deputy) acts for. */
	delegatedFrom: string | null;
	added: boolean;
}

export interface StageRecord {
	index: number;
	name: string;
	mode: StageMode;
	quorum: number | null;
	status: StageStatus;
	statusLabel: string;
	dueAt: string | null;
	startedAt: string | null;
	finishedAt: string | null;
	timeoutAction: TimeoutAction;
	escalated: boolean;
	approvers: ApproverRecord[];
}

/** The whole decision record: what the resumed item and Get carry. */
export interface RequestRecord {
	requestId: string;
	requestNumber: string;
	status: RequestStatus;
	/** Chinese first, for spreadsheets and mails: 审批中 Pending, 已通过 Approved, 未通过 Rejected. */
	statusLabel: string;
	reason: ResultReason | null;
	reasonLabel: string | null;
	reasonNote: string | null;
	subject: SubjectSpec;
	submitter: Person;
	cc: Person[];
	currentStage: number | null;
	stages: StageRecord[];
	createdAt: string;
	decidedAt: string | null;
	dueAt: string | null;
	executionId: string | null;
	/** 退回修改: each return with the version before the correction, oldest first. */
	amendments?: AmendmentRecord[];
}

/** One return for amendment, with the version that was returned and the one resubmitted. */
export interface AmendmentRecord {
	round: number;
	stage: number;
	returnedBy: string;
	returnedAt: string;
	comment: string;
	resumeFrom: 'returning' | 'first';
	previous: { title: string; fields: Array<{ label: string; value: string }> };
	resubmittedAt: string | null;
	current: { title: string; fields: Array<{ label: string; value: string }> } | null;
}

/** One message to send: a notification item on the node's Notify output. */
export interface Notification {
	kind: 'request' | 'reminder' | 'cc' | 'result' | 'due' | 'returned';
	to: string;
	cc: string;
	subject: string;
	html: string;
	text: string;
	link: string | null;
	approver: string | null;
	approverName: string | null;
	requestNumber: string;
	requestId: string;
	stage: number | null;
	/** Approver notices only: the same approval as WeCom / DingTalk / Feishu payloads (`channelPayloads`). */
	channels?: Record<string, unknown> | null;
}
