/**
 * How the store scales.
 *
 * 1. The deadline window query (next 30 days) over 10k / 100k / 1M open deadlines, against
 *    a full scan of the same table in the same run: the index keeps the query's cost to the
 *    rows it returns while the scan grows with the table.
 * 2. Peak memory of the Consortium node's List operation (Return All) over 100,000
 *    organisations in the real n8n engine, with the number of store queries it made (keyset
 *    pages), against loading the same rows whole in one query.
 *
 *   npx ts-node --transpile-only bench/scale.bench.ts
 *   BENCH_DEADLINE_SIZES=10000,100000 BENCH_LIST_ROWS=20000 … to scale down
 */
import { mkdtempSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { sql } from 'kysely';
import { Client } from 'pg';

const SIZES = (process.env.BENCH_DEADLINE_SIZES || '10000,100000,1000000').split(',').map(Number);
const LIST_ROWS = Number(process.env.BENCH_LIST_ROWS || 100_000);
const dir = mkdtempSync(join(tmpdir(), 'scale-bench-'));
process.env.N8N_USER_FOLDER ??= dir;
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';

/* eslint-disable @typescript-eslint/no-require-imports */
const store_ = require('../core/store') as typeof import('../core/store');
const registry = require('../core/registry') as typeof import('../core/registry');
const paginateModule = require('../core/store/paginate') as typeof import('../core/store/paginate');
/* eslint-enable @typescript-eslint/no-require-imports */
const { insertMany, openStore, closeAllStores } = store_;

// a collection before each measurement, so garbage from seeding is not mistaken for a peak
setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function addDays(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);
}

/** Best of `runs`: the machine is shared, the minimum is the least disturbed. */
async function best(runs: number, fn: () => Promise<unknown>): Promise<number> {
	let min = Infinity;
	for (let i = 0; i < runs; i++) {
		const t = process.hrtime.bigint();
		await fn();
		min = Math.min(min, ms(t));
	}
	return min;
}

async function deadlines(label: string, config: import('../core/store').StoreConfig) {
	const store = await openStore(config);
	const kinds = registry.DEADLINE_KINDS;
	let have = 0;
	const today = '2026-11-28';
	console.log(
		`\ndeadline window query (${label}): 30-day window over deadlines spread across 20 years`,
	);
	console.log('rows       | window rows | window query | full scan (baseline) | scan / query');
	for (const size of SIZES) {
		// grow the same table to the next size: the earlier rows stay
		for (let start = have; start < size; start += 10_000) {
			const n = Math.min(10_000, size - start);
			await store.transaction((tx) =>
				insertMany(
					tx,
					'registry_deadline',
					Array.from({ length: n }, (_, k) => {
						const i = start + k;
						return {
							id: `ddl_${String(i).padStart(9, '0')}`,
							kind: kinds[i % kinds.length],
							due_on: addDays('2016-01-01', (i * 7919) % 7300),
							subject_type: 'patent',
							subject_id: `pat_${i}`,
							subject_no: `2021100${String(i).padStart(5, '0')}.X`,
							subject_title: `一种装置 ${i}`,
							owner_id: null,
							detail: null,
						};
					}),
				),
			);
		}
		have = size;
		if (store.dialect === 'postgres') await sql`analyze registry_deadline`.execute(store.db);
		const to = addDays(today, 30);
		let count = 0;
		const query = await best(5, async () => {
			count = (await registry.listDeadlines(store, { from: today, to, today })).length;
		});
		const scan = await best(3, () =>
			sql`select count(*) from registry_deadline where subject_title like ${'%不存在%'}`.execute(
				store.db,
			),
		);
		console.log(
			`${String(size.toLocaleString('en')).padEnd(10)} | ${String(count).padStart(11)} | ${query.toFixed(1).padStart(9)} ms | ${scan.toFixed(1).padStart(16)} ms | ${(scan / query).toFixed(1)}×`,
		);
	}
	const plan = await registry.explainDeadlineQuery(store, today, addDays(today, 30));
	console.log(`plan: ${plan.join(' / ')}`);
	await store.close();
}

