import type { Migration } from './migration';

/**
 * 待办 inbox links: one personal link per approver listing every request waiting on them.
 * As for decision links, only the token's hash is kept; the token is derived from the link
 * secret and the salt, so a copy of the store alone opens no inbox.
 */
export const approvalInbox: Migration = {
	name: '0105_approval_inbox',
	async up(db) {
		await db.schema
			.createTable('approval_inbox')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('email', 'text', (c) => c.notNull())
			.addColumn('token_hash', 'text', (c) => c.notNull().unique())
			.addColumn('token_salt', 'text', (c) => c.notNull())
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('expires_at', 'text', (c) => c.notNull())
			.addColumn('revoked_at', 'text')
			.execute();
		await db.schema
			.createIndex('approval_inbox_email')
			.on('approval_inbox')
			.column('email')
			.execute();
	},
};
