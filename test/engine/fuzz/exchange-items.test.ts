/**
 * Hostile items through every operation of the Exchange node — stations, placements and
 * their lifecycle, weekly logs, technician engagements, compliance reports — in the real n8n
 * engine, on both dialects: see ./items.ts for what each case proves.
 */
import ExcelJS from 'exceljs';
import type { IDataObject } from 'n8n-workflow';
import {
	addLog,
	addSession,
	createEngagement,
	createPlacement,
	REPORT_NAMES,
	REPORT_SHEETS,
	stations,
	transitionEngagement,
	transitionPlacement,
	type ReportName,
} from '../../../core/exchange';
import { closeAllStores, openStore, type Store } from '../../../core/store';
import { describe as show, fuzzCases, fuzzSeeds, hostile, mutate, Rng } from '../../fuzz/generator';
import { actor, seedDirectory, type Directory } from '../../helpers/course';
import { freshStoreConfig, testDialects } from '../../helpers/dialects';
import { binaryBuffer } from '../../helpers/registry-engine';
import {
	counts,
	delta,
	checkCaseOf,
	eachCaseIsClean,
	expectBadZoneRefused,
	expectFailFast,
	expr,
	fromItem,
	fuzzContext,
	hash,
	OP_NODE,
	opWorkflow,
	type Effects,
	type FuzzContext,
	type OpCase,
} from './items';

const SEEDS = fuzzSeeds('Exchange node operations');
const ITEMS = fuzzCases(12);

const DATES = [
	'plannedStart',
	'plannedEnd',
	'recognisedFrom',
	'recognisedTo',
	'weekStart',
	'onSiteDates',
	'date',
	'asOf',
	'cycleAnchor',
];
const STATION_OPTIONAL = [
	'kind',
	'contactName',
	'contactPhone',
	'contactEmail',
	'address',
	'recognisedFrom',
	'recognisedTo',
];
const PLACEMENT_OPTIONAL = ['stationId', 'plannedDays', 'goals', 'mentorId', 'mentorName'];
const RULES = [
	'windowYears',
	'windowMonths',
	'daysPerMonth',
	'generalFactor',
	'cycleAnchor',
	'dualQualifiedTarget',
	'technicianMinHours',
	'newTeacherMonths',
	'annualMonths',
];

interface Env {
	store: Store;
	dir: Directory;
	/** A station with room for every placement the cases make. */
	stationId: string;
	placementId: string;
	engagementId: string;
}

type PlacementState = 'planned' | 'approved' | 'in_progress' | 'report_submitted' | 'assessed';
const PLACEMENT_PATH: PlacementState[] = [
	'approved',
	'in_progress',
	'report_submitted',
	'assessed',
];

async function placement(env: Env, n: number, state: PlacementState): Promise<string> {
	const p = await createPlacement(
		env.store,
		{
			teacherId: env.dir.teachers[n % 5].id,
			hostId: env.dir.acme.id,
			stationId: env.stationId,
			form: 'post',
			plannedStart: '2026-07-06',
			plannedEnd: '2026-08-14',
		},
		actor,
	);
	for (const to of PLACEMENT_PATH.slice(0, PLACEMENT_PATH.indexOf(state as never) + 1)) {
		await transitionPlacement(
			env.store,
			p.id,
			to,
			{ report: '实践报告：产线调试与工艺改进', grade: 'good' },
			actor,
		);
	}
	return p.id;
}

async function engagement(
	env: Env,
	state: 'planned' | 'approved' | 'in_progress',
): Promise<string> {
	const e = await createEngagement(
		env.store,
		{
			technicianId: env.dir.lead.id,
			course: '工业机器人编程',
			module: '离线编程',
			term: '2025-2026-1',
			yearsInIndustry: 12,
		},
		actor,
	);
	if (state !== 'planned') await transitionEngagement(env.store, e.id, 'approved', {}, actor);
	if (state === 'in_progress')
		await addSession(env.store, e.id, { date: '2025-10-10', hours: 4 }, actor);
	return e.id;
}

