/**
 * Hostile items through every operation of the Consortium node — organisations, people and
 * indicator entries (create, get, update, delete, upsert, bulk upsert, list), the scoreboard
 * (compute, page, report, workbook) and its targets (list, set) — in the real n8n engine,
 * with Continue On Fail on: every bad item becomes an error item that names the item and the
 * field, the good ones go through, and a failed item writes nothing. See ./items.ts.
 */
import type { IDataObject } from 'n8n-workflow';
import { organisations, people } from '../../../core/directory';
import { indicatorEntries, seedTargets } from '../../../core/scoreboard';
import { closeAllStores, openStore, type Store } from '../../../core/store';
import { fuzzCases, fuzzSeeds } from '../../fuzz/generator';
import { actor, creditCode, seedDirectory, type Directory } from '../../helpers/course';
import { freshStoreConfig, testDialects } from '../../helpers/dialects';
import {
	eachCaseIsClean,
	expectBadZoneRefused,
	expectFailFast,
	expr,
	fromItem,
	fuzzContext,
	type Effects,
	type FuzzContext,
	type OpCase,
} from './items';

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
const ORG_OPTIONAL = [
	'creditCode',
	'contactName',
	'contactEmail',
	'contactPhone',
	'memberSince',
	'roles',
];

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

const DATES = ['memberSince', 'joinedOn', 'dualQualifiedSince', 'onDate', 'asOf'];

const entryBase = (n: number) => ({
	indicator: 'staff_training',
	onDate: '2026-03-04',
	value: 12 + (n % 7),
	source: `2026年职工培训台账 第${n}批`,
	note: '含企业导师',
});
const ENTRY_REQUIRED = ['indicator', 'onDate', 'value', 'source'];

interface Env {
	store: Store;
	dir: Directory;
}

const orgItem = (_env: Env, n: number) => orgBase(n);
const personItem = (e: Env, n: number) => ({
	...personBase(n),
	organisationId: e.dir.acme.id,
	courseCategory: 'professional',
	skillLevel: '高级技师',
	employeeNo: `E${n}`,
	dualQualifiedSince: '2022-07-01',
	dualQualifiedLevel: '中级',
	enterpriseExperience: true,
});
const PERSON_ALL = [
	'organisationId',
	'department',
	'email',
	'phone',
	'title',
	'skillLevel',
	'courseCategory',
	'dualQualified',
	'dualQualifiedSince',
	'dualQualifiedLevel',
	'employeeNo',
	'joinedOn',
	'enterpriseExperience',
];

/** A fresh record per call, so get, update and delete cases never touch each other's targets. */
const freshOrg = async (e: Env, n: number) =>
	(await organisations.create(e.store, { name: `待处理单位${n}`, kind: 'enterprise' }, actor)).id;
const freshPerson = async (e: Env, n: number) =>
	(
		await people.create(
			e.store,
			{ name: `待处理人员${n}`, kind: 'teacher', email: `fresh${n}@college.edu.cn` },
			actor,
		)
	).id;
const freshEntry = async (e: Env, n: number) =>
	(await indicatorEntries.create(e.store, { ...entryBase(n), source: `待处理台账${n}` }, actor)).id;

const PERIOD = ['period', 'year', 'startMonth', 'asOf', 'indicators'];
const upserted =
	(table: string) =>
	(out: { result?: unknown }): Effects =>
		out.result === 'created' ? { [table]: 1, audit: 1 } : { audit: [0, 1] };

function entityCases(
	resource: string,
	table: string,
	e: () => Env,
	item: (e: Env, n: number) => IDataObject,
	required: string[],
	optional: string[],
	fresh: (e: Env, n: number) => Promise<string>,
	list: { filters: string[]; item: (e: Env) => IDataObject },
): OpCase[] {
	const all = [...required, ...optional];
	return [
		{
			name: `${resource} create`,
			parameters: {
				resource,
				operation: 'create',
				...fromItem(required),
				additionalFields: fromItem(optional),
			},
			base: async (n) => ({ item: item(e(), n) }),
			effects: { [table]: 1, audit: 1 },
			dateFields: DATES,
		},
		{
			name: `${resource} upsert`,
			parameters: {
				resource,
				operation: 'upsert',
				...fromItem(required),
				additionalFields: fromItem(optional),
			},
			base: async (n) => ({ item: item(e(), n) }),
			// an upsert may update a record an earlier item created, or change nothing at all
			effects: upserted(table),
			dateFields: DATES,
		},
		{
			name: `${resource} get`,
			parameters: { resource, operation: 'get', id: expr('id') },
			base: async (n) => {
				const id = await fresh(e(), n);
				return { item: { id }, target: { table, id } };
			},
		},
		{
			name: `${resource} update`,
			parameters: { resource, operation: 'update', id: expr('id'), updateFields: fromItem(all) },
			base: async (n) => {
				const id = await fresh(e(), n);
				return { item: { id, ...item(e(), n) }, target: { table, id } };
			},
			effects: { audit: [0, 1] },
			dateFields: DATES,
		},
		{
			name: `${resource} delete`,
			parameters: { resource, operation: 'delete', id: expr('id') },
			base: async (n) => {
				const id = await fresh(e(), n);
				return { item: { id }, target: { table, id } };
			},
			effects: { [table]: -1, audit: 1 },
		},
		{
			name: `${resource} bulkUpsert`,
			kind: 'rows',
			parameters: { resource, operation: 'bulkUpsert', batchSize: 4 },
			base: async (n) => ({ item: item(e(), n) }),
			effects: upserted(table),
			dateFields: DATES,
		},
		{
			name: `${resource} list`,
			kind: 'list',
			parameters: {
				resource,
				operation: 'list',
				returnAll: expr('returnAll'),
				limit: expr('limit'),
				filters: fromItem(list.filters),
			},
			base: async () => ({ item: { returnAll: false, limit: 3, ...list.item(e()) } }),
			dateFields: DATES,
		},
	];
}

