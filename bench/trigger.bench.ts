/**
 * ConsortiumTrigger cursor vs a plain "seq > cursor" keyset reader (the unsafe baseline on
 * PostgreSQL): both drain the same backlog of audit rows in pages of 500, 1 row in 10
 * matching the watched kinds; prints rows/s for each and the ratio. Also the cost of an
 * idle poll (nothing new), which is what a trigger polling every minute pays.
 *
 *   npx ts-node --transpile-only bench/trigger.bench.ts [rows]     (PostgreSQL too when CONSORTIUM_PG_URL is set)
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pollEvents } from '../core/events';
import { openStore, type Store, type StoreConfig } from '../core/store';
import { newId } from '../core/util/id';

const ROWS = Number(process.argv[2] ?? 50_000);
const PAGE = 500;

async function ms(fn: () => Promise<unknown>): Promise<number> {
	const start = process.hrtime.bigint();
	await fn();
	return Number(process.hrtime.bigint() - start) / 1e6;
}

async function seed(store: Store): Promise<number> {
	const at = new Date().toISOString();
	for (let start = 0; start < ROWS; start += 1000) {
		const rows = Array.from({ length: Math.min(1000, ROWS - start) }, (_, i) => ({
			id: newId('aud'),
			at,
			actor: 'bench',
			action: 'update',
			entity_type: (start + i) % 10 === 0 ? 'course' : 'organisation',
			entity_id: `e${start + i}`,
			changes: '{"name":["a","b"]}',
			ip: null,
			user_agent: null,
			note: null,
		}));
		await store.db.insertInto('audit').values(rows).execute();
	}
	return ROWS / 10;
}

async function pgConfig(): Promise<StoreConfig> {
	const url = new URL(process.env.CONSORTIUM_PG_URL!);
	const database = `bench_${randomBytes(5).toString('hex')}`;
	const { Client } = await import('pg');
	const admin = new Client({ connectionString: url.toString() });
	await admin.connect();
	await admin.query(`create database ${database}`);
	await admin.end();
	return {
		type: 'postgres',
		host: url.hostname,
		port: Number(url.port || 5432),
		user: decodeURIComponent(url.username),
		password: decodeURIComponent(url.password),
		database,
	};
}

async function run(label: string, config: StoreConfig) {
	const store = await openStore(config);
	const options = {
		workflowId: 'bench',
		nodeId: 'trigger',
		timeZone: 'Asia/Shanghai',
		recordKinds: ['course'],
		limit: PAGE,
	};
	await pollEvents(store, options); // the cursor starts here
	const expected = await seed(store);

	let naive = 0;
	const naiveMs = await ms(async () => {
		let after = 0;
		for (;;) {
			const page = await store.db
				.selectFrom('audit')
				.selectAll()
				.where('seq', '>', after)
				.where('entity_type', 'in', ['course'])
				.orderBy('seq')
				.limit(PAGE)
				.execute();
			naive += page.length;
			if (page.length < PAGE) break;
			after = Number(page[page.length - 1].seq);
		}
	});
	let emitted = 0;
	const cursorMs = await ms(async () => {
		for (;;) {
			const events = await pollEvents(store, options);
			emitted += events.length;
			if (events.length < PAGE) break;
		}
	});
	if (naive !== expected || emitted !== expected)
		throw new Error(`${label}: expected ${expected}, naive ${naive}, cursor ${emitted}`);
	const idle: number[] = [];
	for (let i = 0; i < 20; i++) idle.push(await ms(() => pollEvents(store, options)));
	idle.sort((a, b) => a - b);
	console.log(`${label}: ${ROWS} audit rows, ${expected} matching, pages of ${PAGE}`);
	console.log(
		`  plain seq keyset reader: ${naiveMs.toFixed(0)} ms (${Math.round(expected / (naiveMs / 1000))} events/s)`,
	);
	console.log(
		`  trigger cursor (one transaction per poll, cursor update): ${cursorMs.toFixed(0)} ms (${Math.round(expected / (cursorMs / 1000))} events/s)`,
	);
	console.log(`  ratio cursor / plain reader time: ${(cursorMs / naiveMs).toFixed(2)}`);
	console.log(`  idle poll (nothing new): median ${idle[10].toFixed(1)} ms`);
	await store.close();
}

async function main() {
	await run('SQLite', {
		type: 'sqlite',
		sqlitePath: join(mkdtempSync(join(tmpdir(), 'consortium-bench-')), 'trigger.sqlite'),
	});
	if (process.env.CONSORTIUM_PG_URL) await run('PostgreSQL', await pgConfig());
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
