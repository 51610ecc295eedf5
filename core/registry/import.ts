import { sql } from 'kysely';
import type { Actor } from '../store/audit';
import { insertMany } from '../store/insert-many';
import type { BulkRowResult } from '../store/repository';
import type { Store, Tx } from '../store/store';
import { newId, nowIso } from '../util/id';
import { batchSize } from '../util/validate';
import { registryToday } from './dates';
import { insertDeadlines, patentDeadlineRows } from './deadlines';
import { findPeople } from '../directory/lookup';
import { resolveParties } from './parties';
import { patentColumns, type PatentColumns, type PatentInput } from './patent-record';
import { partyList, patents } from './patents';
import { projects, type ProjectInput } from './projects';
import { perRow, rejected, repeatsRow } from './rows';
import type { RegistryPatentTable } from './schema';

/**
 * Ledger imports. The node calls these; the entity modules (`patents.ts`, `projects.ts`) do
 * not know them, so the registry has no import cycle.
 */

interface Prepared {
	row: number;
	input: PatentInput;
	columns: PatentColumns;
	inventors: string[];
	applicants: string[];
}

export interface ImportOptions {
	/** The consortium's date (its zone): assumptions about fees paid are made as of this day. */
	today?: string;
}

/**
 * Bulk upsert of patents from ledger rows. Each row is created, updated or rejected with
 * its reason, and a rejected row writes nothing. Rows are validated without the store first;
 * the new ones of a batch are then written with multi-row inserts inside a savepoint, and only
 * if that fails (a clash with a concurrent writer) does the batch fall back to one savepoint
 * per row. A number that appears twice in one import is refused the second time.
 */
export async function importPatents(
	store: Store,
	rows: PatentInput[],
	actor: Actor,
	batchSizeGiven: unknown = 500,
	options: ImportOptions = {},
): Promise<BulkRowResult[]> {
	const size = batchSize(batchSizeGiven);
	const today = options.today ?? registryToday();
	rows = rows.map((r) => ({ ...r, today }));
	const results: BulkRowResult[] = [];
	const seen = new Map<string, number>();
	for (let start = 0; start < rows.length; start += size) {
		const prepared: Prepared[] = [];
		for (let i = start; i < Math.min(rows.length, start + size); i++) {
			try {
				const columns = patentColumns(rows[i]);
				const first = seen.get(columns.application_no);
				if (first !== undefined) {
					results.push(
						repeatsRow(i, first, 'applicationNo', '申请号 Application No.', columns.application_no),
					);
					continue;
				}
				seen.set(columns.application_no, i);
				const inventors = partyList(rows[i].inventors, 'inventors', '发明人 Inventors') ?? [];
				const applicants =
					partyList(rows[i].applicants, 'applicants', '申请人/专利权人 Applicants') ?? [];
				prepared.push({ row: i, input: rows[i], columns, inventors, applicants });
			} catch (error) {
				results.push(rejected(i, error));
			}
		}
		if (prepared.length) await store.transaction((tx) => writeBatch(tx, prepared, actor, results));
	}
	return results.sort((a, b) => a.row - b.row);
}

async function writeBatch(
	tx: Tx,
	prepared: Prepared[],
	actor: Actor,
	results: BulkRowResult[],
): Promise<void> {
	const existing = new Map(
		(
			await tx
				.selectFrom('registry_patent')
				.select(['id', 'application_no'])
				.where(
					'application_no',
					'in',
					prepared.map((p) => p.columns.application_no),
				)
				.execute()
		).map((r) => [r.application_no, r.id]),
	);
	const updates = prepared.filter((p) => existing.has(p.columns.application_no));
	const creates = prepared.filter((p) => !existing.has(p.columns.application_no));
	for (const p of updates) {
		await perRow(tx, p.row, results, async () => ({
			id: (await patents.updateIn(tx, existing.get(p.columns.application_no)!, p.input, actor)).id,
			result: 'updated' as const,
		}));
	}
	if (!creates.length) return;
	await sql`savepoint bulk_fast`.execute(tx);
	try {
		const created = await insertNew(tx, creates, actor);
		await sql`release savepoint bulk_fast`.execute(tx);
		created.forEach((id, k) => results.push({ row: creates[k].row, result: 'created', id }));
	} catch {
		await sql`rollback to savepoint bulk_fast`.execute(tx);
		await sql`release savepoint bulk_fast`.execute(tx);
		for (const p of creates) {
			await perRow(tx, p.row, results, async () => {
				const { record, result } = await patents.upsertIn(tx, p.input, actor);
				return { id: record.id, result };
			});
		}
	}
}

