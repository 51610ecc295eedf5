/**
 * Hostile parameters of the Consortium Trigger (a poll node has no input items: its
 * parameters are what an imported workflow or an expression hands over). Each poll either
 * emits events or fails with a clear error naming the parameter — no crash, no driver error —
 * and a refused poll moves no cursor and marks nothing as fired.
 */
import { organisations } from '../../../core/directory';
import { closeAllStores, openStore, type Store } from '../../../core/store';
import { describe as show, fuzzCases, fuzzSeeds, mutate, Rng } from '../../fuzz/generator';
import { freshStoreConfig, testDialects } from '../../helpers/dialects';
import { Engine, storeCredentials } from '../harness';
import { pollNode, triggerWorkflow } from '../poll';
import { counts, delta, FOREIGN_TEXT, junkIn } from './items';

const SEEDS = fuzzSeeds('Consortium Trigger parameters');
const POLLS = fuzzCases(20);
// Messages open with the parameter's Chinese name (事件为必填项 / Events is required).
const LABELS = /事件|记录类型|其他实体类型|仅这些动作|提前天数|每次最多事件数/;

const base = {
	events: ['recordChanged', 'approvalDecided', 'approvalOverdue', 'deadlineWindow'],
	recordKinds: ['organisation', 'person'],
	entityTypes: 'exchange_log',
	actions: 'create, update',
	windowDays: 30,
	maxEvents: 50,
};

describe.each(testDialects())('hostile parameters of the Consortium Trigger (%s)', (dialect) => {
	let store: Store;
	let engine: Engine;

	beforeAll(async () => {
		const config = await freshStoreConfig(dialect);
		store = await openStore(config);
		engine = new Engine({ credentials: storeCredentials(config) });
		for (let i = 0; i < 3; i++)
			await organisations.create(
				store,
				{ name: `星河智能制造有限公司 ${i}`, kind: 'enterprise' },
				{ actor: 'fuzz' },
			);
	});
	afterAll(async () => {
		await store.close();
		await closeAllStores();
	});

	it.each(SEEDS)(
		'seed %i: each poll emits events or fails naming the parameter; a refused poll moves no cursor',
		async (seed) => {
			const rng = new Rng(seed);
			const problems: string[] = [];
			let emitted = 0;
			let refused = 0;
			for (let i = 0; i < POLLS; i++) {
				const { input, mutations } = i === 0 ? { input: base, mutations: [] } : mutate(rng, base);
				const what = `seed=${seed} poll ${i} ${JSON.stringify(mutations)}`;
				const before = await counts(store);
				try {
					const events = await pollNode(
						engine,
						triggerWorkflow(`wf-fuzz-${seed}-${i}`, input),
						'On Change',
					);
					emitted++;
					const junk = junkIn(events ?? []);
					if (junk) problems.push(`${what}: event holds ${junk}`);
				} catch (error) {
					refused++;
					const message = String((error as Error).message);
					if (i === 0) problems.push(`${what}: the valid parameters were refused: ${message}`);
					if ((error as Error).name !== 'NodeOperationError')
						problems.push(`${what}: ${(error as Error).name}: ${message.slice(0, 200)}`);
					if (FOREIGN_TEXT.test(message) || !LABELS.test(message))
						problems.push(`${what}: unclear error: ${message.slice(0, 300)}`);
					const change = delta(before, await counts(store));
					if (Object.keys(change).length)
						problems.push(`${what}: refused, yet changed ${show(change)}`);
				}
			}
			console.log(
				`[fuzz] trigger parameters seed ${seed} (${dialect}): ${POLLS} polls, ${emitted} ran, ${refused} refused`,
			);
			expect(problems).toEqual([]);
			expect(emitted).toBeGreaterThan(0);
			expect(refused).toBeGreaterThan(0);
		},
	);
});
