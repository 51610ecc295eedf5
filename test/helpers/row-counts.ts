import type { Database, Store } from '../../core/store';

/** How many rows each table holds: compared before and after, it shows a refusal wrote nothing. */
export async function rowCounts(
	store: Store,
	tables: ReadonlyArray<keyof Database>,
): Promise<Record<string, number>> {
	const counts: Record<string, number> = {};
	for (const table of tables) {
		const row = await store.db
			.selectFrom(table)
			.select((eb) => eb.fn.countAll().as('n'))
			.executeTakeFirstOrThrow();
		counts[table] = Number(row.n);
	}
	return counts;
}
