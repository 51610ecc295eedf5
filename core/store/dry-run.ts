import type { Db, Store } from './store';

/** Carries the result out of the transaction it rolls back. */
class RolledBack extends Error {
	constructor(readonly value: unknown) {
		super('dry run: rolled back');
	}
}

/**
 * Runs `fn` against the store inside one transaction that is always rolled back, and returns
 * what it returned: a form can be told whether a create would go through — every rule, the
 * directory, a free code — before anything is written, and the preview has the very shape the
 * real create returns. What `fn` throws is thrown unchanged. `fn`'s store reads and writes in
 * that transaction only (a nested `transaction` joins it), so it sees its own writes on both
 * dialects and never waits for the connection it holds.
 */
export async function dryRun<T>(store: Store, fn: (inside: Store) => Promise<T>): Promise<T> {
	try {
		await store.transaction(async (tx) => {
			const inside: Store = {
				...store,
				db: tx as unknown as Db,
				transaction: (inner) => inner(tx),
			};
			throw new RolledBack(await fn(inside));
		});
	} catch (error) {
		if (error instanceof RolledBack) return error.value as T;
		throw error;
	}
	throw new Error('unreachable: a dry run always rolls back');
}
