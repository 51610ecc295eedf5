import { sql } from 'kysely';
import type { Tx } from './store';

export type SavepointOutcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Runs `fn` behind a savepoint of the caller's transaction: what it wrote stays if it returns,
 * and is undone if it throws, while the transaction goes on. Bulk writes use it so that a
 * rejected row writes nothing and the rows around it still commit. Savepoints are not nested
 * here, so one name serves.
 */
export async function inSavepoint<T>(tx: Tx, fn: () => Promise<T>): Promise<SavepointOutcome<T>> {
	await sql`savepoint consortium_row`.execute(tx);
	try {
		const value = await fn();
		await sql`release savepoint consortium_row`.execute(tx);
		return { ok: true, value };
	} catch (error) {
		await sql`rollback to savepoint consortium_row`.execute(tx);
		await sql`release savepoint consortium_row`.execute(tx);
		return { ok: false, error };
	}
}
