import type { Store } from '../store/store';
import { indicatorByKey } from './indicators';
import type { ScoreLine } from './scoreboard';

/** A record a figure counts, as a reader finds it again: its number (or id) and its name. */
export interface TracedRecord {
	id: string;
	number: string;
	name: string;
}

export interface TracedLine {
	records: TracedRecord[];
	/** Records counted but not listed (beyond the limit). */
	more: number;
}

/** Where each table keeps what people call a record by; the id stands in for a missing number. */
const LABELS: Record<string, { number?: string; name: string }> = {
	exchange_station: { name: 'name' },
	course: { number: 'code', name: 'name' },
	course_deliverable: { name: 'title' },
	registry_project: { number: 'project_no', name: 'name' },
	registry_patent: { number: 'application_no', name: 'title' },
	person: { name: 'name' },
};

/** The table a line's record ids belong to. */
function tableOf(line: ScoreLine): string {
	if (line.source === 'entries') return 'indicator_entry';
	return indicatorByKey(line.indicator)?.derive?.tables[0] ?? 'indicator_entry';
}

async function labelsFor(store: Store, table: string, ids: string[]): Promise<TracedRecord[]> {
	if (ids.length === 0) return [];
	const db = store.db as any;
	if (table === 'indicator_entry') {
		const rows = await db
			.selectFrom('indicator_entry')
			.select(['id', 'on_date', 'value', 'source'])
			.where('id', 'in', ids)
			.execute();
		return rows.map((r: any) => ({
			id: r.id,
			number: String(r.on_date),
			name: `${Number(r.value)} · ${r.source}`,
		}));
	}
	const label = LABELS[table];
	if (!label) return ids.map((id) => ({ id, number: id, name: '' }));
	const deliverable = table === 'course_deliverable';
	const rows = await db
		.selectFrom(table)
		.select([
			'id',
			label.name,
			...(label.number ? [label.number] : []),
			...(deliverable ? ['kind'] : []),
		])
		.where('id', 'in', ids)
		.execute();
	return rows.map((r: any) => ({
		id: r.id,
		number: String((label.number && r[label.number]) || r.id),
		// a deliverable may have no title yet; its kind still says what was completed
		name: String(r[label.name] ?? (deliverable ? r.kind : '') ?? ''),
	}));
}

/**
 * The records behind each line, named as people know them, so a bar on the scoreboard can be
 * checked against the ledger it came from. At most `limit` per line are looked up.
 */
export async function traceRecords(
	store: Store,
	lines: ScoreLine[],
	limit = 20,
): Promise<Record<string, TracedLine>> {
	const out: Record<string, TracedLine> = {};
	for (const line of lines) {
		const shown = line.recordIds.slice(0, limit);
		const found = new Map(
			(await labelsFor(store, tableOf(line), shown)).map((r) => [r.id, r] as const),
		);
		out[line.indicator] = {
			// in the order the figure counted them; a record deleted since is still named by its id
			records: shown.map((id) => found.get(id) ?? { id, number: id, name: '' }),
			more: line.recordIds.length - shown.length,
		};
	}
	return out;
}
