/**
 * Registry import and deadline query.
 *
 * 1. Imports 50,000 patent ledger rows (Chinese headers, as Extract from File gives them)
 *    through the Registry node in the real n8n engine, then inserts exactly the rows that
 *    import wrote (patents, inventors/applicants, status history, audit, deadline index) into
 *    a fresh store of the same schema with raw prepared INSERTs, one transaction. Prints
 *    raw time / node time (target >= 0.3).
 * 2. Times the deadline window query over 100,000 patents and prints its query plan, on
 *    SQLite and, when CONSORTIUM_PG_URL is set, on PostgreSQL.
 *
 *   npx ts-node --transpile-only bench/registry.bench.ts [rows]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { sql } from 'kysely';

const ROWS = Number(process.argv[2] ?? 50_000);
const DEADLINE_PATENTS = 100_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 2);
const BATCH = Number(process.env.BENCH_BATCH ?? 2000);
const dir = mkdtempSync(join(tmpdir(), 'registry-bench-'));
process.env.N8N_USER_FOLDER ??= dir;
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
process.env.TZ ??= 'UTC';

/* eslint-disable @typescript-eslint/no-require-imports */
const { Engine, registerOwnNode, storeCredentials } =
	require('../test/engine/harness') as typeof import('../test/engine/harness');
// Outside jest, `Registry.node` would resolve to the codex `Registry.node.json` first.
registerOwnNode('registry', () => new (require('../nodes/Registry/Registry.node.ts').Registry)());
const { closeAllStores, insertMany, openStore } =
	require('../core/store') as typeof import('../core/store');
const { newId } = require('../core/util/id') as typeof import('../core/util/id');
const { organisations, people } =
	require('../core/directory') as typeof import('../core/directory');
const registry = require('../core/registry') as typeof import('../core/registry');
const { addDays } = require('../core/util/time') as typeof import('../core/util/time');
const { buildPatentNumber } =
	require('../test/helpers/patent-numbers') as typeof import('../test/helpers/patent-numbers');
/* eslint-enable @typescript-eslint/no-require-imports */

const TABLES = [
	'registry_patent',
	'registry_patent_party',
	'registry_status_history',
	'registry_deadline',
	'audit',
] as const;
const STATUSES = ['授权', '实质审查', '受理', '授权', '公布'];

/** Ledger rows: numbers from 2004 on, the three main types, half granted, two inventors and one or two owners. */
function ledger(n: number, offset = 0): Array<Record<string, string>> {
	return Array.from({ length: n }, (_, k) => {
		const i = k + offset;
		const year = 2004 + (i % 20);
		const typeDigit = [1, 2, 3][i % 3];
		let status = STATUSES[i % STATUSES.length];
		if (typeDigit !== 1 && (status === '实质审查' || status === '公布')) status = '初审';
		const filing = `${year}年${(i % 12) + 1}月${(i % 28) + 1}日`;
		return {
			申请号: buildPatentNumber(year, typeDigit, 1_000_000 + i),
			专利名称: `一种智能制造装置 ${i}`,
			申请日: filing,
			发明人: i % 2 ? '李老师、王工' : '李老师、外部专家',
			专利权人: i % 4 ? '市职业技术学院' : '市职业技术学院、星河智能制造有限公司',
			法律状态: status,
			...(status === '授权' ? { 授权日: `${year + 1}-06-15` } : {}),
		};
	});
}

async function timeIt<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
	const start = process.hrtime.bigint();
	const value = await fn();
	return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

async function seedDirectory(store: import('../core/store').Store) {
	const actor = { actor: 'bench' };
	const school = await organisations.create(
		store,
		{ name: '市职业技术学院', kind: 'school' } as any,
		actor,
	);
	await organisations.create(
		store,
		{ name: '星河智能制造有限公司', kind: 'enterprise' } as any,
		actor,
	);
	await people.create(
		store,
		{
			name: '李老师',
			kind: 'teacher',
			email: 'li@college.edu.cn',
			organisationId: school.id,
		} as any,
		actor,
	);
	await people.create(
		store,
		{ name: '王工', kind: 'technician', email: 'wang@xinghe.com' } as any,
		actor,
	);
}

