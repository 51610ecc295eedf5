import { closeAllStores, openStore } from '../../core/store';
import { freshStoreConfig, testDialects } from '../helpers/dialects';
import { seedScoreboard } from '../helpers/scoreboard-seed';
import { Engine, storeCredentials } from './harness';

const node = (name: string, parameters: object, x: number) => ({
	id: name.replace(/\W/g, '') || `n${x}`,
	name,
	type: 'n8n-nodes-consortium.consortium',
	typeVersion: 1,
	position: [x, 0],
	parameters,
	credentials: { consortiumStoreApi: { id: 'consortium-store', name: 'store' } },
});

const chain = (...nodes: any[]) => ({
	id: 'wf-scoreboard-node',
	name: 'scoreboard node',
	nodes: [
		{
			id: 'start',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		...nodes,
	],
	connections: Object.fromEntries(
		['Start', ...nodes.map((n) => n.name)]
			.slice(0, -1)
			.map((from, i) => [from, { main: [[{ node: nodes[i].name, type: 'main', index: 0 }]] }]),
	),
});

describe.each(testDialects())(
	'Consortium node: scoreboard, targets and indicator entries in the n8n engine (%s)',
	(dialect) => {
		afterAll(() => closeAllStores());

		it('records an entry, edits a target and computes the lines with the records they count', async () => {
			const config = await freshStoreConfig(dialect);
			const store = await openStore(config);
			await seedScoreboard(store);
			await store.close();
			const engine = new Engine({ credentials: storeCredentials(config) });
			const run = await engine.run(
				chain(
					node(
						'Record Training',
						{
							resource: 'indicatorEntry',
							operation: 'create',
							indicator: 'staff_training',
							onDate: '={{ $json.date }}',
							value: '={{ $json.count }}',
							source: '={{ $json.source }}',
						},
						200,
					),
					node(
						'Set Target',
						{
							resource: 'targets',
							operation: 'set',
							year: 2026,
							indicator: 'staff_training',
							target: 2000,
						},
						400,
					),
					node('Targets', { resource: 'targets', operation: 'list', year: 2026 }, 600),
					// One scoreboard, not one per target item.
					{
						...node(
							'Score',
							{
								resource: 'scoreboard',
								operation: 'compute',
								period: 'calendar',
								year: 2026,
								asOf: '2026-07-01',
								indicators: ['staff_training', 'patents_granted'],
								output: 'lines',
							},
							800,
						),
						executeOnce: true,
					},
				),
				{
					items: [{ date: '2026年6月30日', count: 400, source: '校企培训班签到表 Sign-in sheets' }],
				},
			);
			expect(run.error()).toBeUndefined();
			const [entry] = run.output('Record Training');
			expect(entry).toMatchObject({
				indicator: 'staff_training',
				onDate: '2026-06-30',
				value: 400,
			});
			expect(run.output('Set Target')[0]).toMatchObject({
				year: 2026,
				indicator: 'staff_training',
				target: 2000,
				defaultTarget: 3000,
			});
			expect(run.output('Targets')).toHaveLength(25);
			const lines = run.output('Score');
			expect(lines.map((l) => l.indicator)).toEqual(['staff_training', 'patents_granted']);
			// 800 + 900 seeded + 400 recorded here = 2100 of the edited 2000.
			expect(lines[0]).toMatchObject({
				actual: 2100,
				target: 2000,
				percentage: 105,
				status: 'met',
				source: 'entries',
				recordIds: ['ind_1', 'ind_2', entry.id],
			});
			expect(lines[1]).toMatchObject({
				actual: 5,
				status: 'met',
				source: 'records',
				recordIds: ['pat_1', 'pat_2', 'pat_5', 'pat_6', 'pat_7'],
			});
		});

		it('names the item and field of a bad entry, which writes nothing while the good item before it stays', async () => {
			const config = await freshStoreConfig(dialect);
			const engine = new Engine({ credentials: storeCredentials(config) });
			const run = await engine.run(
				chain(
					node(
						'Record',
						{
							resource: 'indicatorEntry',
							operation: 'create',
							indicator: 'staff_training',
							onDate: '={{ $json.date }}',
							value: 5,
							source: '={{ $json.source }}',
						},
						200,
					),
				),
				{
					items: [
						{ date: '2026-03-01', source: '台账' },
						{ date: '2026-02-30', source: '台账' },
					],
				},
			);
			expect(run.error()).toMatch(/第 2 项 Item 2：日期 "2026-02-30" 不是有效日期/);
			expect(run.error()).toMatch(/onDate/);
			const store = await openStore(config);
			expect(await store.db.selectFrom('indicator_entry').select('on_date').execute()).toEqual([
				{ on_date: '2026-03-01' },
			]);
			await store.close();
		});
	},
);
