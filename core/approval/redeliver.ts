import { writeAudit, type Actor } from '../store';
import { stepContext, type ApprovalEnv } from './steps';
import { loadRecord } from './record';
import type { RequestRecord } from './types';

/**
 * 补投: hands out once more the results that an execution n8n lost was carrying.
 *
 * A decision is recorded, and the result claimed for delivery, before n8n runs the rest of
 * the workflow. If that run then dies — in queue mode n8n fails, never retries, a job whose
 * worker was killed (Bull's `maxStalledCount` is 0) — the Approved or Rejected branch never
 * ran. n8n then starts the workflow's error workflow with the failed execution's id; given
 * that id, this returns each finished request the execution carried. A conditional claim
 * makes it at most once per request, however many error runs nextStepOnReturn.
 */
export async function redeliverResults(
	env: ApprovalEnv,
	executionId: string,
	actor: Actor,
): Promise<RequestRecord[]> {
	const carried = await env.store.db
		.selectFrom('approval_request')
		.select('id')
		.where('execution_id', '=', executionId)
		.where('status', '!=', 'pending')
		.where('delivered', '=', 1)
		.where('redelivered_at', 'is', null)
		.orderBy('id')
		.execute();
	const records: RequestRecord[] = [];
	for (const { id } of carried) {
		// The record is read in the claiming transaction: if reading fails, the claim is undone.
		const record = await env.store.transaction(async (tx) => {
			const ctx = stepContext(env, tx, actor);
			const result = await tx
				.updateTable('approval_request')
				.set({ redelivered_at: ctx.now.toISOString() })
				.where('id', '=', id)
				.where('redelivered_at', 'is', null)
				.executeTakeFirst();
			if (Number(result.numUpdatedRows) !== 1) return null;
			await writeAudit(tx, {
				...actor,
				action: 'redeliver',
				entityType: 'approval_request',
				entityId: id,
				changes: { executionId },
			});
			return loadRecord(tx, id);
		});
		if (record) records.push(record);
	}
	return records;
}
