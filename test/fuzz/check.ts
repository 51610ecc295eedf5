/**
 * What "handled" means for hostile input: either it succeeds, or it is refused with one of
 * the domain's own errors (a ValidationError naming the field, a StateError, a
 * NotFoundError) — never a TypeError, a driver error or a crash — and a refused input
 * leaves every table exactly as it was.
 */
import type { Store } from '../../core/store';
import { NotFoundError, StateError, ValidationError } from '../../core/util/errors';
import { describe, type Mutation } from './generator';

export type Snapshot = Record<string, number>;

/** Row count of every table of the store (the audit table among them). */
export async function snapshot(store: Store): Promise<Snapshot> {
	const tables = (await store.db.introspection.getTables())
		.map((t) => t.name)
		.filter((n) => n !== 'schema_migration' && !n.startsWith('sqlite_'));
	const counts: Snapshot = {};
	for (const table of tables.sort()) {
		const row = await (store.db as any)
			.selectFrom(table)
			.select((eb: any) => eb.fn.countAll().as('n'))
			.executeTakeFirst();
		counts[table] = Number(row.n);
	}
	return counts;
}

/** Why an error is not an acceptable answer to bad input, or null if it is. */
export function badError(error: unknown): string | null {
	if (error instanceof ValidationError) {
		if (typeof error.field !== 'string' || !error.field)
			return `ValidationError without a field: ${error.message.slice(0, 200)}`;
		if (!error.message.trim()) return `ValidationError for ${error.field} without a message`;
		return null;
	}
	if (error instanceof StateError || error instanceof NotFoundError)
		return error.message.trim() ? null : `${error.name} without a message`;
	const e = error as Error;
	return `${e?.name ?? typeof error}: ${String(e?.message ?? error).slice(0, 300)}\n${String(
		e?.stack ?? '',
	)
		.split('\n')
		.slice(1, 4)
		.join('\n')}`;
}

export interface CaseResult {
	outcome: 'ok' | 'refused';
	value?: unknown;
	error?: unknown;
}

/**
 * Runs one call and records a failure (with seed, case and mutations for replay) if it
 * crashed, answered with a foreign error, or changed the store although it was refused.
 */
export async function runCase(
	store: Store,
	where: { seed: number; index: number; target: string; mutations: Mutation[] | string },
	call: () => Promise<unknown>,
	failures: string[],
): Promise<CaseResult> {
	const before = await snapshot(store);
	let result: CaseResult;
	try {
		result = { outcome: 'ok', value: await call() };
	} catch (error) {
		result = { outcome: 'refused', error };
	}
	const label = `${where.target} seed=${where.seed} case=${where.index} ${typeof where.mutations === 'string' ? where.mutations : JSON.stringify(where.mutations)}`;
	if (result.outcome === 'refused') {
		const why = badError(result.error);
		if (why) failures.push(`${label}\n  → ${why}`);
		const after = await snapshot(store);
		const changed = Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t]);
		if (changed.length)
			failures.push(
				`${label}\n  → refused but changed ${changed.map((t) => `${t} ${before[t]}→${after[t]}`).join(', ')}`,
			);
	}
	return result;
}

export function summarise(target: string, seed: number, results: CaseResult[]): string {
	const refused = results.filter((r) => r.outcome === 'refused');
	const fields = new Map<string, number>();
	for (const r of refused) {
		const key =
			r.error instanceof ValidationError ? `field ${r.error.field}` : (r.error as Error).name;
		fields.set(key, (fields.get(key) ?? 0) + 1);
	}
	const top = [...fields]
		.sort((a, b) => b[1] - a[1])
		.slice(0, 4)
		.map(([k, n]) => `${k}×${n}`)
		.join(', ');
	return `[fuzz] ${target} seed ${seed}: ${results.length} cases, ${results.length - refused.length} accepted, ${refused.length} refused (${top})`;
}

export { describe };