function cases(e: () => Env): OpCase[] {
	return [
		...entityCases(
			'organisation',
			'organisation',
			e,
			orgItem,
			['name', 'kind'],
			ORG_OPTIONAL,
			freshOrg,
			{
				filters: ['kind', 'name', 'creditCode'],
				item: () => ({ kind: 'enterprise', name: '', creditCode: '' }),
			},
		),
		...entityCases('person', 'person', e, personItem, ['name', 'kind'], PERSON_ALL, freshPerson, {
			filters: ['kind', 'organisationId', 'department', 'courseCategory', 'email'],
			item: (env) => ({
				kind: 'teacher',
				organisationId: env.dir.college.id,
				department: '',
				courseCategory: 'professional',
				email: '',
			}),
		}),
		...entityCases(
			'indicatorEntry',
			'indicator_entry',
			e,
			(_env, n) => entryBase(n),
			ENTRY_REQUIRED,
			['note'],
			freshEntry,
			{
				filters: ['indicator', 'onDate'],
				item: () => ({ indicator: 'staff_training', onDate: '2026-03-04' }),
			},
		),
		{
			name: 'scoreboard compute',
			kind: 'list',
			parameters: {
				resource: 'scoreboard',
				operation: 'compute',
				...fromItem([...PERIOD, 'output']),
			},
			base: async () => ({
				item: {
					period: 'school',
					year: 2025,
					startMonth: 9,
					asOf: '2026-03-31',
					indicators: ['staff_training', 'practice_stations'],
					output: 'sheet',
				},
			}),
			dateFields: DATES,
		},
		{
			name: 'scoreboard report',
			parameters: {
				resource: 'scoreboard',
				operation: 'report',
				...fromItem([...PERIOD, 'title']),
			},
			base: async () => ({
				item: {
					period: 'calendar',
					year: 0,
					startMonth: 9,
					asOf: '2026年6月30日',
					indicators: [],
					title: '联合体建设指标 <2026> & "半年"',
				},
			}),
			isRecord: (out) => typeof out.subject === 'string' && typeof out.html === 'string',
			dateFields: DATES,
		},
		{
			name: 'scoreboard page',
			parameters: {
				resource: 'scoreboard',
				operation: 'page',
				...fromItem([...PERIOD, 'title', 'recordLimit']),
			},
			base: async () => ({
				item: {
					period: 'calendar',
					year: 2026,
					startMonth: 9,
					asOf: '2026-06-30',
					indicators: ['patents_granted'],
					title: '看板 <b>2026</b> & "半年"',
					recordLimit: 5,
				},
			}),
			isRecord: (out) => out.statusCode === 200 && typeof out.html === 'string',
			dateFields: DATES,
		},
		{
			name: 'scoreboard workbook',
			parameters: {
				resource: 'scoreboard',
				operation: 'workbook',
				...fromItem([...PERIOD, 'fileName']),
			},
			base: async () => ({
				item: {
					period: 'calendar',
					year: 0,
					startMonth: 9,
					asOf: '2026-06-30',
					indicators: [],
					fileName: '指标 <2026>.xlsx',
				},
			}),
			isRecord: (out) => typeof out.fileName === 'string' && out.rows === 25,
			dateFields: DATES,
		},
		{
			name: 'targets list',
			kind: 'list',
			parameters: { resource: 'targets', operation: 'list', year: expr('year') },
			base: async (n) => ({ item: { year: 2000 + (n % 101) } }),
		},
		{
			name: 'targets set',
			parameters: {
				resource: 'targets',
				operation: 'set',
				...fromItem(['year', 'indicator', 'target']),
			},
			base: async (n) => ({ item: { year: 2026, indicator: 'staff_training', target: 100 + n } }),
			isRecord: (out) => typeof out.indicator === 'string' && typeof out.target === 'number',
			effects: { audit: [0, 1] },
		},
	];
}

describe.each(testDialects())(
	'hostile items through every Consortium operation with Continue On Fail (%s)',
	(dialect) => {
		let env: Env;
		let fuzz: FuzzContext;
		const all = cases(() => env);

		beforeAll(async () => {
			const config = await freshStoreConfig(dialect);
			const store = await openStore(config);
			env = { store, dir: await seedDirectory(store) };
			// every year a target can have gets its published defaults now, so reading one writes nothing
			await store.transaction(async (tx) => {
				for (let year = 2000; year <= 2100; year++) await seedTargets(tx, year);
			});
			fuzz = fuzzContext(config, store, 'consortium');
		});
		afterAll(async () => {
			await env.store.close();
			await closeAllStores();
		});

		eachCaseIsClean(SEEDS, all, () => fuzz, ITEMS);

		it('a credential whose time zone is no zone fails the run naming the time zone, and writes nothing', async () => {
			await expectBadZoneRefused(fuzz, all.find((c) => c.name === 'scoreboard compute')!);
		});

		it('without Continue On Fail the first bad item fails the run, naming the item, and writes nothing', async () => {
			const create = all.find((c) => c.name === 'indicatorEntry create')!;
			const good = async () => (await create.base(fuzz.serial.n++)).item;
			await expectFailFast(fuzz, create, [{ ...(await good()), value: -1 }, await good()], 0);
			await expectFailFast(
				fuzz,
				create,
				[await good(), { ...(await good()), onDate: ['2026-03-04'] }, await good()],
				1,
				{ indicator_entry: 1, audit: 1 },
			);
		});
	},
);
