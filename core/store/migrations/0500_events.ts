import { sql } from 'kysely';
import type { Migration } from './migration';

/**
 * Trigger cursors, and on PostgreSQL the audit row's transaction id.
 *
 * PostgreSQL assigns `seq` when a row is inserted, not when its transaction commits, so a
 * reader can see seq 7 while seq 6 is still uncommitted; a plain "seq > cursor" reader
 * would skip 6 for ever. Each audit row therefore records `xid` (its transaction's id,
 * `pg_current_xact_id()`), and readers walk the rows of transactions that finished between
 * two snapshots (see `core/events/position.ts`). SQLite serialises writers, so there seq
 * order is commit order.
 */
export const events: Migration = {
	name: '0500_events',
	async up(db, ctx) {
		if (ctx.dialect === 'postgres') {
			await sql`alter table audit add column xid xid8 not null default pg_current_xact_id()`.execute(
				db,
			);
			await sql`create index audit_xid_seq on audit (xid, seq)`.execute(db);
		}
		await db.schema
			.createTable('event_cursor')
			// `<workflow id>:<trigger node id>`: each workflow's trigger keeps its own place.
			.addColumn('key', 'text', (c) => c.primaryKey())
			.addColumn('workflow_id', 'text', (c) => c.notNull())
			.addColumn('node_id', 'text', (c) => c.notNull())
			// JSON `AuditPosition`: everything before it was emitted or passed over.
			.addColumn('position', 'text', (c) => c.notNull())
			.addColumn('started_at', 'text', (c) => c.notNull())
			.addColumn('updated_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createTable('event_fired')
			// Time-based events (overdue stages, deadlines) have no audit row to pass; the ids
			// already emitted per cursor keep them from firing twice.
			.addColumn('cursor_key', 'text', (c) => c.notNull())
			.addColumn('event_id', 'text', (c) => c.notNull())
			.addColumn('fired_at', 'text', (c) => c.notNull())
			.addPrimaryKeyConstraint('event_fired_pk', ['cursor_key', 'event_id'])
			.execute();
	},
};
