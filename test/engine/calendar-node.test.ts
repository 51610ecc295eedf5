import { closeAllStores, openStore } from '../../core/store';
import { freshStoreConfig, testDialects } from '../helpers/dialects';
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
	id: 'wf-calendar-node',
	name: 'calendar node',
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
	'Consortium node: 工作日历 Calendar in the n8n engine (%s)',
	(dialect) => {
		afterAll(() => closeAllStores());

		it('sets days from items and lists a month with the official and the edited days', async () => {
			const config = await freshStoreConfig(dialect);
			await (await openStore(config)).close();
			const engine = new Engine({ credentials: storeCredentials(config) });
			const run = await engine.run(
				chain(
					node(
						'Set Day',
						{
							resource: 'calendar',
							operation: 'upsert',
							date: '={{ $json.date }}',
							kind: '={{ $json.kind }}',
							name: '={{ $json.name }}',
						},
						200,
					),
					{
						...node(
							'List October',
							{
								resource: 'calendar',
								operation: 'list',
								from: '2026-10-01',
								to: '2026-10-31',
								kind: '',
							},
							400,
						),
						executeOnce: true,
					},
				),
				{
					items: [
						{ date: '2026-10-09', kind: 'holiday', name: '校庆' },
						{ date: '2026-10-10', kind: 'holiday', name: '本联合体不调休' },
					],
				},
			);
			expect(run.error()).toBeUndefined();
			expect(run.output('Set Day').map((d) => [d.date, d.kind, d.source])).toEqual([
				['2026-10-09', 'holiday', 'consortium'],
				['2026-10-10', 'holiday', 'consortium'],
			]);
			expect(run.output('List October').map((d) => `${d.date} ${d.kind} ${d.name}`)).toEqual([
				...[1, 2, 3, 4, 5, 6, 7].map((d) => `2026-10-0${d} holiday 国庆节`),
				'2026-10-09 holiday 校庆',
				'2026-10-10 holiday 本联合体不调休',
			]);
		});

		it('a bad date fails its item naming the field, and Continue On Fail keeps the others', async () => {
			const config = await freshStoreConfig(dialect);
			await (await openStore(config)).close();
			const engine = new Engine({ credentials: storeCredentials(config) });
			const run = await engine.run(
				chain({
					...node(
						'Set Day',
						{
							resource: 'calendar',
							operation: 'upsert',
							date: '={{ $json.date }}',
							kind: 'holiday',
							name: '停工',
						},
						200,
					),
					onError: 'continueRegularOutput',
				}),
				{ items: [{ date: '2026-02-30' }, { date: '2026-12-31' }] },
			);
			const out = run.output('Set Day');
			expect(out).toHaveLength(2);
			expect(String(out[0].error)).toMatch(/^第 1 项 Item 1：日期.*Date/);
			expect(out[1]).toMatchObject({ date: '2026-12-31', kind: 'holiday', name: '停工' });
		});
	},
);
