/**
 * Hostile items through the Consortium node's directory operations in the real n8n engine,
 * with Continue On Fail on: every bad item becomes an error item that names the item and the
 * field, the good ones go through, and a failed item writes nothing. See ./items.ts.
 */
import { closeAllStores, openStore, type Store } from '../../../core/store';
import { fuzzCases, fuzzSeeds } from '../../fuzz/generator';
import { creditCode } from '../../helpers/course';
import { freshStoreConfig, testDialects } from '../../helpers/dialects';
import { Engine, storeCredentials } from '../harness';
import { expectCaseClean, fromItem, type Effects, type FuzzContext, type OpCase } from './items';

const SEEDS = fuzzSeeds('Consortium node items');
const ITEMS = fuzzCases(15);

const orgBase = (n: number) => ({
	name: `海峡数控装备有限公司${n}`,
	kind: 'enterprise',
	creditCode: creditCode(`91350100M${String(n % 1e8).padStart(8, '0')}`),
	contactName: '张经理',
	contactEmail: `c${n}@example.com`,
	contactPhone: '0591-1234567',
	memberSince: '2023-05-06',
	roles: '成员单位',
});
const ORG_OPTIONAL = ['creditCode', 'contactName', 'contactEmail', 'contactPhone', 'memberSince', 'roles'];

const personBase = (n: number) => ({
	name: '李工',
	kind: 'technician',
	email: `p${n}@example.com`,
	department: '研发部',
	phone: '13900000000',
	title: '工程师',
	dualQualified: false,
	joinedOn: '2021年9月1日',
});
const PERSON_OPTIONAL = ['email', 'department', 'phone', 'title', 'dualQualified', 'joinedOn'];

const DATES = ['memberSince', 'joinedOn'];

const CASES: OpCase[] = [
	{
		name: 'organisation create',
		parameters: { resource: 'organisation', operation: 'create', ...fromItem(['name', 'kind']), additionalFields: fromItem(ORG_OPTIONAL) },
		base: async (n) => ({ item: orgBase(n) }),
		effects: { organisation: 1, audit: 1 },
		dateFields: DATES,
	},
	{
		name: 'organisation upsert',
		parameters: { resource: 'organisation', operation: 'upsert', ...fromItem(['name', 'kind']), additionalFields: fromItem(ORG_OPTIONAL) },
		base: async (n) => ({ item: orgBase(n) }),
		// an upsert may update a record an earlier item created, or change nothing at all
		effects: (out): Effects => (out.result === 'created' ? { organisation: 1, audit: 1 } : { audit: [0, 1] }),
		dateFields: DATES,
	},
	{
		name: 'person create',
		parameters: { resource: 'person', operation: 'create', ...fromItem(['name', 'kind']), additionalFields: fromItem(PERSON_OPTIONAL) },
		base: async (n) => ({ item: personBase(n) }),
		effects: { person: 1, audit: 1 },
		dateFields: DATES,
	},
];

describe.each(testDialects())('hostile items through the Consortium node with Continue On Fail (%s)', (dialect) => {
	let store: Store;
	let fuzz: FuzzContext;

	beforeAll(async () => {
		const config = await freshStoreConfig(dialect);
		store = await openStore(config);
		fuzz = { engine: new Engine({ credentials: storeCredentials(config) }), store, config, nodeType: 'consortium', serial: { n: 0 } };
	});
	afterAll(async () => {
		await store.close();
		await closeAllStores();
	});

	describe.each(SEEDS)('seed %i', (seed) => {
		it.each(CASES.map((c) => [c.name, c] as const))('%s: one error item per bad item naming item and field; failed items write nothing', async (_name, c) => {
			await expectCaseClean(fuzz, c, seed, ITEMS);
		});
	});
});