const stationItem = (env: Env, n: number) => ({
	name: `星河教师实践流动站${n}`,
	// the enterprise by id or by its registered name, as a form or a sheet gives it
	organisationId: n % 2 ? env.dir.acme.name : env.dir.acme.id,
	capacity: 5,
	kind: 'station',
	contactName: '张经理',
	contactPhone: '0591-12345678',
	contactEmail: `station${n}@acme.example.com`,
	address: '福州市高新区 <b>创新园</b> 2 号楼',
	recognisedFrom: '2024-01-01',
	recognisedTo: '2026年12月31日',
});

const rowEffects = (out: { result?: unknown }): Effects =>
	out.result === 'created' ? { exchange_station: 1, audit: 1 } : { audit: [0, 1] };

function cases(e: () => Env): OpCase[] {
	const compliance = (operation: string, extra: Record<string, unknown> = {}): OpCase => ({
		name: `compliance ${operation}`,
		kind: 'list',
		parameters: {
			resource: 'compliance',
			operation,
			asOf: expr('asOf'),
			term: expr('term'),
			rules: fromItem(RULES),
			...(operation === 'items' ? { reports: expr('reports') } : {}),
		},
		base: async () => ({
			item: {
				asOf: '2026-12-01',
				term: '2025-2026-1',
				windowYears: 5,
				daysPerMonth: 30,
				cycleAnchor: '2016-05-11',
				dualQualifiedTarget: 0.75,
				...extra,
			},
		}),
		dateFields: DATES,
	});
	return [
		{
			name: 'station create',
			parameters: {
				resource: 'station',
				operation: 'create',
				...fromItem(['name', 'organisationId', 'capacity']),
				additionalFields: fromItem(STATION_OPTIONAL),
			},
			base: async (n) => ({ item: stationItem(e(), n) }),
			effects: { exchange_station: 1, audit: 1 },
			dateFields: DATES,
		},
		{
			name: 'station update',
			parameters: {
				resource: 'station',
				operation: 'update',
				id: expr('id'),
				updateFields: fromItem(['name', 'organisationId', 'capacity', ...STATION_OPTIONAL]),
			},
			base: async (n) => {
				const { id } = await stations.create(
					e().store,
					{ name: `待更新站点${n}`, organisationId: e().dir.acme.id, capacity: 3 },
					actor,
				);
				return {
					item: { id, ...stationItem(e(), n), capacity: 8 },
					target: { table: 'exchange_station', id },
				};
			},
			effects: { audit: [0, 1] },
			dateFields: DATES,
		},
		{
			name: 'station upsert',
			parameters: {
				resource: 'station',
				operation: 'upsert',
				...fromItem(['name', 'organisationId', 'capacity']),
				additionalFields: fromItem(STATION_OPTIONAL),
			},
			base: async (n) => ({ item: stationItem(e(), n) }),
			effects: rowEffects,
			dateFields: DATES,
		},
		{
			name: 'station get',
			parameters: { resource: 'station', operation: 'get', id: expr('id') },
			base: async () => ({ item: { id: e().stationId } }),
		},
		{
			name: 'station list',
			kind: 'list',
			parameters: {
				resource: 'station',
				operation: 'list',
				returnAll: expr('returnAll'),
				limit: expr('limit'),
				filters: fromItem(['organisationId', 'kind']),
			},
			base: async () => ({
				item: { returnAll: false, limit: 3, organisationId: e().dir.acme.id, kind: 'station' },
			}),
		},
		{
			name: 'station delete',
			parameters: { resource: 'station', operation: 'delete', id: expr('id') },
			base: async (n) => {
				const { id } = await stations.create(
					e().store,
					{ name: `待删除站点${n}`, organisationId: e().dir.beta.id, capacity: 1 },
					actor,
				);
				return { item: { id }, target: { table: 'exchange_station', id } };
			},
			effects: { exchange_station: -1, audit: 1 },
		},
		{
			name: 'station bulkUpsert',
			kind: 'rows',
			parameters: { resource: 'station', operation: 'bulkUpsert', batchSize: 5 },
			// spreadsheet rows: headed by key, by the Chinese label, or by the whole label
			base: async (n) => {
				const { name, organisationId, capacity, contactEmail, recognisedTo } = stationItem(e(), n);
				return {
					item: {
						站点名称: name,
						organisationId,
						'容量（同时接收教师数）Capacity': capacity,
						类型: '企业实践基地',
						contactEmail,
						recognisedTo,
					},
				};
			},
			effects: rowEffects,
			dateFields: DATES,
		},
		{
			name: 'placement create',
			parameters: {
				resource: 'placement',
				operation: 'create',
				...fromItem(['teacherId', 'hostId', 'form', 'plannedStart', 'plannedEnd']),
				additionalFields: fromItem(PLACEMENT_OPTIONAL),
			},
			base: async (n) => ({
				item: {
					teacherId: e().dir.teachers[n % 5].email,
					hostId: e().dir.acme.name,
					form: '顶岗',
					plannedStart: '2026-07-06',
					plannedEnd: '2026/8/14',
					stationId: e().stationId,
					plannedDays: 30,
					goals: '学习产线调试；"工艺" <改进>',
					mentorId: e().dir.lead.email,
					mentorName: '王师傅',
				},
			}),
			effects: { exchange_placement: 1, audit: 1 },
			dateFields: DATES,
		},
		{
			name: 'placement update',
			parameters: {
				resource: 'placement',
				operation: 'update',
				id: expr('id'),
				updateFields: fromItem([
					'teacherId',
					'hostId',
					'form',
					'plannedStart',
					'plannedEnd',
					...PLACEMENT_OPTIONAL,
				]),
			},
			base: async (n) => {
				const id = await placement(e(), n, 'planned');
				return {
					item: {
						id,
						form: 'training',
						plannedStart: '2026-07-13',
						plannedEnd: '2026-08-21',
						plannedDays: 20,
						goals: '数控系统培训',
						mentorName: '李工',
					},
					target: { table: 'exchange_placement', id },
				};
			},
			effects: { audit: [0, 1] },
			dateFields: DATES,
		},
		{
			name: 'placement transition (status from the item)',
			// with the status an expression, the editor shows (and requires) every status's own box
			parameters: {
				resource: 'placement',
				operation: 'transition',
				id: expr('id'),
				status: expr('status'),
				report: expr('report'),
				grade: expr('grade'),
				additionalFields: fromItem(['reason']),
			},
			base: async (n) => {
				const id = await placement(e(), n, 'planned');
				return {
					item: {
						id,
						status: 'approved',
						reason: '系部同意 <i>按计划</i>',
						report: '',
						grade: 'good',
					},
					target: { table: 'exchange_placement', id },
				};
			},
			effects: { audit: 1 },
		},
		{
			name: 'placement transition to report submitted',
			parameters: {
				resource: 'placement',
				operation: 'transition',
				id: expr('id'),
				status: 'report_submitted',
				report: expr('report'),
			},
			base: async (n) => {
				const id = await placement(e(), n, 'in_progress');
				return {
					item: { id, report: '实践报告：完成产线调试 120 学时，撰写工艺改进建议 3 条。' },
					target: { table: 'exchange_placement', id },
				};
			},
			effects: { audit: 1 },
		},
		{
			name: 'placement transition to assessed',
			parameters: {
				resource: 'placement',
				operation: 'transition',
				id: expr('id'),
				status: 'assessed',
				grade: expr('grade'),
				additionalFields: fromItem(['comments']),
			},
			base: async (n) => {
				const id = await placement(e(), n, 'report_submitted');
				return {
					item: { id, grade: 'excellent', comments: '表现优秀' },
					target: { table: 'exchange_placement', id },
				};
			},
			effects: { audit: 1 },
		},
		{
			name: 'placement transition to closed',
			parameters: {
				resource: 'placement',
				operation: 'transition',
				id: expr('id'),
				status: 'closed',
				additionalFields: fromItem(['departmentGrade', 'departmentComments']),
			},
			base: async (n) => {
				const id = await placement(e(), n, 'assessed');
				return {
					item: { id, departmentGrade: 'good', departmentComments: '同意结束' },
					target: { table: 'exchange_placement', id },
				};
			},
			effects: { audit: 1 },
		},
		{
			name: 'placement get',
			parameters: { resource: 'placement', operation: 'get', id: expr('id') },
			base: async () => ({ item: { id: e().placementId } }),
		},
		{
			name: 'placement list',
			kind: 'list',
			parameters: {
				resource: 'placement',
				operation: 'list',
				returnAll: expr('returnAll'),
				limit: expr('limit'),
				filters: fromItem(['teacherId', 'hostId', 'stationId', 'status', 'form']),
			},
			base: async () => ({
				item: {
					returnAll: false,
					limit: 4,
					hostId: e().dir.acme.id,
					stationId: e().stationId,
					status: 'in_progress',
					form: 'post',
				},
			}),
		},
		{
			name: 'weeklyLog add',
			parameters: {
				resource: 'weeklyLog',
				operation: 'add',
				...fromItem(['placementId', 'weekStart', 'daysOnSite', 'hours', 'content']),
				additionalFields: fromItem(['onSiteDates']),
			},
			base: async (n) => {
				const placementId = await placement(e(), n, 'in_progress');
				return {
					item: {
						placementId,
						weekStart: '2026-07-08',
						daysOnSite: 5,
						hours: 40,
						content: '跟岗实践：产线调试、PLC 编程',
						onSiteDates: '2026-07-06, 2026-07-07、2026-07-08, 2026-07-09, 2026-07-10',
					},
					target: { table: 'exchange_placement', id: placementId },
				};
			},
			effects: { exchange_log: 1, audit: 1 },
			dateFields: DATES,
		},
		{
			name: 'weeklyLog confirm',
			parameters: {
				resource: 'weeklyLog',
				operation: 'confirm',
				id: expr('id'),
				additionalFields: fromItem(['confirmedBy']),
			},
			base: async (n) => {
				const placementId = await placement(e(), n, 'in_progress');
				const log = await addLog(
					e().store,
					placementId,
					{ weekStart: '2026-07-13', daysOnSite: 4, hours: 32, content: '设备维护' },
					actor,
				);
				return {
					item: { id: log.id, confirmedBy: '王师傅（企业导师）' },
					target: { table: 'exchange_log', id: log.id },
				};
			},
			// the confirmation, and the placement's actual days recomputed from it
			effects: { audit: [1, 2] },
		},
		{
			name: 'weeklyLog list',
			kind: 'list',
			parameters: { resource: 'weeklyLog', operation: 'list', placementId: expr('placementId') },
			base: async () => ({ item: { placementId: e().placementId } }),
		},
		{
			name: 'engagement create',
			parameters: {
				resource: 'engagement',
				operation: 'create',
				...fromItem(['technicianId', 'course', 'term']),
				additionalFields: fromItem(['enterpriseId', 'module', 'yearsInIndustry']),
			},
			base: async (n) => ({
				item: {
					technicianId: n % 2 ? e().dir.lead.email : e().dir.lead.id,
					course: '工业机器人编程',
					term: '2025-2026-1',
					enterpriseId: n % 2 ? e().dir.acme.id : e().dir.acme.name,
					module: '离线编程 & 仿真',
					yearsInIndustry: 12,
				},
			}),
			effects: { exchange_engagement: 1, audit: 1 },
		},
		{
			name: 'engagement addSession',
			parameters: {
				resource: 'engagement',
				operation: 'addSession',
				id: expr('id'),
				...fromItem(['date', 'hours']),
				additionalFields: fromItem(['topic', 'feedbackScore', 'feedbackCount']),
			},
			base: async () => {
				const id = await engagement(e(), 'approved');
				return {
					item: {
						id,
						date: '2025-10-10',
						hours: 4,
						topic: '示教器编程',
						feedbackScore: 92.5,
						feedbackCount: 40,
					},
					target: { table: 'exchange_engagement', id },
				};
			},
			// the session, and the first one moving the engagement into progress
			effects: { exchange_session: 1, audit: [1, 2] },
			dateFields: DATES,
		},
		{
			name: 'engagement evaluate',
			parameters: {
				resource: 'engagement',
				operation: 'evaluate',
				id: expr('id'),
				grade: expr('grade'),
				comments: expr('comments'),
			},
			base: async () => {
				const id = await engagement(e(), 'in_progress');
				return {
					item: { id, grade: 'excellent', comments: '学生反馈好' },
					target: { table: 'exchange_engagement', id },
				};
			},
			effects: { audit: 1 },
		},
		{
			name: 'engagement checkQualification',
			parameters: {
				resource: 'engagement',
				operation: 'checkQualification',
				id: expr('id'),
				rules: fromItem(['minYearsInIndustry', 'titles', 'skillLevels']),
			},
			base: async () => {
				const id = await engagement(e(), 'planned');
				return {
					item: {
						id,
						minYearsInIndustry: 3,
						titles: '工程师,高级工程师',
						skillLevels: '技师、高级技师',
					},
					target: { table: 'exchange_engagement', id },
				};
			},
			effects: { audit: 1 },
		},
		{
			name: 'engagement transition',
			parameters: {
				resource: 'engagement',
				operation: 'transition',
				id: expr('id'),
				status: expr('status'),
				reason: expr('reason'),
			},
			base: async () => {
				const id = await engagement(e(), 'planned');
				return {
					item: { id, status: 'approved', reason: '资格审核通过' },
					target: { table: 'exchange_engagement', id },
				};
			},
			effects: { audit: 1 },
		},
		{
			name: 'engagement get',
			parameters: { resource: 'engagement', operation: 'get', id: expr('id') },
			base: async () => ({ item: { id: e().engagementId } }),
		},
		{
			name: 'engagement list',
			kind: 'list',
			parameters: {
				resource: 'engagement',
				operation: 'list',
				returnAll: expr('returnAll'),
				limit: expr('limit'),
				filters: fromItem(['technicianId', 'enterpriseId', 'term', 'status']),
			},
			base: async () => ({
				item: {
					returnAll: false,
					limit: 3,
					technicianId: e().dir.lead.id,
					enterpriseId: e().dir.acme.id,
					term: '2025-2026-1',
					status: 'in_progress',
				},
			}),
		},
		compliance('fiveYear'),
		compliance('annual'),
		compliance('newTeachers'),
		compliance('dualQualified'),
		compliance('stationUse'),
		compliance('technicianHours'),
		compliance('items', { reports: ['fiveYear', 'stationUse', 'technicianHours'] }),
	];
}

