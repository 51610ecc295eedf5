/**
 * Hostile items through the Consortium node's operations in the real n8n engine, with
 * Continue On Fail on: every bad item becomes an error item that names the item and the
 * field, the good ones go through, and a failed item writes nothing.
 */
import { closeAllStores, openStore } from '../../../core/store';
import { snapshot } from '../../fuzz/check';
import { describe as show, fuzzCases, fuzzSeeds, mutate, Rng } from '../../fuzz/generator';
import { creditCode } from '../../helpers/course';
import { freshStoreConfig, testDialects } from '../../helpers/dialects';
import { Engine, storeCredentials } from '../harness';

const SEEDS = fuzzSeeds('Consortium node items');
const ITEMS = fuzzCases(30);

const expr = (key: string) => `={{ $json[${JSON.stringify(key)}] }}`;

/** Every field of the operation comes from the item, so the item's junk reaches the node as it is. */
function workflow(resource: string, operation: string, required: string[], optional: string[], extra: object = {}) {
	const fields = Object.fromEntries(optional.map((k) => [k, expr(k)]));
	const parameters: Record<string, unknown> = { resource, operation, ...Object.fromEntries(required.map((k) => [k, expr(k)])), ...extra };
	parameters[operation === 'update' ? 'updateFields' : 'additionalFields'] = fields;
	return {
		name: `fuzz ${resource} ${operation}`,
		nodes: [
			{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'op',
				name: 'Op',
				type: 'n8n-nodes-consortium.consortium',
				typeVersion: 1,
				position: [200, 0],
				parameters,
				continueOnFail: true,
				onError: 'continueRegularOutput',
				credentials: { consortiumStoreApi: { id: '1', name: 'store' } },
			},
		],
		connections: { Start: { main: [[{ node: 'Op', type: 'main', index: 0 }]] } },
	};
}

const orgBase = (seed: number, i: number) => ({
	name: `海峡数控装备有限公司${seed}-${i}`,
	kind: 'enterprise',
	creditCode: creditCode(`91350100M${String((seed + i) % 1e8).padStart(8, '0')}`),
	contactName: '张经理',
	contactEmail: `c${seed}-${i}@example.com`,
	contactPhone: '0591-1234567',
	memberSince: '2023-05-06',
	roles: '成员单位',
});
const ORG_OPTIONAL = ['creditCode', 'contactName', 'contactEmail', 'contactPhone', 'memberSince', 'roles'];

const personBase = (seed: number, i: number) => ({
	name: '李工',
	kind: 'technician',
	email: `p${seed}-${i}@example.com`,
	department: '研发部',
	phone: '13900000000',
	title: '工程师',
	dualQualified: false,
	joinedOn: '2021年9月1日',
});
const PERSON_OPTIONAL = ['email', 'department', 'phone', 'title', 'dualQualified', 'joinedOn'];

const CASES = [
	{ name: 'organisation create', table: 'organisation', wf: workflow('organisation', 'create', ['name', 'kind'], ORG_OPTIONAL), base: orgBase },
	{ name: 'organisation upsert', table: 'organisation', wf: workflow('organisation', 'upsert', ['name', 'kind'], ORG_OPTIONAL), base: orgBase },
	{ name: 'person create', table: 'person', wf: workflow('person', 'create', ['name', 'kind'], PERSON_OPTIONAL), base: personBase },
];

describe.each(testDialects())('hostile items through the Consortium node with Continue On Fail (%s)', (dialect) => {
	afterAll(() => closeAllStores());

	describe.each(SEEDS)('seed %i', (seed) => {
		it.each(CASES.map((c) => [c.name, c] as const))('%s: one error item per bad item naming item and field; failed items write nothing', async (_n, c) => {
			const config = await freshStoreConfig(dialect);
			const engine = new Engine({ credentials: storeCredentials(config) });
			const rng = new Rng(seed);
			const cases = Array.from({ length: ITEMS }, (_, i) => (rng.chance(0.2) ? { input: c.base(seed, i), mutations: [] } : mutate(rng, c.base(seed, i))));
			const store = await openStore(config);
			const before = await snapshot(store);
			const run = await engine.run(c.wf, { items: cases.map((x) => x.input) });
			expect(run.error()).toBeUndefined();
			const out = run.output('Op');
			expect(out).toHaveLength(ITEMS);
			const problems: string[] = [];
			let ok = 0;
			out.forEach((item: any, i: number) => {
				const what = `item ${i} ${JSON.stringify(cases[i].mutations.map((m: any) => ({ ...m, value: m.value === undefined ? undefined : show(m.value) })))}`;
				if (item.error === undefined) {
					if (typeof item.id !== 'string') problems.push(`${what}: neither a record nor an error: ${show(item)}`);
					ok++;
					return;
				}
				if (!String(item.error).startsWith(`第 ${i + 1} 项 Item ${i}: `)) problems.push(`${what}: error does not name the item: ${String(item.error).slice(0, 300)}`);
				const refusedByDomain = /^字段 Field: \S+/.test(String(item.description ?? '')) || /not found|未找到|cannot|不能|已被|changed/.test(String(item.error));
				if (!refusedByDomain) problems.push(`${what}: error names no field: ${String(item.error).slice(0, 300)} ${String(item.description)}`);
			});
			const after = await snapshot(store);
			await store.close();
			console.log(`[fuzz] engine ${c.name} seed ${seed} (${dialect}): ${ITEMS} items, ${ok} written, ${ITEMS - ok} error items`);
			expect(problems).toEqual([]);
			// only the items that came out as records were written, each with its audit row;
			// an upsert may update a record an earlier item created, or change nothing at all
			const written = after[c.table] - before[c.table];
			const audited = after.audit - before.audit;
			if (c.name.includes('upsert')) {
				expect(written).toBeLessThanOrEqual(ok);
				expect(audited).toBeGreaterThanOrEqual(written);
				expect(audited).toBeLessThanOrEqual(ok);
			} else {
				expect([written, audited]).toEqual([ok, ok]);
			}
			expect(ok).toBeLessThan(ITEMS);
		});
	});
});
