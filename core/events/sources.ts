import { addDays, daysBetween } from '../util/time';
import { registerTimedSource } from './timed';

/**
 * The built-in clock sources. Each reads another module's tables by name and is skipped
 * while those tables do not exist, so the trigger works with whichever modules are present.
 */

// Approval: a stage still active after its due time. The id carries the due time, so a
// stage whose deadline is extended (reassign, escalate) can fire again for the new one.
registerTimedSource({
	name: 'approval-stage-overdue',
	event: 'approval.overdue',
	tables: ['approval_stage', 'approval_request'],
	async collect(tx, { now }) {
		const rows = await (tx as any)
			.selectFrom('approval_stage as s')
			.innerJoin('approval_request as r', 'r.id', 's.request_id')
			.select([
				's.id as stage_id',
				's.idx',
				's.name as stage_name',
				's.due_at',
				's.timeout_action',
				'r.id as request_id',
				'r.number',
				'r.title',
				'r.status as request_status',
			])
			.where('s.status', '=', 'active')
			.where('r.status', '=', 'pending')
			.where('s.due_at', 'is not', null)
			.where('s.due_at', '<=', now)
			.orderBy('s.due_at')
			.execute();
		return rows.map((r: any) => ({
			eventId: `overdue:${r.stage_id}:${r.due_at}`,
			event: 'approval.overdue' as const,
			entityType: 'approval_request',
			entityId: r.request_id,
			due: r.due_at,
			title: r.title,
			detail: {
				requestNumber: r.number,
				stageId: r.stage_id,
				stageIndex: r.idx,
				stageName: r.stage_name,
				timeoutAction: r.timeout_action,
			},
		}));
	},
});

// Registry: its deadline index (annual fees, grace ends, exam responses, project milestones).
registerTimedSource({
	name: 'registry-deadline',
	event: 'deadline.window',
	tables: ['registry_deadline'],
	async collect(tx, { today, windowDays }) {
		const rows = await (tx as any)
			.selectFrom('registry_deadline')
			.selectAll()
			.where('due_on', '>=', today)
			.where('due_on', '<=', addDays(today, windowDays))
			.orderBy('due_on')
			.orderBy('id')
			.execute();
		return rows.map((r: any) => ({
			eventId: `deadline:${r.subject_type}:${r.subject_id}:${r.kind}:${r.due_on}`,
			event: 'deadline.window' as const,
			entityType: r.subject_type,
			entityId: r.subject_id,
			due: r.due_on,
			title: r.subject_title,
			detail: {
				deadlineKind: r.kind,
				subjectNo: r.subject_no,
				ownerId: r.owner_id,
				daysLeft: daysBetween(today, r.due_on),
				info: parse(r.detail),
			},
		}));
	},
});

// Course deliverables still open with a due date.
registerTimedSource({
	name: 'course-deliverable-due',
	event: 'deadline.window',
	tables: ['course_deliverable', 'course'],
	async collect(tx, { today, windowDays }) {
		const rows = await (tx as any)
			.selectFrom('course_deliverable as d')
			.innerJoin('course as c', 'c.id', 'd.course_id')
			.select([
				'd.id',
				'd.kind',
				'd.title',
				'd.due_on',
				'd.status',
				'c.id as course_id',
				'c.code',
				'c.name as course_name',
			])
			.where('d.completed_on', 'is', null)
			.where('d.due_on', '>=', today)
			.where('d.due_on', '<=', addDays(today, windowDays))
			.orderBy('d.due_on')
			.execute();
		return rows.map((r: any) => ({
			eventId: `deadline:course_deliverable:${r.id}:due:${r.due_on}`,
			event: 'deadline.window' as const,
			entityType: 'course_deliverable',
			entityId: r.id,
			due: r.due_on,
			title: r.title ?? `${r.course_name} · ${r.kind}`,
			detail: {
				deadlineKind: `deliverable:${r.kind}`,
				courseId: r.course_id,
				courseCode: r.code,
				status: r.status,
				daysLeft: daysBetween(today, r.due_on),
			},
		}));
	},
});

function parse(text: string | null): unknown {
	if (!text) return null;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}
