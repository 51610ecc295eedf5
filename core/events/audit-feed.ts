import { sql, type ExpressionBuilder } from 'kysely';
import type { Database } from '../store/schema';
import type { Tx } from '../store/store';
import type { Dialect } from '../store/types';
import { maxPosition, type AuditPosition } from './position';

/** Which audit rows a trigger wants: an entity type, and optionally only some actions. */
export interface AuditMatcher {
	entityType: string;
	actions?: readonly string[];
}

export interface AuditRecord {
	seq: number;
	xid: string;
	id: string;
	at: string;
	actor: string;
	action: string;
	entity_type: string;
	entity_id: string;
	changes: string | null;
	note: string | null;
}

export interface AuditBatch {
	rows: AuditRecord[];
	/** Where the cursor may move: past the last row, or past everything final when the batch was not full. */
	next: AuditPosition;
}

function matching(eb: ExpressionBuilder<Database, 'audit'>, matchers: readonly AuditMatcher[]) {
	return eb.or(
		matchers.map((m) =>
			m.actions?.length
				? eb.and([eb('entity_type', '=', m.entityType), eb('action', 'in', [...m.actions])])
				: eb('entity_type', '=', m.entityType),
		),
	);
}

const COLUMNS = ['seq', 'id', 'at', 'actor', 'action', 'entity_type', 'entity_id', 'changes', 'note'] as const;

/**
 * The position below which the audit trail can no longer change. PostgreSQL: every row
 * whose transaction id is older than the oldest running transaction (`pg_snapshot_xmin`)
 * is committed or gone for good, so `(xmin, -1)` bounds a set that cannot grow. SQLite
 * serialises writers, and this runs inside a write transaction: the newest seq is final.
 */
export async function auditHorizon(tx: Tx, dialect: Dialect): Promise<AuditPosition> {
	if (dialect === 'postgres') {
		const { rows } = await sql<{ xmin: string }>`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`.execute(tx);
		return { xid: rows[0].xmin, seq: -1 };
	}
	const row = await tx.selectFrom('audit').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
	return { xid: '0', seq: Number(row?.seq ?? 0) };
}

/** Up to `limit` matching rows after `after`, in the order the cursor walks them. */
export async function readAudit(
	tx: Tx,
	dialect: Dialect,
	after: AuditPosition,
	matchers: readonly AuditMatcher[],
	limit: number,
): Promise<AuditBatch> {
	const horizon = await auditHorizon(tx, dialect);
	if (matchers.length === 0) return { rows: [], next: maxPosition(after, horizon) };
	let rows: AuditRecord[];
	if (dialect === 'postgres') {
		rows = (await tx
			.selectFrom('audit')
			.select([...COLUMNS, sql<string>`xid::text`.as('xid')])
			.where(sql<boolean>`xid < ${horizon.xid}::xid8`)
			.where(sql<boolean>`(xid, seq) > (${after.xid}::xid8, ${after.seq})`)
			.where((eb) => matching(eb, matchers))
			.orderBy(sql`xid`)
			.orderBy('seq')
			.limit(limit)
			.execute()) as AuditRecord[];
	} else {
		rows = (await tx
			.selectFrom('audit')
			.select([...COLUMNS, sql<string>`'0'`.as('xid')])
			.where('seq', '>', after.seq)
			.where('seq', '<=', horizon.seq)
			.where((eb) => matching(eb, matchers))
			.orderBy('seq')
			.limit(limit)
			.execute()) as AuditRecord[];
	}
	rows = rows.map((r) => ({ ...r, seq: Number(r.seq) }));
	const last = rows.at(-1);
	// A full batch may have more behind it: stop at its last row. Otherwise every matching
	// row below the horizon was read, and the rows passed over will never match.
	const next = rows.length >= limit && last ? { xid: last.xid, seq: last.seq } : maxPosition(after, horizon);
	return { rows, next };
}

/** The newest matching rows, whatever any cursor says: what "fetch test event" shows. */
export async function latestAudit(tx: Tx, dialect: Dialect, matchers: readonly AuditMatcher[], limit: number): Promise<AuditRecord[]> {
	if (matchers.length === 0) return [];
	const xid = dialect === 'postgres' ? sql<string>`xid::text` : sql<string>`'0'`;
	const rows = (await tx
		.selectFrom('audit')
		.select([...COLUMNS, xid.as('xid')])
		.where((eb) => matching(eb, matchers))
		.orderBy('seq', 'desc')
		.limit(limit)
		.execute()) as AuditRecord[];
	return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}
