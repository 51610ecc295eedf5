import type { Migration } from './migration';

/**
 * `owed_round`: the notification round a decision at the link endpoint opened and still owes
 * the waiting execution. A hand-over that n8n refused for all its patience leaves it above
 * `handed_round`, which is how the stalled-hand-over sweep finds it; rounds the execution
 * opened itself (its first run, a timeout) are never owed.
 */
export const approvalOwedRound: Migration = {
	name: '0109_approval_owed_round',
	async up(db) {
		await db.schema
			.alterTable('approval_request')
			.addColumn('owed_round', 'integer', (c) => c.notNull().defaultTo(0))
			.execute();
	},
};
