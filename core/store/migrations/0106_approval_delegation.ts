import type { Migration } from './migration';

/**
 * 委托 delegation: an approver names a deputy for a date range; a slot whose turn comes in
 * that range opens for the deputy, remembering whom they act for (`delegated_from`).
 */
export const approvalDelegation: Migration = {
	name: '0106_approval_delegation',
	async up(db) {
		await db.schema
			.createTable('approval_delegation')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('email', 'text', (c) => c.notNull())
			.addColumn('deputy_email', 'text', (c) => c.notNull())
			.addColumn('deputy_name', 'text')
			.addColumn('from_date', 'text', (c) => c.notNull())
			.addColumn('to_date', 'text', (c) => c.notNull())
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('revoked_at', 'text')
			.execute();
		await db.schema
			.createIndex('approval_delegation_email')
			.on('approval_delegation')
			.column('email')
			.execute();
		await db.schema.alterTable('approval_slot').addColumn('delegated_from', 'text').execute();
	},
};