const importWorkflow = {
	name: 'registry bench import',
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
			id: 'import',
			name: 'Import',
			type: 'n8n-nodes-consortium.registry',
			typeVersion: 1,
			position: [200, 0],
			parameters: { resource: 'patent', operation: 'import', batchSize: BATCH },
			credentials: { consortiumStoreApi: { id: 'consortium-store', name: 'store' } },
		},
	],
	connections: { Start: { main: [[{ node: 'Import', type: 'main', index: 0 }]] } },
};

/** The node path: a fresh store with the directory, the whole ledger through the engine. */
async function nodeImport(rows: Array<Record<string, string>>, path: string) {
	const config = { type: 'sqlite' as const, sqlitePath: path };
	const seed = await openStore(config);
	await seedDirectory(seed);
	await seed.close();
	const engine = new Engine({ credentials: storeCredentials(config) });
	const node = await timeIt(() => engine.run(importWorkflow, { items: rows }));
	if (node.value.error()) throw new Error(node.value.error());
	const created = node.value.output('Import').filter((r) => r.result === 'created').length;
	if (created !== ROWS) throw new Error(`node created ${created} of ${ROWS}`);
	await closeAllStores();
	return node.ms;
}

/** The baseline: exactly the rows the node wrote, into a fresh store of the same schema, by raw prepared INSERTs in one transaction. */
async function rawInsert(
	written: Array<{ table: string; rows: Array<Record<string, any>> }>,
	source: string,
	path: string,
) {
	await (await openStore({ type: 'sqlite', sqlitePath: path })).close();
	// The directory the patents refer to, copied untimed so foreign keys hold.
	const from = new DatabaseSync(source);
	from.exec(
		`attach database '${path}' as raw; insert into raw.organisation select * from organisation; insert into raw.person select * from person; detach database raw`,
	);
	from.close();
	const raw = new DatabaseSync(path);
	raw.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON');
	const time = await timeIt(() => {
		raw.exec('begin');
		for (const { table, rows: tableRows } of written) {
			const columns = Object.keys(tableRows[0]).filter((c) => !(table === 'audit' && c === 'seq'));
			const insert = raw.prepare(
				`insert into ${table} (${columns.join(',')}) values (${columns.map(() => '?').join(',')})`,
			);
			for (const row of tableRows) insert.run(...columns.map((c) => row[c]));
		}
		raw.exec('commit');
	});
	raw.close();
	return time.ms;
}

async function importBench() {
	const rows = ledger(ROWS);
	// Warm up (n8n and the node modules load lazily) on a throwaway store, so the timing is the import.
	const warmConfig = { type: 'sqlite' as const, sqlitePath: join(dir, 'warm.sqlite') };
	await new Engine({ credentials: storeCredentials(warmConfig) }).run(importWorkflow, {
		items: ledger(50, 900_000),
	});
	await closeAllStores();
	// Alternate the two sides and keep each side's best run: on a shared machine, other load
	// then slows both sides alike instead of whichever happened to run during a spike.
	const nodeTimes: number[] = [];
	const rawTimes: number[] = [];
	let written: Array<{ table: string; rows: Array<Record<string, any>> }> = [];
	for (let k = 0; k < RUNS; k++) {
		const nodePath = join(dir, `node-${k}.sqlite`);
		nodeTimes.push(await nodeImport(rows, nodePath));
		const source = new DatabaseSync(nodePath);
		written = TABLES.map((table) => ({
			table,
			rows: source
				.prepare(
					table === 'audit'
						? `select * from audit where entity_type = 'patent'`
						: `select * from ${table}`,
				)
				.all() as Array<Record<string, any>>,
		}));
		source.close();
		rawTimes.push(await rawInsert(written, nodePath, join(dir, `raw-${k}.sqlite`)));
	}
	const nodeMs = Math.min(...nodeTimes);
	const rawMs = Math.min(...rawTimes);
	const totalRows = written.reduce((n, w) => n + w.rows.length, 0);
	const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
	console.log(
		`import of ${ROWS.toLocaleString('en')} ledger rows (node ${process.version}, ${require('node:os').cpus().length} cores, load ${require('node:os').loadavg()[0].toFixed(1)}, SQLite, batch ${BATCH})`,
	);
	console.log(
		`  rows written per import: ${written.map((w) => `${w.table} ${w.rows.length.toLocaleString('en')}`).join(', ')} = ${totalRows.toLocaleString('en')}`,
	);
	console.log(
		`  Registry node in the n8n engine  ${nodeMs.toFixed(0).padStart(7)} ms  ${Math.round((ROWS / nodeMs) * 1000).toLocaleString('en')} ledger rows/s  (runs: ${list(nodeTimes)} ms)`,
	);
	console.log(
		`  raw prepared INSERTs, same rows  ${rawMs.toFixed(0).padStart(7)} ms  (runs: ${list(rawTimes)} ms)`,
	);
	console.log(
		`  raw/node ratio                   ${(rawMs / nodeMs).toFixed(2)}  (target >= 0.30)`,
	);
}

