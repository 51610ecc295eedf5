import type { Migration } from './migration';

/**
 * Approver links point at the permanent link endpoint (`link_base`); the waiting execution is
 * told through its own resume URL (`resume_url`). `handed_round` is the last notification round
 * handed to that execution, claimed by a conditional update so a retried hand-over never
 * sends the next approvers' mails twice.
 */
export const approvalLinks: Migration = {
	name: '0103_approval_links',
	async up(db) {
		await db.schema.alterTable('approval_request').addColumn('resume_url', 'text').execute();
		await db.schema
			.alterTable('approval_request')
			.addColumn('handed_round', 'integer', (c) => c.notNull().defaultTo(0))
			.execute();
	},
};
