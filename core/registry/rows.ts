import { sql } from 'kysely';
import type { BulkRowResult } from '../store/repository';
import type { Store, Tx } from '../store/store';
import { batchSize } from '../util/validate';

export function rejected(row: number, error: unknown): BulkRowResult {
	const e = error as Error & { field?: string };
	return { row, result: 'rejected', field: e.field, reason: e.message };
}

/** Runs one row's write behind a savepoint: a refused row writes nothing and the batch goes on. */
export async function perRow(
	tx: Tx,
	row: number,
	results: BulkRowResult[],
	fn: () => Promise<{ id: string; result: 'created' | 'updated' }>,
): Promise<void> {
	await sql`savepoint bulk_row`.execute(tx);
	try {
		const { id, result } = await fn();
		await sql`release savepoint bulk_row`.execute(tx);
		results.push({ row, result, id });
	} catch (error) {
		await sql`rollback to savepoint bulk_row`.execute(tx);
		await sql`release savepoint bulk_row`.execute(tx);
		results.push(rejected(row, error));
	}
}

/** The duplicate refusal: a key met twice in one import is refused the second time, naming the first row. */
export function repeatsRow(
	row: number,
	first: number,
	field: string,
	label: string,
	key: string,
): BulkRowResult {
	return {
		row,
		result: 'rejected',
		field,
		reason: `${label} ${key} 与本次导入第 ${first + 1} 行重复 / repeats row ${first + 1} of this import`,
	};
}

/**
 * Upserts rows one by one through the record's own create/update path, one transaction per
 * batch and a savepoint per row. Registry records carry parties, milestones, history and
 * deadlines that a plain multi-row insert would skip.
 */
export async function upsertRows<Input>(
	store: Store,
	rows: Input[],
	batchSizeGiven: unknown,
	keyOf: (row: Input) => string | undefined,
	field: string,
	label: string,
	write: (tx: Tx, row: Input) => Promise<{ record: { id: string }; result: 'created' | 'updated' }>,
): Promise<BulkRowResult[]> {
	const size = batchSize(batchSizeGiven);
	const results: BulkRowResult[] = [];
	const seen = new Map<string, number>();
	for (let start = 0; start < rows.length; start += size) {
		await store.transaction(async (tx) => {
			for (let i = start; i < Math.min(rows.length, start + size); i++) {
				const key = keyOf(rows[i]);
				const first = key ? seen.get(key) : undefined;
				if (key && first !== undefined) {
					results.push(repeatsRow(i, first, field, label, key));
					continue;
				}
				if (key) seen.set(key, i);
				await perRow(tx, i, results, async () => {
					const { record, result } = await write(tx, rows[i]);
					return { id: record.id, result };
				});
			}
		});
	}
	return results.sort((a, b) => a.row - b.row);
}
