import type { Migration } from './migration';

/** Approval requests, their stages, approver slots (hashed tokens, decisions) and yearly numbering. */
export const approval: Migration = {
	name: '0100_approval',
	async up(db) {
		await db.schema
			.createTable('approval_sequence')
			.addColumn('prefix', 'text', (c) => c.notNull())
			.addColumn('year', 'integer', (c) => c.notNull())
			.addColumn('last', 'integer', (c) => c.notNull())
			.addPrimaryKeyConstraint('approval_sequence_pk', ['prefix', 'year'])
			.execute();

		await db.schema
			.createTable('approval_request')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('number', 'text', (c) => c.notNull().unique())
			.addColumn('subject_type', 'text', (c) => c.notNull())
			.addColumn('subject_id', 'text')
			.addColumn('title', 'text', (c) => c.notNull())
			.addColumn('subject_fields', 'text', (c) => c.notNull())
			.addColumn('submitter_email', 'text', (c) => c.notNull())
			.addColumn('submitter_name', 'text')
			.addColumn('cc', 'text', (c) => c.notNull())
			.addColumn('status', 'text', (c) => c.notNull())
			.addColumn('reason', 'text')
			.addColumn('reason_note', 'text')
			.addColumn('current_stage', 'integer')
			.addColumn('due_at', 'text')
			.addColumn('auto_pass', 'integer', (c) => c.notNull())
			.addColumn('link_base', 'text')
			.addColumn('execution_id', 'text')
			.addColumn('node_id', 'text')
			.addColumn('notify_round', 'integer', (c) => c.notNull().defaultTo(0))
			.addColumn('waited_round', 'integer', (c) => c.notNull().defaultTo(0))
			.addColumn('delivered', 'integer', (c) => c.notNull().defaultTo(0))
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('updated_at', 'text', (c) => c.notNull())
			.addColumn('decided_at', 'text')
			.execute();
		await db.schema
			.createIndex('approval_request_status_due')
			.on('approval_request')
			.columns(['status', 'due_at'])
			.execute();
		await db.schema
			.createIndex('approval_request_subject')
			.on('approval_request')
			.columns(['subject_type', 'subject_id'])
			.execute();
		await db.schema
			.createIndex('approval_request_execution')
			.on('approval_request')
			.columns(['execution_id', 'node_id'])
			.execute();
		await db.schema
			.createIndex('approval_request_created')
			.on('approval_request')
			.column('created_at')
			.execute();

		await db.schema
			.createTable('approval_stage')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('request_id', 'text', (c) => c.notNull().references('approval_request.id'))
			.addColumn('idx', 'integer', (c) => c.notNull())
			.addColumn('name', 'text', (c) => c.notNull())
			.addColumn('mode', 'text', (c) => c.notNull())
			.addColumn('quorum', 'integer')
			.addColumn('status', 'text', (c) => c.notNull())
			.addColumn('skip_if', 'text')
			.addColumn('due_hours', 'integer')
			.addColumn('remind_hours', 'integer')
			.addColumn('timeout_action', 'text', (c) => c.notNull())
			.addColumn('escalate_to', 'text', (c) => c.notNull())
			.addColumn('escalated', 'integer', (c) => c.notNull().defaultTo(0))
			.addColumn('due_at', 'text')
			.addColumn('started_at', 'text')
			.addColumn('finished_at', 'text')
			.execute();
		await db.schema
			.createIndex('approval_stage_request')
			.on('approval_stage')
			.columns(['request_id', 'idx'])
			.unique()
			.execute();

		await db.schema
			.createTable('approval_slot')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('request_id', 'text', (c) => c.notNull().references('approval_request.id'))
			.addColumn('stage_id', 'text', (c) => c.notNull().references('approval_stage.id'))
			.addColumn('stage_idx', 'integer', (c) => c.notNull())
			.addColumn('position', 'integer', (c) => c.notNull())
			.addColumn('email', 'text', (c) => c.notNull())
			.addColumn('name', 'text')
			.addColumn('status', 'text', (c) => c.notNull())
			.addColumn('token_hash', 'text', (c) => c.unique())
			.addColumn('token_salt', 'text')
			.addColumn('decided_at', 'text')
			.addColumn('comment', 'text')
			.addColumn('ip', 'text')
			.addColumn('user_agent', 'text')
			.addColumn('reassigned_from', 'text')
			.addColumn('added', 'integer', (c) => c.notNull().defaultTo(0))
			.addColumn('reminded_at', 'text')
			.addColumn('created_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('approval_slot_request')
			.on('approval_slot')
			.columns(['request_id', 'stage_idx', 'position'])
			.execute();
		await db.schema
			.createIndex('approval_slot_stage')
			.on('approval_slot')
			.columns(['stage_id', 'position'])
			.execute();
		await db.schema
			.createIndex('approval_slot_email_status')
			.on('approval_slot')
			.columns(['email', 'status'])
			.execute();
	},
};
