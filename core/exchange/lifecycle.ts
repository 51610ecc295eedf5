import { labelParts, quoted, StateError, ValidationError } from '../util/errors';

/** A state machine as data: which states each state may move to. */
export type Transitions = Record<string, readonly string[]>;

export const PLACEMENT_STATUSES = [
	'planned',
	'approved',
	'in_progress',
	'report_submitted',
	'assessed',
	'closed',
	'cancelled',
] as const;
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];

export const PLACEMENT_TRANSITIONS: Transitions = {
	planned: ['approved', 'cancelled'],
	approved: ['in_progress', 'cancelled'],
	in_progress: ['report_submitted', 'cancelled'],
	report_submitted: ['assessed'],
	assessed: ['closed'],
	closed: [],
	cancelled: [],
};

export const ENGAGEMENT_STATUSES = [
	'planned',
	'approved',
	'in_progress',
	'evaluated',
	'cancelled',
] as const;

export const ENGAGEMENT_TRANSITIONS: Transitions = {
	planned: ['approved', 'cancelled'],
	approved: ['in_progress', 'cancelled'],
	in_progress: ['evaluated', 'cancelled'],
	evaluated: [],
	cancelled: [],
};

export const STATUS_LABELS: Record<string, string> = {
	planned: '计划 Planned',
	approved: '已批准 Approved',
	in_progress: '实践中 In Progress',
	report_submitted: '已交报告 Report Submitted',
	assessed: '已考核 Assessed',
	closed: '已结束 Closed',
	cancelled: '已取消 Cancelled',
	evaluated: '已评价 Evaluated',
};

/** An engagement is taught, not practised: its in_progress reads 授课中, the rest as placements. */
export const ENGAGEMENT_STATUS_LABELS: Record<(typeof ENGAGEMENT_STATUSES)[number], string> = {
	planned: STATUS_LABELS.planned,
	approved: STATUS_LABELS.approved,
	in_progress: '授课中 In Progress',
	evaluated: STATUS_LABELS.evaluated,
	cancelled: STATUS_LABELS.cancelled,
};

export function assertTransition(
	machine: Transitions,
	entity: string,
	from: string,
	to: unknown,
	labels: Record<string, string> = STATUS_LABELS,
): asserts to is string {
	const zh = (status: string) => (labels[status] ?? status).split(' ')[0];
	// An unknown target is a bad input, not a refused step: name the field it came from.
	if (typeof to !== 'string' || !Object.hasOwn(machine, to))
		throw new ValidationError(
			`未知状态 ${quoted(to)} / Unknown status ${quoted(to)}`,
			'status',
			'enum',
		);
	if (!machine[from]?.includes(to)) {
		throw new StateError(
			`${labelParts(entity).zh}状态不能从「${zh(from)}」变为「${zh(to)}」，可变为：${machine[from]?.map(zh).join('、') || '无'} / ${labelParts(entity).en} cannot move from ${from} to ${to}; allowed: ${machine[from]?.join(', ') || 'none'}`,
			from,
			to,
		);
	}
}
