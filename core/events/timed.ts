import { sql } from 'kysely';
import type { Db, Tx } from '../store/store';
import type { Dialect } from '../store/types';

/**
 * Events that come from the clock rather than from a change: a stage passing its due
 * time, a deadline coming within N days. A source lists what qualifies now; the poll
 * emits each one once per cursor (ids kept in `event_fired`).
 */
export interface TimedEvent {
	eventId: string;
	event: 'approval.overdue' | 'deadline.window';
	entityType: string;
	entityId: string;
	/** The instant (ISO) or calendar date (YYYY-MM-DD) that is due. */
	due: string;
	title: string | null;
	detail: Record<string, unknown>;
}

export interface TimedContext {
	now: string;
	/** Today in the consortium's zone. */
	today: string;
	windowDays: number;
}

export interface TimedSource {
	name: string;
	event: TimedEvent['event'];
	/** Tables the source reads; it is skipped while any is missing (module not installed yet). */
	tables: string[];
	collect(tx: Tx, context: TimedContext): Promise<TimedEvent[]>;
}

const sources: TimedSource[] = [];

export function registerTimedSource(source: TimedSource): void {
	const at = sources.findIndex((s) => s.name === source.name);
	if (at >= 0) sources[at] = source;
	else sources.push(source);
}

export function timedSources(event: TimedEvent['event']): TimedSource[] {
	return sources.filter((s) => s.event === event);
}

/** The store's table names, so sources for modules not yet migrated are skipped, not failed. */
export async function existingTables(tx: Db, dialect: Dialect): Promise<Set<string>> {
	const { rows } =
		dialect === 'postgres'
			? await sql<{
					name: string;
				}>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(
					tx,
				)
			: await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(
					tx,
				);
	return new Set(rows.map((r) => r.name));
}
