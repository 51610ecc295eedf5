import type { Migration } from './migration';

/**
 * 退回修改 Return for amendment. `approval_amend` holds one row per return: who returned it,
 * the comment, the version that was returned (`previous`) and, once corrected, the version
 * resubmitted (`current`), so the history keeps both. The submitter's amend link is a token
 * derived from `token_salt` with the link secret; only its hash is stored, and it works once
 * (`resubmitted_at`). `approval_request.amend_config` is what the Request Approval node was
 * told at creation: the amend form's URL, its prefill and the stage to resume from.
 */
export const approvalAmend: Migration = {
	name: '0111_approval_amend',
	async up(db) {
		await db.schema
			.createTable('approval_amend')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('request_id', 'text', (c) => c.notNull())
			.addColumn('round', 'integer', (c) => c.notNull())
			.addColumn('stage_idx', 'integer', (c) => c.notNull())
			.addColumn('resume_from', 'text', (c) => c.notNull())
			.addColumn('returned_by', 'text', (c) => c.notNull())
			.addColumn('comment', 'text', (c) => c.notNull())
			.addColumn('previous', 'text', (c) => c.notNull())
			.addColumn('current', 'text')
			.addColumn('token_hash', 'text', (c) => c.notNull())
			.addColumn('token_salt', 'text', (c) => c.notNull())
			.addColumn('returned_at', 'text', (c) => c.notNull())
			.addColumn('resubmitted_at', 'text')
			.execute();
		await db.schema
			.createIndex('approval_amend_request')
			.on('approval_amend')
			.columns(['request_id', 'round'])
			.unique()
			.execute();
		await db.schema
			.createIndex('approval_amend_token')
			.on('approval_amend')
			.column('token_hash')
			.unique()
			.execute();
		await db.schema.alterTable('approval_request').addColumn('amend_config', 'text').execute();
	},
};
