import type { Migration } from './migration';

/**
 * When a request's result was handed out a second time because n8n lost the execution that
 * carried it (补投). Set once, by a conditional update: a result is redelivered at most once.
 */
export const approvalRedelivered: Migration = {
	name: '0102_approval_redelivered',
	async up(db) {
		await db.schema.alterTable('approval_request').addColumn('redelivered_at', 'text').execute();
	},
};
