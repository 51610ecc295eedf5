import { closeAllStores, openStore, resolveSettings, type Store } from '../../../core/store';
import { runCase, snapshot, summarise, type CaseResult } from '../../fuzz/check';
import { BAD_TIME_ZONES, fuzzCases, fuzzSeeds, Rng } from '../../fuzz/generator';
import { BULK_TARGETS, prepare, TARGETS, type Env } from '../../fuzz/targets';
import { freshStoreConfig, testDialects } from '../../helpers/dialects';

const SEEDS = fuzzSeeds('core create/update/bulk paths');
const CASES = fuzzCases(25);
const BULK_ROWS = fuzzCases(25);

describe.each(testDialects())(
	'hostile input to every core create/update/bulk path (%s)',
	(dialect) => {
		afterAll(() => closeAllStores());

		describe.each(SEEDS)('seed %i', (seed) => {
			let store: Store;
			let env: Env;

			beforeAll(async () => {
				store = await openStore(await freshStoreConfig(dialect));
				env = await prepare(store, `s${seed}x`, (seed % 100_000) * 10);
			});
			afterAll(() => store.close());

			it.each(TARGETS.map((t) => [t.name, t] as const))(
				'%s: a clear error naming the field, or success; a refusal changes nothing',
				async (_name, target) => {
					const rng = new Rng(seed ^ hash(target.name));
					const failures: string[] = [];
					const results: CaseResult[] = [];
					for (let i = 0; i < CASES; i++) {
						const { input, mutations } = target.input(rng, env, i);
						results.push(
							await runCase(
								store,
								{ seed, index: i, target: target.name, mutations },
								() => target.call(store, env, input),
								failures,
							),
						);
					}
					console.log(summarise(target.name, seed, results));
					expect(failures).toEqual([]);
					// the generator must reach the refusal path, or it proves nothing
					expect(results.some((r) => r.outcome === 'refused')).toBe(true);
				},
			);

			it.each(BULK_TARGETS.map((t) => [t.name, t] as const))(
				'%s: each bad row is rejected naming its field, and only accepted rows are written',
				async (_name, target) => {
					const rng = new Rng(seed ^ hash(target.name));
					const rows = Array.from({ length: BULK_ROWS }, (_, i) =>
						target.rows(rng, env, 10_000 + i),
					);
					const before = await snapshot(store);
					const results = await target.call(
						store,
						rows.map((r) => r.input),
					);
					const after = await snapshot(store);
					const created = results.filter((r) => r.result === 'created').length;
					const rejected = results.filter((r) => r.result === 'rejected');
					console.log(
						`[fuzz] ${target.name} seed ${seed}: ${rows.length} rows, ${created} created, ${results.length - created - rejected.length} updated, ${rejected.length} rejected`,
					);
					expect(results).toHaveLength(rows.length);
					expect(after[target.table] - before[target.table]).toBe(created);
					const unclear = rejected.filter(
						(r) =>
							!r.reason ||
							/TypeError|Cannot read|is not a function|of undefined|of null|invalid input syntax|syntax error/.test(
								r.reason,
							) ||
							!r.field,
					);
					expect(
						unclear.map(
							(r) => `${JSON.stringify(r)} ${JSON.stringify(rows[results.indexOf(r)].mutations)}`,
						),
					).toEqual([]);
					expect(rejected.length).toBeGreaterThan(0);
				},
			);
		});

		it('refuses an unknown time zone in the settings with a clear message and stores nothing', async () => {
			const store = await openStore(await freshStoreConfig(dialect));
			const before = await snapshot(store);
			for (const zone of BAD_TIME_ZONES) {
				await expect(resolveSettings(store, { timeZone: zone })).rejects.toThrow(
					/time zone.*时区无效/,
				);
			}
			expect(await snapshot(store)).toEqual(before);
			await store.close();
		});
	},
);

function hash(text: string): number {
	let h = 2166136261;
	for (const c of text) h = Math.imul(h ^ c.codePointAt(0)!, 16777619);
	return h >>> 0;
}