async function insertNew(tx: Tx, creates: Prepared[], actor: Actor): Promise<string[]> {
	const [inventors, applicants] = await Promise.all([
		resolveParties(
			tx,
			'person',
			creates.map((p) => p.inventors),
			'inventors',
		),
		resolveParties(
			tx,
			'organisation',
			creates.map((p) => p.applicants),
			'applicants',
		),
	]);
	// A contact is named as in the Registry node's field, by the directory's one rule.
	const contacts = await findPeople(
		tx,
		creates.map((p) => p.columns.contact_id).filter((c): c is string => Boolean(c)),
	);
	for (const p of creates) {
		const token = p.columns.contact_id;
		const match = token ? contacts.get(token) : undefined;
		if (token && !(match && 'row' in match)) throw new Error(`contact ${token} missing`);
		if (match && 'row' in match) p.columns.contact_id = match.row.id;
	}
	const now = nowIso();
	const patentRows: RegistryPatentTable[] = creates.map((p, k) => ({
		id: newId('pat'),
		...p.columns,
		restored_on: null,
		contact_id: p.columns.contact_id ?? inventors[k].find((x) => x.personId)?.personId ?? null,
		created_at: now,
		updated_at: now,
	}));
	await insertMany(tx, 'registry_patent', patentRows as unknown as Array<Record<string, unknown>>);
	const parties = patentRows.flatMap((p, k) => [
		...inventors[k].map((x, seq) => ({
			id: newId('ppy'),
			patent_id: p.id,
			role: 'inventor',
			seq,
			person_id: x.personId,
			organisation_id: null,
			name: x.name,
		})),
		...applicants[k].map((x, seq) => ({
			id: newId('ppy'),
			patent_id: p.id,
			role: 'applicant',
			seq,
			person_id: null,
			organisation_id: x.organisationId,
			name: x.name,
		})),
	]);
	await insertMany(tx, 'registry_patent_party', parties);
	const history = patentRows.map((p) => ({
		id: newId('sth'),
		subject_type: 'patent',
		subject_id: p.id,
		from_status: null,
		to_status: p.status,
		on_date: p.status_on ?? p.granted_on ?? p.filing_date,
		reason: '台账导入 ledger import',
		actor: actor.actor,
		at: now,
	}));
	await insertMany(tx, 'registry_status_history', history);
	const audit = patentRows.map((p, k) => ({
		id: newId('aud'),
		at: now,
		actor: actor.actor,
		action: 'create',
		entity_type: 'patent',
		entity_id: p.id,
		changes: JSON.stringify(creates[k].columns),
		ip: actor.ip ?? null,
		user_agent: actor.userAgent ?? null,
		note: 'import',
	}));
	await insertMany(tx, 'audit', audit);
	await insertDeadlines(tx, patentRows.flatMap(patentDeadlineRows));
	return patentRows.map((p) => p.id);
}

/** Research projects from ledger rows: each row through the full create/update path (see `ProjectRepository.bulkUpsert`). */
export async function importProjects(
	store: Store,
	rows: ProjectInput[],
	actor: Actor,
	batchSizeGiven: unknown = 500,
	options: ImportOptions = {},
): Promise<BulkRowResult[]> {
	const today = options.today ?? registryToday();
	return projects.bulkUpsert(
		store,
		rows.map((r) => ({ ...r, today })),
		actor,
		batchSizeGiven,
	);
}
