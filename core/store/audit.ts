import { newId, nowIso } from '../util/id';
import type { Tx } from './store';

export interface Actor {
	/** Who acted: an email, a person id, `n8n:<workflow>` or `system`. */
	actor: string;
	ip?: string | null;
	userAgent?: string | null;
}

export interface AuditEntry extends Actor {
	action: string;
	entityType: string;
	entityId: string;
	changes?: unknown;
	note?: string | null;
}

export function auditRow(entry: AuditEntry) {
	return {
		id: newId('aud'),
		at: nowIso(),
		actor: entry.actor,
		action: entry.action,
		entity_type: entry.entityType,
		entity_id: entry.entityId,
		changes: entry.changes === undefined ? null : JSON.stringify(entry.changes),
		ip: entry.ip ?? null,
		user_agent: entry.userAgent ?? null,
		note: entry.note ?? null,
	};
}

/** Appends one audit row inside the caller's transaction, so it commits with the change it records. */
export async function writeAudit(tx: Tx, entry: AuditEntry): Promise<void> {
	await tx.insertInto('audit').values(auditRow(entry)).execute();
}

/** The fields whose values differ, as `{ field: [before, after] }`. */
export function diff(
	before: Record<string, unknown>,
	after: Record<string, unknown>,
): Record<string, [unknown, unknown]> {
	const out: Record<string, [unknown, unknown]> = {};
	for (const key of Object.keys(after)) {
		if (key === 'updated_at') continue;
		if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
			out[key] = [before[key] ?? null, after[key]];
	}
	return out;
}
