import { dateInZone } from '../util/time';
import type { Store, Tx } from '../store/store';
import type { Dialect } from '../store/types';
import { auditStart, latestAudit, readAudit, type AuditRecord } from './audit-feed';
import {
	auditMatchers,
	isApprovalDecision,
	kindOf,
	recordEventName,
	type EventName,
	type WatchConfig,
} from './kinds';
import { formatPosition, parsePosition } from './position';
import { existingTables, timedSources, type TimedEvent } from './timed';
import './schema';
import './sources';

/** One event as the trigger emits it. `eventId` is stable: the same change always has the same id. */
export interface ConsortiumEvent {
	eventId: string;
	event: EventName;
	kind: string | null;
	entityType: string;
	entityId: string;
	action: string | null;
	/** When it happened (audit time), or what fell due. */
	at: string | null;
	due: string | null;
	actor: string | null;
	title: string | null;
	changes: unknown;
	note: string | null;
	detail: Record<string, unknown> | null;
	/** Where the change sits in the audit trail; ordering only, not an identity. */
	auditSeq: number | null;
}

export interface PollOptions extends WatchConfig {
	workflowId: string;
	nodeId: string;
	timeZone: string;
	/** Most audit rows one poll emits; the rest wait for the next poll. */
	limit?: number;
	now?: Date;
}

export function cursorKey(workflowId: string, nodeId: string): string {
	return `${workflowId}:${nodeId}`;
}

function fromAudit(row: AuditRecord): ConsortiumEvent {
	let changes: unknown = null;
	try {
		changes = row.changes === null ? null : JSON.parse(row.changes);
	} catch {
		changes = row.changes;
	}
	return {
		eventId: row.id,
		event: isApprovalDecision(row.entity_type, row.action)
			? 'approval.decided'
			: recordEventName(row.action),
		kind: kindOf(row.entity_type),
		entityType: row.entity_type,
		entityId: row.entity_id,
		action: row.action,
		at: row.at,
		due: null,
		actor: row.actor,
		title: null,
		changes,
		note: row.note,
		detail: null,
		auditSeq: row.seq,
	};
}

function fromTimed(event: TimedEvent): ConsortiumEvent {
	return {
		eventId: event.eventId,
		event: event.event,
		kind: kindOf(event.entityType),
		entityType: event.entityType,
		entityId: event.entityId,
		action: null,
		at: null,
		due: event.due,
		actor: null,
		title: event.title,
		changes: null,
		note: null,
		detail: event.detail,
		auditSeq: null,
	};
}

/** Everything the clock makes due now for the watched kinds. */
async function collectTimed(
	tx: Tx,
	dialect: Dialect,
	options: PollOptions,
	now: Date,
): Promise<TimedEvent[]> {
	const wanted: Array<TimedEvent['event']> = [];
	if (options.approvalOverdue) wanted.push('approval.overdue');
	if (options.deadlineWindowDays !== null && options.deadlineWindowDays !== undefined)
		wanted.push('deadline.window');
	if (wanted.length === 0) return [];
	const tables = await existingTables(tx, dialect);
	const context = {
		now: now.toISOString(),
		today: dateInZone(now, options.timeZone),
		windowDays: options.deadlineWindowDays ?? 0,
	};
	const out: TimedEvent[] = [];
	for (const event of wanted) {
		for (const source of timedSources(event)) {
			if (source.tables.every((t) => tables.has(t)))
				out.push(...(await source.collect(tx, context)));
		}
	}
	return out;
}

/** Locks this trigger's cursor for the poll, creating it at the audit trail's current end. */
async function lockCursor(tx: Tx, dialect: Dialect, options: PollOptions, now: Date) {
	const key = cursorKey(options.workflowId, options.nodeId);
	const select = () => {
		const query = tx.selectFrom('event_cursor').selectAll().where('key', '=', key);
		// PostgreSQL: a second poller of the same cursor (multi-main, a retried tick) waits
		// here and then reads the advanced position, so no event goes out twice. SQLite's
		// write transaction already serialises pollers.
		return (dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
	};
	const existing = await select();
	if (existing) return existing;
	const start = await auditStart(tx, dialect);
	const stamp = now.toISOString();
	await tx
		.insertInto('event_cursor')
		.values({
			key,
			workflow_id: options.workflowId,
			node_id: options.nodeId,
			position: formatPosition(start),
			started_at: stamp,
			updated_at: stamp,
		})
		.onConflict((oc) => oc.column('key').doNothing())
		.execute();
	return (await select())!;
}

/**
 * One poll: the events after this trigger's cursor, then the cursor moved past exactly
 * those, in one transaction. A trigger first polled now starts at the current end of the
 * audit trail; from then on nothing is skipped — rows written while n8n was down wait
 * behind the cursor — and nothing is emitted twice.
 */
export async function pollEvents(store: Store, options: PollOptions): Promise<ConsortiumEvent[]> {
	const now = options.now ?? new Date();
	const limit = options.limit ?? 500;
	return store.transaction(async (tx) => {
		const cursor = await lockCursor(tx, store.dialect, options, now);
		const batch = await readAudit(
			tx,
			store.dialect,
			parsePosition(cursor.position),
			auditMatchers(options),
			limit,
		);
		const timed = await collectTimed(tx, store.dialect, options, now);
		let fresh: TimedEvent[] = [];
		if (timed.length) {
			const fired = await tx
				.selectFrom('event_fired')
				.select('event_id')
				.where('cursor_key', '=', cursor.key)
				.where(
					'event_id',
					'in',
					timed.map((t) => t.eventId),
				)
				.execute();
			const seen = new Set(fired.map((f) => f.event_id));
			fresh = timed.filter(
				(t, i) => !seen.has(t.eventId) && timed.findIndex((o) => o.eventId === t.eventId) === i,
			);
			if (fresh.length) {
				await tx
					.insertInto('event_fired')
					.values(
						fresh.map((t) => ({
							cursor_key: cursor.key,
							event_id: t.eventId,
							fired_at: now.toISOString(),
						})),
					)
					.execute();
			}
		}
		const position = formatPosition(batch.next);
		if (position !== cursor.position) {
			await tx
				.updateTable('event_cursor')
				.set({ position, updated_at: now.toISOString() })
				.where('key', '=', cursor.key)
				.execute();
		}
		return [...batch.rows.map(fromAudit), ...fresh.map(fromTimed)];
	});
}

/**
 * What "fetch test event" shows: the newest real event of the watched kinds, whatever the
 * cursor says, and without moving it.
 */
export async function latestEvents(
	store: Store,
	options: PollOptions,
	count = 1,
): Promise<ConsortiumEvent[]> {
	const now = options.now ?? new Date();
	return store.transaction(async (tx) => {
		const audit = (await latestAudit(tx, store.dialect, auditMatchers(options), count)).map(
			fromAudit,
		);
		const timed = (await collectTimed(tx, store.dialect, options, now)).map(fromTimed);
		return [...audit, ...timed].slice(0, count);
	});
}

/** Forgets a trigger's place, e.g. when its workflow is deleted. */
export async function dropCursor(store: Store, workflowId: string, nodeId: string): Promise<void> {
	const key = cursorKey(workflowId, nodeId);
	await store.transaction(async (tx) => {
		await tx.deleteFrom('event_fired').where('cursor_key', '=', key).execute();
		await tx.deleteFrom('event_cursor').where('key', '=', key).execute();
	});
}
