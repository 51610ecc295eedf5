import type { CompiledQuery } from 'kysely';
import type { Tx } from './store';

/**
 * Inserts rows in multi-row statements. Kysely builds and compiles the statement once per
 * chunk size; later chunks reuse that SQL with fresh parameters, so building a query tree
 * per value does not dominate big imports. The chunk keeps bound parameters far below both
 * dialects' limits (SQLite 32,766, PostgreSQL 65,535). Every row must have the same keys.
 */
/** Compiled statements per store (keyed by its adapter) and table/columns/row count: imports call this per batch. */
const compiledCache = new WeakMap<object, Map<string, CompiledQuery>>();

export async function insertMany(
	tx: Tx,
	table: string,
	rows: Array<Record<string, unknown>>,
	maxParameters = 8000,
): Promise<void> {
	if (rows.length === 0) return;
	const columns = Object.keys(rows[0]);
	const chunk = Math.max(1, Math.floor(maxParameters / Math.max(1, columns.length)));
	const adapter = tx.getExecutor().adapter as object;
	let compiledByShape = compiledCache.get(adapter);
	if (!compiledByShape) compiledCache.set(adapter, (compiledByShape = new Map()));
	for (let i = 0; i < rows.length; i += chunk) {
		const slice = rows.slice(i, i + chunk);
		const shape = `${table}|${columns.join(',')}|${slice.length}`;
		let compiled = compiledByShape.get(shape);
		if (!compiled) {
			compiled = (tx as any).insertInto(table).values(slice).compile() as CompiledQuery;
			if (compiledByShape.size > 200) compiledByShape.clear();
			compiledByShape.set(shape, compiled);
		}
		const parameters: unknown[] = new Array(slice.length * columns.length);
		let p = 0;
		for (const row of slice) for (const column of columns) parameters[p++] = row[column] ?? null;
		await tx.executeQuery({ ...compiled, parameters });
	}
}