async function deadlineBench(label: string, config: import('../core/store').StoreConfig) {
	const store = await openStore(config);
	await seedDirectory(store);
	// A college-sized directory: 2,000 staff, each the contact of some patents.
	const now = new Date().toISOString();
	const staff = Array.from({ length: 2000 }, (_, i) => ({
		id: newId('per'),
		name: `教师${i}`,
		kind: 'teacher',
		email: `t${i}@college.edu.cn`,
		dual_qualified: 0,
		enterprise_experience: 0,
		created_at: now,
		updated_at: now,
	}));
	await store.transaction((tx) => insertMany(tx, 'person', staff));
	const rows = ledger(DEADLINE_PATENTS, 200_000) as any[];
	const inputs: Array<Record<string, unknown>> = rows.map((r) => ({
		applicationNo: r['申请号'],
		title: r['专利名称'],
		filingDate: r['申请日'],
		inventors: r['发明人'],
		applicants: r['专利权人'],
		status: r['法律状态'],
		grantedOn: r['授权日'],
	}));
	// Open exam responses on the pending ones, spread over the coming years.
	inputs.forEach((p, i) => {
		p.contactId = staff[i % staff.length].id;
		if (p.status !== '授权') p.examResponseDue = addDays('2027-01-01', (i * 7) % 1800);
	});
	const load = await timeIt(() =>
		registry.importPatents(store, inputs as never[], { actor: 'bench' }, 2000),
	);
	if (load.value.some((r) => r.result !== 'created'))
		throw new Error(
			`seed rejected: ${JSON.stringify(load.value.find((r) => r.result !== 'created'))}`,
		);
	await sql.raw('analyze').execute(store.db);
	const deadlines = await store.db
		.selectFrom('registry_deadline')
		.select((eb) => eb.fn.countAll().as('n'))
		.executeTakeFirstOrThrow();
	const from = '2027-03-01';
	const to = '2027-03-31';
	const times: number[] = [];
	let found = 0;
	for (let k = 0; k < 15; k++) {
		const t = await timeIt(() => registry.listDeadlines(store, { from, to, today: '2027-02-01' }));
		times.push(t.ms);
		found = t.value.length;
	}
	times.sort((a, b) => a - b);
	const plan = await registry.explainDeadlineQuery(store, from, to, true);
	console.log(
		`deadline window query, ${label}: ${DEADLINE_PATENTS.toLocaleString('en')} patents, ${Number(deadlines.n).toLocaleString('en')} open deadlines (seeded in ${(load.ms / 1000).toFixed(1)} s)`,
	);
	console.log(
		`  window ${from} … ${to}: ${found} items; median ${times[7].toFixed(1)} ms, max ${times[14].toFixed(1)} ms over 15 runs (target < 50 ms)`,
	);
	console.log(`  plan:\n${plan.map((l) => `    ${l}`).join('\n')}`);
	await store.close();
}

async function pgConfig(): Promise<import('../core/store').StoreConfig | null> {
	if (!process.env.CONSORTIUM_PG_URL) return null;
	const url = new URL(process.env.CONSORTIUM_PG_URL);
	const database = `bench_registry_${Date.now()}`;
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

async function main() {
	if (!process.env.SKIP_IMPORT) await importBench();
	if (process.env.SKIP_DEADLINES) return closeAllStores();
	await deadlineBench('SQLite', { type: 'sqlite', sqlitePath: join(dir, 'deadlines.sqlite') });
	const pg = await pgConfig();
	if (pg) await deadlineBench('PostgreSQL', pg);
	else console.log('deadline window query, PostgreSQL: skipped (set CONSORTIUM_PG_URL)');
	await closeAllStores();
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
