import { closeAllStores, openStore } from '../../core/store';
import { freshStoreConfig, testDialects } from '../helpers/dialects';
import { Engine, storeCredentials } from './harness';

const node = (name: string, parameters: object, position: [number, number]) => ({
	id: name.replace(/\W/g, '') || 'n',
	name,
	type: 'n8n-nodes-consortium.consortium',
	typeVersion: 1,
	position,
	parameters,
	credentials: { consortiumStoreApi: { id: '1', name: 'store' } },
});

const workflow = {
	name: 'directory',
	nodes: [
		{
			id: 'start',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		node(
			'Create Org',
			{
				resource: 'organisation',
				operation: 'create',
				name: '={{ $json.org }}',
				kind: 'enterprise',
				additionalFields: { creditCode: '={{ $json.code }}', roles: '理事单位, 成员单位' },
			},
			[200, 0],
		),
		node(
			'Create Person',
			{
				resource: 'person',
				operation: 'create',
				name: '王师傅',
				kind: 'technician',
				additionalFields: {
					organisationId: '={{ $json.id }}',
					email: 'wang@example.com',
					skillLevel: '高级技师',
				},
			},
			[400, 0],
		),
		node(
			'List People',
			{ resource: 'person', operation: 'list', returnAll: true, filters: { kind: 'technician' } },
			[600, 0],
		),
	],
	connections: {
		Start: { main: [[{ node: 'Create Org', type: 'main', index: 0 }]] },
		'Create Org': { main: [[{ node: 'Create Person', type: 'main', index: 0 }]] },
		'Create Person': { main: [[{ node: 'List People', type: 'main', index: 0 }]] },
	},
};

describe.each(testDialects())('Consortium node directory in the n8n engine (%s)', (dialect) => {
	afterAll(() => closeAllStores());

	it('creates an organisation and a person, then lists them', async () => {
		const config = await freshStoreConfig(dialect);
		const engine = new Engine({ credentials: storeCredentials(config) });
		const run = await engine.run(workflow, {
			items: [{ org: '星河智能制造有限公司', code: '91350100M000100Y43' }],
		});
		expect(run.error()).toBeUndefined();
		const [org] = run.output('Create Org');
		expect(org).toMatchObject({
			name: '星河智能制造有限公司',
			kind: 'enterprise',
			creditCode: '91350100M000100Y43',
			roles: ['理事单位', '成员单位'],
		});
		const people = run.output('List People');
		expect(people).toHaveLength(1);
		expect(people[0]).toMatchObject({
			name: '王师傅',
			organisationId: org.id,
			email: 'wang@example.com',
			skillLevel: '高级技师',
		});
		const store = await openStore(config);
		const audit = await store.db
			.selectFrom('audit')
			.select(['entity_type', 'action', 'actor'])
			.orderBy('seq')
			.execute();
		expect(audit.map((a) => `${a.entity_type}:${a.action}`)).toEqual([
			'organisation:create',
			'person:create',
		]);
		expect(audit[0].actor).toContain('Create Org');
		await store.close();
	});

	it('names the item and field of bad input, writes nothing, and honours Continue On Fail', async () => {
		const config = await freshStoreConfig(dialect);
		const engine = new Engine({ credentials: storeCredentials(config) });
		const failing = await engine.run(workflow, {
			items: [
				{ org: '好公司', code: '91350100M000100Y43' },
				{ org: '坏公司', code: '91350100M000100Y40' },
			],
		});
		expect(failing.error()).toMatch(
			/第 2 项 Item 2：.*统一社会信用代码 Credit Code.*check character/,
		);
		expect(failing.error()).toMatch(/creditCode/);

		const tolerant = structuredClone(workflow);
		(tolerant.nodes[1] as any).continueOnFail = true;
		(tolerant.nodes[1] as any).onError = 'continueRegularOutput';
		const config2 = await freshStoreConfig(dialect);
		const engine2 = new Engine({ credentials: storeCredentials(config2) });
		const run = await engine2.run(tolerant, {
			items: [
				{ org: '坏公司', code: '91350100M000100Y40' },
				{ org: '好公司', code: '91350100M000100Y43' },
			],
		});
		const out = run.output('Create Org');
		expect(out[0].error).toMatch(/check character/);
		expect(out[1]).toMatchObject({ name: '好公司' });
		const store = await openStore(config2);
		const orgs = await store.db.selectFrom('organisation').select('name').execute();
		expect(orgs.map((o) => o.name)).toEqual(['好公司']);
		await store.close();
	});
});
