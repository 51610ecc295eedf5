import type { Actor } from '../store';
import {
	audit,
	claimDelivery,
	lockRequest,
	stepContext,
	type ApprovalEnv,
	type Change,
} from './steps';
import { claimNotifyRound } from './waiting-execution';
import { loadRecord } from './record';
import type { RequestRecord } from './types';

/**
 * Stalled hand-overs: outcomes the link endpoint (or 撤回, expiry) could not tell the waiting
 * execution within its patience — n8n refused every try, under load or while restarting. The
 * decision is recorded; what is missing is the execution's next step: the next approvers'
 * mails (an owed round) or the result. A scheduled sweep finds them here and hands them over
 * again; where the execution is gone, it takes the step itself, once.
 */
export type StalledHandOver = {
	requestId: string;
	number: string;
	/** Where the waiting execution is told (its resume URL; older requests: the link base). */
	url: string;
} & ({ kind: 'result' } | { kind: 'notify'; round: number; slotIds: string[] });

export interface StalledQuery {
	/** Changes younger than this are left to the endpoint's own retries. */
	quietMs: number;
	/** Older changes are left alone: a sweep newly switched on does not mail the whole past. */
	lookBackMs: number;
}

export async function findStalledHandOvers(
	env: ApprovalEnv,
	{ quietMs, lookBackMs }: StalledQuery,
): Promise<StalledHandOver[]> {
	const now = env.now ?? new Date();
	const rows = await env.store.db
		.selectFrom('approval_request')
		.select([
			'id',
			'number',
			'status',
			'resume_url',
			'link_base',
			'owed_round',
			'handed_round',
			'current_stage',
		])
		.where('updated_at', '<=', new Date(now.getTime() - quietMs).toISOString())
		.where('updated_at', '>=', new Date(now.getTime() - lookBackMs).toISOString())
		.where((eb) =>
			eb.or([
				eb.and([eb('status', '!=', 'pending'), eb('delivered', '=', 0)]),
				eb.and([eb('status', '=', 'pending'), eb('owed_round', '>', eb.ref('handed_round'))]),
			]),
		)
		.orderBy('id')
		.execute();
	const stalled: StalledHandOver[] = [];
	for (const row of rows) {
		const url = row.resume_url ?? row.link_base;
		if (!url) continue;
		const base = { requestId: row.id, number: row.number, url };
		if (row.status !== 'pending') {
			stalled.push({ ...base, kind: 'result' });
			continue;
		}
		const open = await env.store.db
			.selectFrom('approval_slot')
			.select('id')
			.where('request_id', '=', row.id)
			.where('stage_idx', '=', row.current_stage)
			.where('status', '=', 'pending')
			.orderBy('position')
			.execute();
		if (open.length)
			stalled.push({
				...base,
				kind: 'notify',
				round: row.owed_round,
				slotIds: open.map((s) => s.id),
			});
	}
	return stalled;
}

/**
 * The execution that should have taken a stalled result is gone: the sweep claims the
 * delivery itself (once, whoever else tries) and returns the record for the result mail.
 */
export async function takeOverResult(
	env: ApprovalEnv,
	requestId: string,
	actor: Actor,
): Promise<RequestRecord | null> {
	return env.store.transaction(async (tx) => {
		const ctx = stepContext(env, tx, actor);
		const request = await lockRequest(ctx, requestId);
		if (!request || request.status === 'pending') return null;
		if (!(await claimDelivery(ctx, requestId))) return null;
		await audit(ctx, 'hand_over_taken', 'approval_request', requestId, { kind: 'result' });
		return loadRecord(tx, requestId);
	});
}

/**
 * The execution that should have mailed an owed round is gone: the sweep claims the round
 * (once) and returns the change whose approvers it mails itself.
 */
export async function takeOverRound(
	env: ApprovalEnv,
	stalled: Extract<StalledHandOver, { kind: 'notify' }>,
	actor: Actor,
): Promise<Change | null> {
	const change = await claimNotifyRound(env, stalled.requestId, stalled.round, stalled.slotIds);
	if (!change) return null;
	await env.store.transaction(async (tx) =>
		audit(stepContext(env, tx, actor), 'hand_over_taken', 'approval_request', stalled.requestId, {
			kind: 'notify',
			round: stalled.round,
		}),
	);
	return change;
}