async function listMemory() {
	const { Engine, registerOwnNode, storeCredentials } =
		require('../test/engine/harness') as typeof import('../test/engine/harness');
	// Outside jest, `Consortium.node` would resolve to the codex `Consortium.node.json` first.
	registerOwnNode(
		'consortium',
		() => new (require('../nodes/Consortium/Consortium.node.ts').Consortium)(),
	);
	const config = { type: 'sqlite' as const, sqlitePath: join(dir, 'list.sqlite') };
	const store = await openStore(config);
	const now = new Date().toISOString();
	for (let start = 0; start < LIST_ROWS; start += 10_000) {
		await store.transaction((tx) =>
			insertMany(
				tx,
				'organisation',
				Array.from({ length: Math.min(10_000, LIST_ROWS - start) }, (_, k) => ({
					id: `org_${String(start + k).padStart(9, '0')}`,
					name: `星河智能制造有限公司 第${start + k}分公司`,
					kind: 'enterprise',
					credit_code: null,
					contact_name: '张经理',
					contact_email: `c${start + k}@example.com`,
					contact_phone: '0591-12345678',
					member_since: '2025-01-01',
					roles: '["成员单位"]',
					created_at: now,
					updated_at: now,
				})),
			),
		);
	}
	await store.close();

	// count the keyset pages the node asks the store for
	let pages = 0;
	let largestPage = 0;
	const original = paginateModule.paginate;
	(paginateModule as any).paginate = async (...args: Parameters<typeof original>) => {
		const page = await original(...args);
		pages++;
		largestPage = Math.max(largestPage, page.items.length);
		return page;
	};

	const sample = () => {
		const m = process.memoryUsage();
		peak.rss = Math.max(peak.rss, m.rss);
		peak.heap = Math.max(peak.heap, m.heapUsed);
	};
	const settle = () => {
		gc();
		const m = process.memoryUsage();
		return { rss: m.rss, heap: m.heapUsed };
	};

	const engine = new Engine({ credentials: storeCredentials(config) });
	const workflow = {
		name: 'list all',
		nodes: [
			{
				id: 'start',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'list',
				name: 'List',
				type: 'n8n-nodes-consortium.consortium',
				typeVersion: 1,
				position: [200, 0],
				parameters: { resource: 'organisation', operation: 'list', returnAll: true, filters: {} },
				credentials: { consortiumStoreApi: { id: '1', name: 'store' } },
			},
		],
		connections: { Start: { main: [[{ node: 'List', type: 'main', index: 0 }]] } },
	};
	// warm up the engine and node loading so their memory is not counted
	await engine.run({ ...workflow, nodes: [workflow.nodes[0]], connections: {} });
	const base = settle();
	const peak = { rss: base.rss, heap: base.heap };
	const timer = setInterval(sample, 5);
	const t = process.hrtime.bigint();
	const run = await engine.run(workflow);
	const nodeMs = ms(t);
	sample();
	clearInterval(timer);
	const items = run.output('List').length;
	const nodePeak = { ...peak };
	(paginateModule as any).paginate = original;

	// baseline: the same rows loaded whole in one query and turned into items
	const whole = await openStore(config);
	const base2 = settle();
	peak.rss = base2.rss;
	peak.heap = base2.heap;
	const timer2 = setInterval(sample, 5);
	const t2 = process.hrtime.bigint();
	const rows = await whole.db.selectFrom('organisation').selectAll().execute();
	const wholeItems = rows.map((r) => ({ json: { ...r, roles: JSON.parse(r.roles) } }));
	const wholeMs = ms(t2);
	sample();
	clearInterval(timer2);
	await whole.close();

	console.log(
		`\nList (Return All) of ${LIST_ROWS.toLocaleString('en')} organisations through the Consortium node in the n8n engine (SQLite):`,
	);
	console.log(
		`  node:     ${items.toLocaleString('en')} items in ${(nodeMs / 1000).toFixed(1)} s from ${pages} keyset pages of at most ${largestPage} rows; peak RSS +${mb(nodePeak.rss - base.rss)} (total ${mb(nodePeak.rss)}), peak heap +${mb(nodePeak.heap - base.heap)}`,
	);
	console.log(
		`  baseline: ${wholeItems.length.toLocaleString('en')} rows in one query in ${(wholeMs / 1000).toFixed(1)} s; peak RSS +${mb(peak.rss - base2.rss)}, peak heap +${mb(peak.heap - base2.heap)}`,
	);
	console.log(
		'  (the node output itself holds every item, as n8n requires; the store is read a page at a time)',
	);
}

async function main() {
	console.log(
		`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${mb(totalmem())} RAM, node ${process.version}, ${new Date().toISOString()}`,
	);
	await deadlines('SQLite', { type: 'sqlite', sqlitePath: join(dir, 'deadlines.sqlite') });
	if (process.env.CONSORTIUM_PG_URL) {
		const u = new URL(process.env.CONSORTIUM_PG_URL);
		const database = `scale_${Date.now()}`;
		const admin = new Client({ connectionString: u.toString() });
		await admin.connect();
		await admin.query(`create database ${database}`);
		await admin.end();
		await deadlines('PostgreSQL', {
			type: 'postgres',
			host: u.hostname,
			port: Number(u.port || 5432),
			user: decodeURIComponent(u.username),
			password: decodeURIComponent(u.password),
			database,
		});
	} else console.log('\ndeadline window query (PostgreSQL): skipped (set CONSORTIUM_PG_URL)');
	await listMemory();
	await closeAllStores();
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
