import type { Db, Tx } from '../store';
import { REASON_LABEL, REQUEST_STATUS_LABEL, SLOT_LABEL, STAGE_LABEL } from './labels';
import { amendmentsOf } from './amend';
import { findRequest } from './requests';
import { inSlotOrder, stagesOf, type RequestRow, type SlotRow, type StageRow } from './steps';
import type {
	RequestRecord,
	RequestStatus,
	ResultReason,
	SlotStatus,
	StageMode,
	StageStatus,
	TimeoutAction,
} from './types';

/**
 * The record view: a request as the workflow sees it, read from its three tables. What the
 * resumed item, Get, List and the pages carry; never a token.
 */

/** The whole decision record: stages, each approver's decision, time, comment. Never a token. */
export async function loadRecord(db: Db | Tx, idOrNumber: string): Promise<RequestRecord> {
	const request = await findRequest(db, idOrNumber);
	const stages = await stagesOf(db, request.id);
	const slots = inSlotOrder(
		await db.selectFrom('approval_slot').selectAll().where('request_id', '=', request.id).execute(),
	);
	const amendments = await amendmentsOf(db, request.id);
	const record = toRecord(request, stages, slots);
	return amendments.length ? { ...record, amendments } : record;
}

/** A stored status with its label; a status no label knows (an older row) is shown as stored. */
function withLabel<S extends string>(status: string, labels: Record<S, string>) {
	return { status: status as S, statusLabel: labels[status as S] ?? status };
}

export function toRecord(request: RequestRow, stages: StageRow[], slots: SlotRow[]): RequestRecord {
	return {
		requestId: request.id,
		requestNumber: request.number,
		...withLabel<RequestStatus>(request.status, REQUEST_STATUS_LABEL),
		reason: request.reason as ResultReason | null,
		reasonLabel: request.reason
			? (REASON_LABEL[request.reason as ResultReason] ?? request.reason)
			: null,
		reasonNote: request.reason_note,
		subject: {
			type: request.subject_type,
			id: request.subject_id,
			title: request.title,
			fields: JSON.parse(request.subject_fields),
		},
		submitter: { email: request.submitter_email, name: request.submitter_name },
		cc: JSON.parse(request.cc),
		currentStage: request.current_stage,
		stages: stages.map((s) => ({
			index: s.idx,
			name: s.name,
			mode: s.mode as StageMode,
			quorum: s.quorum,
			...withLabel<StageStatus>(s.status, STAGE_LABEL),
			dueAt: s.due_at,
			startedAt: s.started_at,
			finishedAt: s.finished_at,
			timeoutAction: s.timeout_action as TimeoutAction,
			escalated: Boolean(s.escalated),
			approvers: slots
				.filter((a) => a.stage_id === s.id)
				.map((a) => ({
					slotId: a.id,
					email: a.email,
					name: a.name,
					...withLabel<SlotStatus>(a.status, SLOT_LABEL),
					decidedAt: a.decided_at,
					comment: a.comment,
					ip: a.ip,
					userAgent: a.user_agent,
					reassignedFrom: a.reassigned_from,
					delegatedFrom: a.delegated_from,
					added: Boolean(a.added),
				})),
		})),
		createdAt: request.created_at,
		decidedAt: request.decided_at,
		dueAt: request.due_at,
		executionId: request.execution_id,
	};
}

/**
 * The base the request's approver links are built on (the link endpoint, or its execution's
 * resume URL), for notifications made after the request was created.
 */
export async function readLinkBase(db: Db | Tx, requestId: string): Promise<string | null> {
	const row = await db
		.selectFrom('approval_request')
		.select('link_base')
		.where('id', '=', requestId)
		.executeTakeFirstOrThrow();
	return row.link_base;
}
