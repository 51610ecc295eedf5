import type {
	RequestStatus,
	ResultReason,
	SkipOperator,
	SlotStatus,
	StageMode,
	StageStatus,
	TimeoutAction,
} from './types';

/** Chinese first, English beside: the words pages and emails share. */
export const MODE_LABEL: Record<StageMode, string> = {
	sequential: '依次审批 Sequential',
	all: '会签 All must approve',
	any: '或签 Any one decides',
	quorum: '多数通过 Quorum',
};

/** What happens when a stage passes its due time; the node's options are built from this. */
export const TIMEOUT_ACTION_LABEL: Record<TimeoutAction, string> = {
	none: '无 None',
	escalate: '升级给指定人员 Escalate',
	approve: '自动通过 Auto-Approve',
	reject: '自动拒绝 Auto-Reject',
};

/** How a stage's skip condition compares the subject's field with its value. */
export const SKIP_OPERATOR_LABEL: Record<SkipOperator, string> = {
	equals: '等于 Equals',
	notEquals: '不等于 Not Equals',
	lessThan: '小于 Less Than',
	greaterThan: '大于 Greater Than',
	contains: '包含 Contains',
	isEmpty: '为空 Is Empty',
	isNotEmpty: '不为空 Is Not Empty',
};

export const SLOT_LABEL: Record<SlotStatus, string> = {
	waiting: '待轮到 Waiting for turn',
	pending: '待审批 Pending',
	approved: '同意 Approved',
	rejected: '拒绝 Rejected',
	passed: '自动通过 Auto-passed',
	closed: '无需审批 Not needed',
	expired: '已超时 Expired',
	revoked: '已转交 Reassigned',
	returned: '已退回修改 Returned',
	superseded: '上一轮 Previous round',
};

export const STAGE_LABEL: Record<StageStatus, string> = {
	waiting: '未开始 Not started',
	active: '进行中 In progress',
	approved: '已通过 Approved',
	rejected: '已拒绝 Rejected',
	skipped: '已跳过 Skipped',
	returned: '已退回修改 Returned',
};

export const REQUEST_STATUS_LABEL: Record<RequestStatus, string> = {
	pending: '审批中 Pending',
	approved: '已通过 Approved',
	rejected: '未通过 Rejected',
	returned: '已退回修改 Returned',
};

export const REASON_LABEL: Record<ResultReason, string> = {
	decided: '已决定 Decided',
	withdrawn: '已撤回 Withdrawn',
	timeout: '超时 Timed Out',
	no_stages: '无审批阶段 No Stages',
	returned: '退回修改 Returned for amendment',
};

export function modeText(mode: StageMode, quorum: number | null, approvers: number): string {
	return mode === 'quorum' ? `${MODE_LABEL.quorum} ${quorum}/${approvers}` : MODE_LABEL[mode];
}