describe.each(testDialects())('hostile items through every Exchange operation (%s)', (dialect) => {
	let env: Env;
	let fuzz: FuzzContext;
	const all = cases(() => env);
	all.push(checkCaseOf(all.find((c) => c.name === 'placement create')!, 'placement check'));

	beforeAll(async () => {
		const config = await freshStoreConfig(dialect);
		const store = await openStore(config);
		const dir = await seedDirectory(store);
		const station = await stations.create(
			store,
			{
				name: '星河教师实践流动站',
				organisationId: dir.acme.id,
				capacity: 100_000,
				recognisedFrom: '2024-01-01',
			},
			actor,
		);
		env = { store, dir, stationId: station.id, placementId: '', engagementId: '' };
		env.placementId = await placement(env, 0, 'in_progress');
		await addLog(
			store,
			env.placementId,
			{ weekStart: '2026-07-06', daysOnSite: 5, hours: 40, content: '入企培训' },
			actor,
		);
		env.engagementId = await engagement(env, 'in_progress');
		fuzz = fuzzContext(config, store, 'exchange');
	});
	afterAll(async () => {
		await env.store.close();
		await closeAllStores();
	});

	eachCaseIsClean(SEEDS, all, () => fuzz, ITEMS);

	it.each(SEEDS)(
		'compliance workbook, seed %i: hostile report items make a readable workbook, or fail naming the item and its field',
		async (seed) => {
			const rng = new Rng(seed ^ hash('compliance workbook'));
			const reports = await fuzz.engine.run(
				opWorkflow(
					'exchange',
					{
						resource: 'compliance',
						operation: 'items',
						asOf: '2026-12-01',
						reports: [...REPORT_NAMES],
					},
					false,
				),
			);
			const items = reports.output(OP_NODE).slice(0, 12);
			expect(items.length).toBeGreaterThan(5);
			const scalar = (v: unknown) =>
				v === null || v === undefined || ['string', 'number', 'boolean'].includes(typeof v);
			const columnOf = (item: IDataObject) =>
				rng.pick(REPORT_SHEETS[item.report as ReportName].columns)[0];
			const workbook = async (inputs: IDataObject[]) => {
				const before = await counts(fuzz.store);
				const run = await fuzz.engine.run(
					opWorkflow(
						'exchange',
						{ resource: 'compliance', operation: 'workbook', fileName: '合规月报.xlsx' },
						false,
					),
					{ items: inputs },
				);
				expect(delta(before, await counts(fuzz.store))).toEqual({});
				return {
					run,
					error: run.run.data.resultData.error as
						| (Error & { description?: string; context?: { itemIndex?: number } })
						| undefined,
				};
			};
			const readable = async (
				run: Awaited<ReturnType<typeof workbook>>['run'],
				inputs: IDataObject[],
			) => {
				const [out] = run.output(OP_NODE);
				const known = inputs.filter(
					(i) => typeof i.report === 'string' && (REPORT_NAMES as string[]).includes(i.report),
				).length;
				expect(
					(out.sheets as Array<{ rows: number }>).reduce((n, sheet) => n + sheet.rows, 0),
				).toBe(known);
				const book = new ExcelJS.Workbook();
				await book.xlsx.load(
					(await binaryBuffer(run.runs(OP_NODE)[0][0][0].binary!.data)) as never,
				);
				const cells: string[] = [];
				book.eachSheet((sheet) =>
					sheet.eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.value)))),
				);
				expect(
					cells
						.filter((c) => c.includes('[object Object]') || c.length > 32_767)
						.map((c) => show(c)),
				).toEqual([]);
			};

			// hostile text in any column (huge, markup, SQL, right-to-left): a workbook Excel opens
			const texts = items.map(
				(item): IDataObject =>
					rng.chance(0.5) ? { ...item, [columnOf(item)]: hostile(rng, 'text') as string } : item,
			);
			const plain = await workbook(texts);
			expect(plain.error?.message).toBeUndefined();
			await readable(plain.run, texts);

			// an object or a list in one column of one item: the run fails naming that item and column
			const j = rng.int(items.length);
			const column = columnOf(items[j]);
			const junk = [...items];
			junk[j] = {
				...items[j],
				[column]: rng.pick<unknown>([
					{ x: 1 },
					['a', 1],
					{ toString: 'not a function' },
					JSON.parse('{"__proto__": {"polluted": true}}'),
				]) as never,
			};
			const refused = await workbook(junk);
			expect([
				refused.error?.name,
				refused.error?.message.startsWith(`第 ${j + 1} 项 Item ${j + 1}：`),
				refused.error?.context?.itemIndex,
				refused.error?.description,
			]).toEqual(['NodeOperationError', true, j, `字段 Field: ${column}`]);

			// anything the generator makes: one answer or the other, each as above
			for (let round = 0; round < 4; round++) {
				const cases = items.map((item) =>
					rng.chance(0.2)
						? mutate(rng, item as Record<string, unknown>)
						: { input: item, mutations: [] },
				);
				const inputs = cases.map((c) => c.input as IDataObject);
				const { run, error } = await workbook(inputs);
				if (!error) {
					await readable(run, inputs);
					continue;
				}
				const index = error.context?.itemIndex ?? -1;
				const field = /^字段 Field: (\S+)$/.exec(error.description ?? '')?.[1] ?? '';
				const what = `round ${round}: ${error.message} — ${error.description} ${JSON.stringify(cases[index]?.mutations ?? null)}`;
				expect([
					what,
					error.name,
					error.message.startsWith(`第 ${index + 1} 项 Item ${index + 1}：`),
					scalar(inputs[index]?.[field]),
				]).toEqual([what, 'NodeOperationError', true, false]);
			}
		},
	);

	it('a credential whose time zone is no zone fails the run naming the time zone, and writes nothing', async () => {
		await expectBadZoneRefused(fuzz, all.find((c) => c.name === 'compliance fiveYear')!);
	});

	it('without Continue On Fail the first bad item fails the run, naming the item, and writes nothing', async () => {
		const create = all.find((c) => c.name === 'placement create')!;
		const good = async () => (await create.base(fuzz.serial.n++)).item;
		await expectFailFast(
			fuzz,
			create,
			[{ ...(await good()), plannedEnd: '2026-02-30' }, await good()],
			0,
		);
		await expectFailFast(
			fuzz,
			create,
			[await good(), { ...(await good()), teacherId: { $ne: null } }, await good()],
			1,
			{ exchange_placement: 1, audit: 1 },
		);
	});
});
