import type { Migration } from './migration';

/**
 * 附件 attachments of approval requests (issue #19): the syllabus, the contract, the budget
 * a form's file fields carried. The bytes live here, in the store, not in any mail: the
 * decision and inbox pages link to a download that needs the approver's token. `size` and
 * `sha256` are kept beside the bytes so a listing never reads the content.
 */
export const approvalAttachment: Migration = {
	name: '0110_approval_attachment',
	async up(db, ctx) {
		await db.schema
			.createTable('approval_attachment')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('request_id', 'text', (c) => c.notNull().references('approval_request.id'))
			.addColumn('position', 'integer', (c) => c.notNull())
			.addColumn('file_name', 'text', (c) => c.notNull())
			.addColumn('mime_type', 'text', (c) => c.notNull())
			.addColumn('size', 'integer', (c) => c.notNull())
			.addColumn('sha256', 'text', (c) => c.notNull())
			.addColumn('content', ctx.dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
			.addColumn('created_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('approval_attachment_request')
			.on('approval_attachment')
			.columns(['request_id', 'position'])
			.execute();
	},
};
