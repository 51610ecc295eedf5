import { sql, type ExpressionBuilder } from 'kysely';
import type { AuditTable, Database } from '../store/schema';
import type { Tx } from '../store/store';
import type { Dialect } from '../store/types';
import type { AuditPosition, Snapshot } from './position';

/** Which audit rows a trigger wants: an entity type, and optionally only some actions. */
export interface AuditMatcher {
	entityType: string;
	actions?: readonly string[];
}

export interface AuditRecord
	extends Pick<
		AuditTable,
		'id' | 'at' | 'actor' | 'action' | 'entity_type' | 'entity_id' | 'changes' | 'note'
	> {
	seq: number;
	xid: string;
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

const COLUMNS = [
	'seq',
	'id',
	'at',
	'actor',
	'action',
	'entity_type',
	'entity_id',
	'changes',
	'note',
] as const;

/** The transactions PostgreSQL sees as finished right now: below xmax and not in xip. */
async function currentSnapshot(tx: Tx): Promise<Snapshot> {
	const { rows } = await sql<{ xmax: string; xip: string[] }>`
		select pg_snapshot_xmax(s)::text as xmax, array(select x::text from pg_snapshot_xip(s) as x order by 1) as xip
		from (select pg_current_snapshot() as s) as q`.execute(tx);
	return { xmax: rows[0].xmax, xip: rows[0].xip ?? [] };
}

/** Where a new cursor starts: after everything already written (and finished). */
export async function auditStart(tx: Tx, dialect: Dialect): Promise<AuditPosition> {
	if (dialect === 'postgres') return { seq: 0, snapshot: await currentSnapshot(tx) };
	const row = await tx
		.selectFrom('audit')
		.select((eb) => eb.fn.max('seq').as('seq'))
		.executeTakeFirst();
	return { seq: Number(row?.seq ?? 0) };
}

/** Up to `limit` matching rows after `position`, in the order the cursor walks them, and where it moves. */
export async function readAudit(
	tx: Tx,
	dialect: Dialect,
	position: AuditPosition,
	matchers: readonly AuditMatcher[],
	limit: number,
): Promise<AuditBatch> {
	return dialect === 'postgres'
		? readPostgres(tx, position, matchers, limit)
		: readSqlite(tx, position, matchers, limit);
}

async function readSqlite(
	tx: Tx,
	position: AuditPosition,
	matchers: readonly AuditMatcher[],
	limit: number,
): Promise<AuditBatch> {
	// This runs in a write transaction (BEGIN IMMEDIATE): no row can appear below `end` later.
	const end = (await auditStart(tx, 'sqlite')).seq;
	if (matchers.length === 0) return { rows: [], next: { seq: Math.max(position.seq, end) } };
	const rows = (
		(await tx
			.selectFrom('audit')
			.select([...COLUMNS, sql<string>`'0'`.as('xid')])
			.where('seq', '>', position.seq)
			.where('seq', '<=', end)
			.where((eb) => matching(eb, matchers))
			.orderBy('seq')
			.limit(limit)
			.execute()) as AuditRecord[]
	).map((r) => ({ ...r, seq: Number(r.seq) }));
	// A full batch may have more behind it; otherwise every row up to `end` was seen.
	const next =
		rows.length >= limit
			? { seq: rows[rows.length - 1].seq }
			: { seq: Math.max(position.seq, end) };
	return { rows, next };
}

async function readPostgres(
	tx: Tx,
	position: AuditPosition,
	matchers: readonly AuditMatcher[],
	limit: number,
): Promise<AuditBatch> {
	const previous = position.snapshot;
	if (!previous) throw new Error('Trigger cursor has no snapshot; it was made on another dialect');
	const target = position.target ?? (await currentSnapshot(tx));
	if (matchers.length === 0) return { rows: [], next: { seq: 0, snapshot: target } };
	let query = tx
		.selectFrom('audit')
		.select([...COLUMNS, sql<string>`xid::text`.as('xid')])
		// Finished in the target snapshot …
		.where(sql<boolean>`xid < ${target.xmax}::xid8`)
		.where(sql<boolean>`not (xid = any(${target.xip}::xid8[]))`)
		// … and not yet finished in the previous one.
		.where(sql<boolean>`(xid >= ${previous.xmax}::xid8 or xid = any(${previous.xip}::xid8[]))`)
		.where((eb) => matching(eb, matchers));
	if (position.target && position.after) {
		query = query.where(
			sql<boolean>`(xid, seq) > (${position.after.xid}::xid8, ${position.after.seq})`,
		);
	}
	const rows = (
		(await query
			.orderBy(sql`xid`)
			.orderBy('seq')
			.limit(limit)
			.execute()) as AuditRecord[]
	).map((r) => ({ ...r, seq: Number(r.seq) }));
	const last = rows[rows.length - 1];
	const next: AuditPosition =
		rows.length >= limit && last
			? { seq: 0, snapshot: previous, target, after: { xid: last.xid, seq: last.seq } }
			: { seq: 0, snapshot: target };
	return { rows, next };
}

/** The newest matching rows, whatever any cursor says: what "fetch test event" shows. */
export async function latestAudit(
	tx: Tx,
	dialect: Dialect,
	matchers: readonly AuditMatcher[],
	limit: number,
): Promise<AuditRecord[]> {
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
