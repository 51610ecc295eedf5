/**
 * Hostile items through every operation of the Registry node — patents, research projects,
 * ledger imports, transitions, fees, deadlines — in the real n8n engine, on both dialects:
 * see ./items.ts for what each case proves.
 */
import { patents, projects } from '../../../core/registry';
import { closeAllStores, openStore, type Store } from '../../../core/store';
import { fuzzCases, fuzzSeeds } from '../../fuzz/generator';
import { actor, seedDirectory, type Directory } from '../../helpers/course';
import { freshStoreConfig, testDialects } from '../../helpers/dialects';
import { buildPatentNumber } from '../../helpers/patent-numbers';
import {
	checkCaseOf,
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

const SEEDS = fuzzSeeds('Registry node operations');
const ITEMS = fuzzCases(12);

const DATES = [
	'filingDate',
	'statusOn',
	'grantedOn',
	'examResponseDue',
	'startDate',
	'endDate',
	'contractDue',
	'deliveryDue',
	'closingDue',
	'on',
	'paidOn',
	'asOf',
	'dueOn',
	'receivedOn',
	'from',
	'to',
];
const PATENT_OPTIONAL = [
	'type',
	'status',
	'statusOn',
	'grantedOn',
	'inventors',
	'applicants',
	'agent',
	'contactId',
	'examResponseDue',
	'examResponseNote',
	'courseIds',
	'endReason',
	'notes',
];
const PROJECT_OPTIONAL = [
	'level',
	'fundingBody',
	'client',
	'contractNo',
	'members',
	'budget',
	'startDate',
	'endDate',
	'status',
	'statusOn',
	'contractDue',
	'deliveryDue',
	'closingDue',
	'notes',
];

interface Env {
	store: Store;
	dir: Directory;
	patentId: string;
	projectId: string;
}

/** A distinct invention number per call: the serial comes from the counter shared by every case. */
const number = (n: number, year = 2021) => buildPatentNumber(year, 1, 300_000 + n);

const patentItem = (env: Env, n: number) => ({
	applicationNo: `CN ${number(n)}`,
	title: '一种工业机器人末端执行器 <快换>',
	filingDate: '2021-03-04',
	status: 'substantive',
	statusOn: '2022年1月10日',
	inventors: `${env.dir.teachers[0].email}、${env.dir.lead.name}、外部专家`,
	applicants: `${env.dir.college.name}, ${env.dir.acme.id}`,
	agent: '某专利代理事务所',
	contactId: env.dir.teachers[0].id,
	examResponseDue: '2026-10-01',
	examResponseNote: '第一次审查意见通知书',
	notes: '校企联合申请；"重点"',
});

const projectItem = (env: Env, n: number) => ({
	projectNo: `HX-FZ-${n}`,
	name: '数控机床远程运维平台',
	category: '横向',
	pi: env.dir.teachers[0].email,
	client: env.dir.acme.name,
	contractNo: `HT-${n}`,
	members: [env.dir.teachers[1].email, env.dir.teachers[2].id],
	budget: '12.5',
	startDate: '2025-01-01',
	endDate: '2026-12-31',
	// A 横向 contract: signing and delivery, not 开题 and 中期检查 (issue #17 point 9).
	contractDue: '2025-03-01',
	deliveryDue: '2025-12-01',
	closingDue: '2026年12月31日',
	notes: '企业委托',
});

const patentCreated: Effects = {
	registry_patent: 1,
	audit: 1,
	registry_status_history: 1,
	registry_patent_party: 'any',
	registry_deadline: 'any',
};
const patentUpdated: Effects = {
	audit: [0, 1],
	registry_status_history: [0, 1],
	registry_patent_party: 'any',
	registry_deadline: 'any',
};
const projectCreated: Effects = {
	registry_project: 1,
	audit: 1,
	registry_status_history: 1,
	registry_milestone: 'any',
	registry_deadline: 'any',
};
const projectUpdated: Effects = {
	audit: [0, 1],
	registry_status_history: [0, 1],
	registry_milestone: 'any',
	registry_deadline: 'any',
};

async function grantedPatent(env: Env, n: number): Promise<string> {
	const { id } = await patents.create(
		env.store,
		{
			applicationNo: number(n, 2022),
			title: '一种夹具',
			filingDate: '2022-02-01',
			status: 'granted',
			grantedOn: '2023-05-06',
			inventors: env.dir.teachers[1].email,
		},
		actor,
	);
	return id;
}

async function project(env: Env, n: number): Promise<string> {
	return (
		await projects.create(
			env.store,
			{ ...projectItem(env, n), projectNo: `BASE-${n}` } as never,
			actor,
		)
	).id;
}

function cases(e: () => Env): OpCase[] {
	return [
		{
			name: 'patent create',
			parameters: {
				resource: 'patent',
				operation: 'create',
				...fromItem(['applicationNo', 'title', 'filingDate']),
				additionalFields: fromItem(PATENT_OPTIONAL),
			},
			base: async (n) => ({ item: patentItem(e(), n) }),
			effects: (out) => ({
				...patentCreated,
				registry_patent_party:
					(out.inventors as unknown[]).length + (out.applicants as unknown[]).length,
			}),
			dateFields: DATES,
		},
		{
			name: 'patent update',
			parameters: {
				resource: 'patent',
				operation: 'update',
				id: expr('id'),
				updateFields: fromItem(['applicationNo', 'title', 'filingDate', ...PATENT_OPTIONAL]),
			},
			base: async (n) => {
				const { id } = await patents.create(
					e().store,
					{ applicationNo: number(n), title: '待更新专利', filingDate: '2021-03-04' },
					actor,
				);
				const { applicationNo: _no, ...rest } = patentItem(e(), n);
				return {
					item: { id, ...rest, title: '一种工业机器人末端执行器（修改）' },
					target: { table: 'registry_patent', id },
				};
			},
			effects: patentUpdated,
			dateFields: DATES,
		},
		{
			name: 'patent transition',
			parameters: {
				resource: 'patent',
				operation: 'transition',
				...fromItem(['id', 'to', 'on', 'reason']),
			},
			base: async (n) => {
				const { id } = await patents.create(
					e().store,
					{
						applicationNo: number(n),
						title: '待授权专利',
						filingDate: '2021-03-04',
						status: 'substantive',
					},
					actor,
				);
				return {
					item: { id, to: '授权', on: '2023-05-06', reason: '' },
					target: { table: 'registry_patent', id },
				};
			},
			effects: { audit: 1, registry_status_history: 1, registry_deadline: 'any' },
			dateFields: DATES,
		},
		{
			name: 'patent recordFee',
			parameters: {
				resource: 'patent',
				operation: 'recordFee',
				...fromItem(['id', 'paidOn', 'year', 'amount', 'note']),
			},
			base: async (n) => {
				const id = await grantedPatent(e(), n);
				return {
					item: { id, paidOn: '2023-05-06', year: 0, amount: 0, note: '首年年费' },
					target: { table: 'registry_patent', id },
				};
			},
			effects: { registry_fee_payment: 1, audit: 1, registry_deadline: 'any' },
			dateFields: DATES,
		},
		{
			name: 'patent feeSchedule',
			kind: 'list',
			parameters: { resource: 'patent', operation: 'feeSchedule', ...fromItem(['id', 'asOf']) },
			base: async () => ({ item: { id: e().patentId, asOf: '2026-09-01' } }),
			dateFields: DATES,
		},
		{
			name: 'patent get',
			parameters: { resource: 'patent', operation: 'get', id: expr('id') },
			base: async () => ({ item: { id: e().patentId } }),
		},
		{
			name: 'patent list',
			kind: 'list',
			parameters: {
				resource: 'patent',
				operation: 'list',
				returnAll: expr('returnAll'),
				limit: expr('limit'),
				filters: fromItem(['status', 'type', 'contactId', 'applicationNo']),
			},
			base: async () => ({
				item: {
					returnAll: false,
					limit: 3,
					status: 'granted',
					type: 'invention',
					contactId: e().dir.teachers[1].id,
					applicationNo: '',
				},
			}),
		},
		{
			name: 'patent import',
			kind: 'rows',
			parameters: { resource: 'patent', operation: 'import', batchSize: 4 },
			// a ledger row with the headers colleges use
			base: async (n) => {
				const p = patentItem(e(), n);
				// a corrected report of rejected rows, imported again: its old result columns come along
				return {
					item: {
						row: 7,
						result: 'rejected',
						reason: '上次导入被拒 rejected last time',
						专利号: p.applicationNo,
						发明名称: p.title,
						申请日期: 44259,
						法律状态: '实审',
						发明人: p.inventors,
						'申请人/专利权人': p.applicants,
						代理机构名称: p.agent,
						备注: p.notes,
					},
				};
			},
			effects: (out) => (out.result === 'created' ? patentCreated : patentUpdated),
			dateFields: ['申请日期'],
		},
		{
			name: 'project create',
			parameters: {
				resource: 'project',
				operation: 'create',
				...fromItem(['projectNo', 'name', 'category', 'pi']),
				additionalFields: fromItem(PROJECT_OPTIONAL),
			},
			base: async (n) => ({ item: projectItem(e(), n) }),
			effects: projectCreated,
			dateFields: DATES,
		},
		{
			name: 'project update',
			parameters: {
				resource: 'project',
				operation: 'update',
				id: expr('id'),
				updateFields: fromItem(['projectNo', 'name', 'category', 'pi', ...PROJECT_OPTIONAL]),
			},
			base: async (n) => {
				const id = await project(e(), n);
				const { projectNo: _no, ...rest } = projectItem(e(), n);
				return {
					item: { id, ...rest, budget: 20, endDate: '2027-06-30', closingDue: '2027-06-30' },
					target: { table: 'registry_project', id },
				};
			},
			effects: projectUpdated,
			dateFields: DATES,
		},
		{
			name: 'project transition',
			parameters: {
				resource: 'project',
				operation: 'transition',
				...fromItem(['id', 'to', 'on', 'reason']),
			},
			base: async (n) => {
				const id = await project(e(), n);
				return {
					item: { id, to: 'approved', on: '2025-01-10', reason: '' },
					target: { table: 'registry_project', id },
				};
			},
			effects: { audit: 1, registry_status_history: 1, registry_deadline: 'any' },
			dateFields: DATES,
		},
		{
			name: 'project addMilestone',
			parameters: {
				resource: 'project',
				operation: 'addMilestone',
				...fromItem(['id', 'kind', 'dueOn', 'title']),
			},
			base: async (n) => {
				const id = await project(e(), n);
				return {
					item: { id, kind: '交付验收', dueOn: '2026-06-30', title: '第二期交付验收' },
					target: { table: 'registry_project', id },
				};
			},
			effects: { registry_milestone: 1, audit: 1, registry_deadline: 'any' },
			dateFields: DATES,
		},
		{
			name: 'project recordFunds',
			parameters: {
				resource: 'project',
				operation: 'recordFunds',
				...fromItem(['id', 'receivedOn', 'amount', 'note']),
			},
			base: async (n) => {
				const id = await project(e(), n);
				return {
					item: { id, receivedOn: '2025-04-01', amount: 50_000, note: '首期款' },
					target: { table: 'registry_project', id },
				};
			},
			effects: { registry_funds: 1, audit: 1 },
			dateFields: DATES,
		},
		{
			name: 'project linkOutput',
			parameters: {
				resource: 'project',
				operation: 'linkOutput',
				...fromItem(['id', 'outputType', 'refId', 'title', 'detail']),
			},
			base: async (n) => {
				const id = await project(e(), n);
				return {
					item: { id, outputType: 'patent', refId: e().patentId, title: '', detail: '项目成果' },
					target: { table: 'registry_project', id },
				};
			},
			effects: { registry_output: 1, audit: 1 },
		},
		{
			name: 'project get',
			parameters: { resource: 'project', operation: 'get', id: expr('id') },
			base: async () => ({ item: { id: e().projectId } }),
		},
		{
			name: 'project list',
			kind: 'list',
			parameters: {
				resource: 'project',
				operation: 'list',
				returnAll: expr('returnAll'),
				limit: expr('limit'),
				filters: fromItem(['status', 'category', 'level', 'piId', 'projectNo']),
			},
			base: async () => ({
				item: {
					returnAll: false,
					limit: 3,
					status: 'applied',
					category: 'horizontal',
					level: '',
					piId: e().dir.teachers[0].id,
					projectNo: '',
				},
			}),
		},
		{
			name: 'project import',
			kind: 'rows',
			parameters: { resource: 'project', operation: 'import', batchSize: 4 },
			base: async (n) => {
				const p = projectItem(e(), n);
				return {
					item: {
						项目编号: p.projectNo,
						项目名称: p.name,
						类别: '横向',
						负责人: p.pi,
						委托方: p.client,
						合同号: p.contractNo,
						成员: p.members.join('、'),
						合同经费: 120000,
						开始时间: '2025/1/1',
						结束时间: 46022,
					},
				};
			},
			effects: (out) => (out.result === 'created' ? projectCreated : projectUpdated),
			dateFields: ['开始时间', '结束时间'],
		},
		{
			name: 'deadline list',
			kind: 'list',
			parameters: { resource: 'deadline', operation: 'list', ...fromItem(['from', 'to', 'kinds']) },
			base: async () => ({
				item: {
					from: '2026-01-01',
					to: '2027-12-31',
					kinds: ['annual_fee', 'milestone', 'exam_response'],
				},
			}),
			dateFields: DATES,
		},
		{
			name: 'deadline remind',
			kind: 'list',
			parameters: {
				resource: 'deadline',
				operation: 'remind',
				...fromItem(['reminderDays', 'urgentDays', 'ccEmail', 'from', 'to', 'kinds']),
			},
			base: async () => ({
				item: {
					reminderDays: '90,30,7',
					urgentDays: 7,
					ccEmail: 'office@college.edu.cn',
					from: '2026-01-01',
					to: '2026-12-31',
					kinds: [],
				},
			}),
			dateFields: DATES,
		},
	];
}

describe.each(testDialects())('hostile items through every Registry operation (%s)', (dialect) => {
	let env: Env;
	let fuzz: FuzzContext;
	const all = cases(() => env);
	all.push(checkCaseOf(all.find((c) => c.name === 'project create')!, 'project check'));

	beforeAll(async () => {
		const config = await freshStoreConfig(dialect);
		const store = await openStore(config);
		const dir = await seedDirectory(store);
		env = { store, dir, patentId: '', projectId: '' };
		env.patentId = await grantedPatent(env, 999_999);
		env.projectId = await project(env, 999_999);
		fuzz = fuzzContext(config, store, 'registry');
	});
	afterAll(async () => {
		await env.store.close();
		await closeAllStores();
	});

	eachCaseIsClean(SEEDS, all, () => fuzz, ITEMS);

	it('a credential whose time zone is no zone fails the run naming the time zone, and writes nothing', async () => {
		await expectBadZoneRefused(fuzz, all.find((c) => c.name === 'patent transition')!);
	});

	it('without Continue On Fail the first bad item fails the run, naming the item, and writes nothing', async () => {
		const create = all.find((c) => c.name === 'project create')!;
		const good = async () => (await create.base(fuzz.serial.n++)).item;
		await expectFailFast(
			fuzz,
			create,
			[{ ...(await good()), endDate: '2024-12-31' }, await good()],
			0,
		);
		const written = {
			registry_project: 1,
			audit: 1,
			registry_status_history: 1,
			registry_milestone: 3,
			registry_deadline: 3,
		};
		await expectFailFast(
			fuzz,
			create,
			[await good(), { ...(await good()), category: ['横向'] }, await good()],
			1,
			written,
		);
	});
});
