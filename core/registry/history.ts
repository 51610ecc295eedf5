import type { Tx } from '../store/store';
import { newId, nowIso } from '../util/id';

/** One step in a patent's or project's life, kept for the record view and the audit of a lost patent. */
export interface HistoryEntry {
	subjectType: 'patent' | 'project';
	subjectId: string;
	from: string | null;
	to: string;
	on: string;
	reason: string | null;
	actor: string;
}

export async function writeHistory(tx: Tx, entry: HistoryEntry): Promise<void> {
	await tx
		.insertInto('registry_status_history')
		.values({
			id: newId('sth'),
			subject_type: entry.subjectType,
			subject_id: entry.subjectId,
			from_status: entry.from,
			to_status: entry.to,
			on_date: entry.on,
			reason: entry.reason,
			actor: entry.actor,
			at: nowIso(),
		})
		.execute();
}

export async function readHistory(db: Tx, subjectType: 'patent' | 'project', subjectId: string) {
	const rows = await db
		.selectFrom('registry_status_history')
		.selectAll()
		.where('subject_type', '=', subjectType)
		.where('subject_id', '=', subjectId)
		.orderBy('id')
		.execute();
	return rows.map((h) => ({
		from: h.from_status,
		to: h.to_status,
		on: h.on_date,
		reason: h.reason,
		actor: h.actor,
	}));
}
