import { StateError } from '../util/errors';

/**
 * The proposal lifecycle. `returned` is a draft sent back with a reason (after rejection
 * or by an approver), editable and submittable again; `withdrawn` and `completed` end it.
 */
export const COURSE_STATES = [
	'draft',
	'submitted',
	'under_approval',
	'approved',
	'in_development',
	'midterm_check',
	'acceptance',
	'completed',
	'rejected',
	'returned',
	'withdrawn',
] as const;
export type CourseState = (typeof COURSE_STATES)[number];

export const COURSE_STATE_LABELS: Record<CourseState, string> = {
	draft: '草稿 Draft',
	submitted: '已提交 Submitted',
	under_approval: '审批中 Under Approval',
	approved: '已立项 Approved',
	in_development: '建设中 In Development',
	midterm_check: '中期检查 Mid-term Check',
	acceptance: '结题验收 Acceptance',
	completed: '已完成 Completed',
	rejected: '未通过 Rejected',
	returned: '退回修改 Returned',
	withdrawn: '已撤回 Withdrawn',
};

/** Where each state may go next. Mid-term check and acceptance may send the work back for rework. */
export const COURSE_TRANSITIONS: Record<CourseState, readonly CourseState[]> = {
	draft: ['submitted', 'withdrawn'],
	returned: ['submitted', 'withdrawn'],
	submitted: ['under_approval', 'rejected', 'returned', 'withdrawn'],
	under_approval: ['approved', 'rejected', 'returned', 'withdrawn'],
	rejected: ['returned'],
	approved: ['in_development'],
	in_development: ['midterm_check'],
	midterm_check: ['acceptance', 'in_development'],
	acceptance: ['completed', 'in_development'],
	completed: [],
	withdrawn: [],
};

/** States in which the proposal's content may still be edited. */
export const EDITABLE_STATES: readonly CourseState[] = ['draft', 'returned'];

export function isCourseState(value: unknown): value is CourseState {
	return typeof value === 'string' && (COURSE_STATES as readonly string[]).includes(value);
}

export function canTransition(from: CourseState, to: CourseState): boolean {
	return COURSE_TRANSITIONS[from].includes(to);
}

/** Throws a StateError that names the current and the requested state, and what is allowed instead. */
export function assertTransition(from: CourseState, to: CourseState): void {
	if (canTransition(from, to)) return;
	const allowed = COURSE_TRANSITIONS[from];
	throw new StateError(
		`课程状态不能从「${COURSE_STATE_LABELS[from]}」变为「${COURSE_STATE_LABELS[to]}」 / ` +
			`Cannot move a course from "${from}" to "${to}"; allowed from "${from}": ${allowed.length ? allowed.join(', ') : 'none (final state)'}`,
		from,
		to,
	);
}
