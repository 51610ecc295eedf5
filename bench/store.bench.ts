/**
 * Store layer vs raw node:sqlite: inserts 100,000 directory rows each way in one
 * transaction and prints the ratio (target: the store layer at least half as fast as raw).
 * Also shows the full repository path (validation + natural-key check + audit row per record)
 * for the same rows, which is what a bulk import pays for its guarantees.
 *
 *   npx ts-node --transpile-only bench/store.bench.ts [rows]
 */
import { mkdtempSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { insertMany, openStore } from '../core/store';
import { organisations } from '../core/directory';
import { newId } from '../core/util/id';

const ROWS = Number(process.argv[2] ?? 100_000);

function makeRows(n: number) {
	const now = new Date().toISOString();
	return Array.from({ length: n }, (_, i) => ({
		id: newId('org'),
		name: `单位${i}`,
		kind: 'enterprise',
		credit_code: null,
		contact_name: `联系人${i}`,
		contact_email: `c${i}@example.com`,
		contact_phone: null,
		member_since: '2025-01-01',
		roles: '[]',
		created_at: now,
		updated_at: now,
	}));
}

async function timeIt(fn: () => Promise<void> | void): Promise<number> {
	const start = process.hrtime.bigint();
	await fn();
	return Number(process.hrtime.bigint() - start) / 1e6;
}

async function main() {
	const dir = mkdtempSync(join(tmpdir(), 'consortium-bench-'));

	// Raw: the schema the store made, one prepared INSERT per row, one transaction.
	const rawStore = await openStore({ type: 'sqlite', sqlitePath: join(dir, 'raw.sqlite') });
	await rawStore.close();
	const raw = new DatabaseSync(join(dir, 'raw.sqlite'));
	raw.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL');
	const rows = makeRows(ROWS);
	const columns = Object.keys(rows[0]);
	const statement = raw.prepare(
		`insert into organisation (${columns.join(',')}) values (${columns.map(() => '?').join(',')})`,
	);
	const rawMs = await timeIt(() => {
		raw.exec('begin');
		for (const row of rows) statement.run(...(Object.values(row) as Array<string | null>));
		raw.exec('commit');
	});
	raw.close();

	// Store layer: Kysely over node:sqlite, multi-row inserts in one store transaction.
	const store = await openStore({ type: 'sqlite', sqlitePath: join(dir, 'store.sqlite') });
	const storeRows = makeRows(ROWS);
	const storeMs = await timeIt(() =>
		store.transaction((tx) => insertMany(tx, 'organisation', storeRows)),
	);
	const count = await store.db
		.selectFrom('organisation')
		.select((eb) => eb.fn.countAll().as('n'))
		.executeTakeFirstOrThrow();
	if (Number(count.n) !== ROWS) throw new Error(`store inserted ${count.n} rows, expected ${ROWS}`);

	// Repository: validated, key-checked and audited, 500 rows per transaction.
	const repoRows = Math.min(ROWS, 20_000);
	const inputs = Array.from({ length: repoRows }, (_, i) => ({
		name: `公司${i}`,
		kind: 'enterprise' as const,
		contactEmail: `r${i}@example.com`,
	}));
	const repoMs = await timeIt(async () => {
		await organisations.bulkUpsert(store, inputs, { actor: 'bench' });
	});
	await store.close();

	const perSec = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString('en');
	console.log(
		`rows: ${ROWS.toLocaleString('en')} (node ${process.version}, ${require('node:os').cpus().length} cores)`,
	);
	console.log(
		`raw node:sqlite        ${rawMs.toFixed(0).padStart(7)} ms  ${perSec(ROWS, rawMs)} rows/s`,
	);
	console.log(
		`store layer (Kysely)   ${storeMs.toFixed(0).padStart(7)} ms  ${perSec(ROWS, storeMs)} rows/s`,
	);
	console.log(`store/raw speed ratio  ${(rawMs / storeMs).toFixed(2)}  (target >= 0.50)`);
	console.log(
		`repository bulk upsert ${repoMs.toFixed(0).padStart(7)} ms  ${perSec(repoRows, repoMs)} rows/s for ${repoRows.toLocaleString('en')} validated + audited rows (ratio to raw ${(rawMs / ROWS / (repoMs / repoRows)).toFixed(2)})`,
	);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
