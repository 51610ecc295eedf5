import { sql } from 'kysely';
import type { Dialect } from './types';
import type { Tx } from './store';

export interface Reference {
	table: string;
	column: string;
}

/**
 * Every column that declares a foreign key to `table`, read from the database catalog.
 * Each node is bundled on its own, so a module's in-memory registration of its references
 * is not seen by another node's bundle; the catalog is, whichever node deletes.
 */
export async function foreignKeysTo(tx: Tx, dialect: Dialect, table: string): Promise<Reference[]> {
	if (dialect === 'sqlite') {
		const rows = await sql<Reference>`
			select m.name as "table", p."from" as "column"
			from sqlite_master m join pragma_foreign_key_list(m.name) p
			where m.type = 'table' and p."table" = ${table}`.execute(tx);
		return rows.rows;
	}
	const rows = await sql<Reference>`
		select kcu.table_name as "table", kcu.column_name as "column"
		from information_schema.referential_constraints rc
		join information_schema.key_column_usage kcu
			on kcu.constraint_name = rc.constraint_name and kcu.constraint_schema = rc.constraint_schema
		join information_schema.key_column_usage pk
			on pk.constraint_name = rc.unique_constraint_name and pk.constraint_schema = rc.unique_constraint_schema
		where pk.table_name = ${table} and rc.constraint_schema = current_schema()`.execute(tx);
	return rows.rows;
}

/** The registered references and the declared ones, each once. */
export function mergeReferences(registered: Reference[], declared: Reference[]): Reference[] {
	const out = [...registered];
	for (const ref of declared)
		if (!out.some((r) => r.table === ref.table && r.column === ref.column)) out.push(ref);
	return out;
}
