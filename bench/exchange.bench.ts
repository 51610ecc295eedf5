/**
 * Exchange compliance at scale.
 *
 * Seeds 2,000 teachers with 5 placements each and 6 weekly logs per placement (60,000
 * confirmed logs, overlapping placements included), then runs the Exchange node's
 * "Compliance Items" (all six reports) and "Build Workbook" in the real n8n engine.
 * Baseline, measured in the same run: one raw query that merely reads every row the
 * reports need (logs joined to placements, teachers, stations, engagements, sessions).
 * Prints node time, baseline time and baseline / node (the share of the time spent just
 * reading the data), on SQLite and, when CONSORTIUM_PG_URL is set, on PostgreSQL.
 *
 *   npx ts-node --transpile-only bench/exchange.bench.ts [teachers]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';

const TEACHERS = Number(process.argv[2] ?? 2000);
const PLACEMENTS_PER_TEACHER = 5;
const LOGS_PER_PLACEMENT = 6;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const dir = mkdtempSync(join(tmpdir(), 'exchange-bench-'));
process.env.N8N_USER_FOLDER ??= dir;
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
process.env.TZ ??= 'UTC';

/* eslint-disable @typescript-eslint/no-require-imports */
const { Engine, registerOwnNode, storeCredentials } =
	require('../test/engine/harness') as typeof import('../test/engine/harness');
// Outside jest, `Exchange.node` would resolve to the codex `Exchange.node.json` first.
registerOwnNode('exchange', () => new (require('../nodes/Exchange/Exchange.node.ts').Exchange)());
const { closeAllStores, insertMany, openStore } =
	require('../core/store') as typeof import('../core/store');
const { newId } = require('../core/util/id') as typeof import('../core/util/id');
const { addDays } = require('../core/util/time') as typeof import('../core/util/time');
const { freshStoreConfig } =
	require('../test/helpers/dialects') as typeof import('../test/helpers/dialects');
/* eslint-enable @typescript-eslint/no-require-imports */

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
	const start = process.hrtime.bigint();
	const value = await fn();
	return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

async function seed(store: Awaited<ReturnType<typeof openStore>>) {
	const now = new Date().toISOString();
	const stamps = { created_at: now, updated_at: now };
	const orgs = Array.from({ length: 20 }, (_, i) => ({
		id: newId('org'),
		name: `企业${i}`,
		kind: 'enterprise',
		roles: '[]',
		...stamps,
	}));
	const stationRows = orgs.map((o, i) => ({
		id: newId('stn'),
		name: `站点${i}`,
		organisation_id: o.id,
		kind: 'station',
		capacity: 50,
		...stamps,
	}));
	const teachers = Array.from({ length: TEACHERS }, (_, i) => ({
		id: newId('per'),
		name: `教师${i}`,
		kind: 'teacher',
		department: `系${i % 8}`,
		course_category: i % 5 === 0 ? 'general' : 'professional',
		dual_qualified: i % 3 === 0 ? 0 : 1,
		enterprise_experience: i % 7 === 0 ? 0 : 1,
		joined_on: addDays('2010-01-01', (i * 37) % 6000),
		...stamps,
	}));
	const placements: Array<Record<string, unknown>> = [];
	const logs: Array<Record<string, unknown>> = [];
	teachers.forEach((t, i) => {
		for (let p = 0; p < PLACEMENTS_PER_TEACHER; p++) {
			// Monday starts spread over 2021–2026; every other placement overlaps the previous one by a week.
			const start = addDays('2021-01-04', 7 * ((i * 13 + p * 40 - (p % 2) * 41) % 300));
			const end = addDays(start, 7 * LOGS_PER_PLACEMENT - 1);
			const s = stationRows[(i + p) % stationRows.length];
			const id = newId('plc');
			placements.push({
				id,
				teacher_id: t.id,
				host_id: s.organisation_id,
				station_id: s.id,
				form: 'post',
				status: 'closed',
				planned_start: start,
				planned_end: end,
				planned_days: 42,
				actual_days: 30,
				actual_hours: 240,
				...stamps,
			});
			for (let w = 0; w < LOGS_PER_PLACEMENT; w++) {
				logs.push({
					id: newId('wlg'),
					placement_id: id,
					week_start: addDays(start, 7 * w),
					hours: 40,
					days_on_site: 5,
					content: '实践',
					confirmed: 1,
					...stamps,
				});
			}
		}
	});
	await store.transaction(async (tx) => {
		await insertMany(tx, 'organisation', orgs);
		await insertMany(tx, 'exchange_station', stationRows);
		await insertMany(tx, 'person', teachers);
		await insertMany(tx, 'exchange_placement', placements);
		await insertMany(tx, 'exchange_log', logs);
	});
	return { logs: logs.length };
}

function workflow() {
	const credentials = { consortiumStoreApi: { id: 'consortium-store', name: 'store' } };
	return {
		name: 'exchange bench',
		nodes: [
			{
				id: 's',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'i',
				name: 'Items',
				type: 'n8n-nodes-consortium.exchange',
				typeVersion: 1,
				position: [200, 0],
				parameters: { resource: 'compliance', operation: 'items', asOf: '2026-12-01' },
				credentials,
			},
			{
				id: 'w',
				name: 'Workbook',
				type: 'n8n-nodes-consortium.exchange',
				typeVersion: 1,
				position: [400, 0],
				parameters: { resource: 'compliance', operation: 'workbook', fileName: 'bench.xlsx' },
				credentials,
			},
		],
		connections: {
			Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'Workbook', type: 'main', index: 0 }]] },
		},
	};
}

async function bench(dialect: 'sqlite' | 'postgres') {
	const config = await freshStoreConfig(dialect);
	const store = await openStore(config);
	const seeded = await seed(store);
	const engine = new Engine({ credentials: storeCredentials(config) });
	const baseline = () =>
		timed(async () => {
			const rows =
				await sql`select l.week_start, l.days_on_site, l.on_site_dates, p.teacher_id, p.station_id, p.planned_start, p.planned_end, p.status, t.name, t.department, t.course_category, t.joined_on
				from exchange_log l join exchange_placement p on p.id = l.placement_id join person t on t.id = p.teacher_id where l.confirmed = 1`.execute(
					store.db,
				);
			await sql`select * from exchange_station s join organisation o on o.id = s.organisation_id`.execute(
				store.db,
			);
			return rows.rows.length;
		});
	let best = { node: Infinity, raw: Infinity, items: 0 };
	for (let r = 0; r < RUNS; r++) {
		const node = await timed(() => engine.run(workflow()));
		const error = node.value.error();
		if (error) throw new Error(error);
		const raw = await baseline();
		best = {
			node: Math.min(best.node, node.ms),
			raw: Math.min(best.raw, raw.ms),
			items: node.value.output('Items').length,
		};
	}
	console.log(
		`${dialect}: ${TEACHERS} teachers, ${seeded.logs} confirmed logs → ${best.items} compliance items + workbook: node ${best.node.toFixed(0)} ms, raw read ${best.raw.toFixed(0)} ms, raw/node ${(best.raw / best.node).toFixed(3)} (best of ${RUNS})`,
	);
	await store.close();
}

(async () => {
	await bench('sqlite');
	if (process.env.CONSORTIUM_PG_URL) await bench('postgres');
	await closeAllStores();
})().catch((error) => {
	console.error(error);
	process.exit(1);
});
