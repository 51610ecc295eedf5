/**
 * Hostile items through every operation of the Course node (proposals and deliverables) in
 * the real n8n engine, on both dialects: see ./items.ts for what each case proves.
 */
import { courses, deliverables } from '../../../core/course';
import { closeAllStores, openStore, type Store } from '../../../core/store';
import { fuzzCases, fuzzSeeds } from '../../fuzz/generator';
import { actor, seedDirectory, validProposal, type Directory } from '../../helpers/course';
import { freshStoreConfig, testDialects } from '../../helpers/dialects';
import {
	eachCaseIsClean,
	expectBadZoneRefused,
	expectFailFast,
	expr,
	fromItem,
	fuzzContext,
	type FuzzContext,
	type OpCase,
} from './items';

const SEEDS = fuzzSeeds('Course node operations');
const ITEMS = fuzzCases(12);

const ctx = { actor, timeZone: 'Asia/Shanghai' };
const PROPOSAL_REQUIRED = [
	'name',
	'code',
	'courseType',
	'credits',
	'hoursTheory',
	'hoursPractice',
	'partners',
	'enterpriseLead',
	'team',
	'enterpriseShare',
];
const PROPOSAL_OPTIONAL = [
	'hoursTotal',
	'modules',
	'plannedDeliverables',
	'startTerm',
	'submitterName',
	'submitterEmail',
];
const RULES = fromItem(['minTeamSize', 'maxEnterpriseShare', 'leadFromPartner']);
const STEP = fromItem(['note', 'date', 'evidence']);
const DATES = ['date', 'dueOn', 'completedOn'];

interface Env {
	store: Store;
	dir: Directory;
	/** A draft course every read and deliverable case aims at. */
	courseId: string;
}

/** Each proposal gets its own code; the counter is shared by every case on the store. */
const proposal = (env: Env, n: number) => validProposal(env.dir, { code: `FZ-${n}` });
const step = {
	note: '系部推荐 <b>附件</b>',
	date: '2026-09-01',
	evidence: 'https://oa.example.com/kc/1, https://oa.example.com/kc/2',
};

async function course(
	env: Env,
	n: number,
	state: 'draft' | 'submitted' | 'under_approval',
): Promise<string> {
	const created = await courses.create(env.store, proposal(env, n), ctx);
	if (state !== 'draft')
		await courses.submit(env.store, created.id, { enterApproval: state === 'under_approval' }, ctx);
	return created.id;
}

function cases(e: () => Env): OpCase[] {
	const history = (steps: number) => ({ course_history: steps, audit: steps });
	return [
		{
			name: 'proposal create',
			parameters: {
				resource: 'proposal',
				operation: 'create',
				...fromItem(PROPOSAL_REQUIRED),
				additionalFields: fromItem(PROPOSAL_OPTIONAL),
				rules: RULES,
			},
			base: async (n) => ({
				item: {
					...proposal(e(), n),
					minTeamSize: 4,
					maxEnterpriseShare: 0.75,
					leadFromPartner: true,
				},
			}),
			effects: (out) => ({
				course: 1,
				audit: 1,
				course_partner: String(out.partnerIds).split(', ').length,
				course_member: Number(out.teamSize),
			}),
		},
		{
			name: 'proposal update',
			parameters: {
				resource: 'proposal',
				operation: 'update',
				id: expr('id'),
				updateFields: fromItem([...PROPOSAL_REQUIRED, ...PROPOSAL_OPTIONAL]),
				rules: RULES,
			},
			base: async (n) => {
				const id = await course(e(), n, 'draft');
				const dir = e().dir;
				return {
					item: {
						id,
						name: '工业机器人编程与调试（修订）',
						hoursTheory: 18,
						hoursPractice: 36,
						hoursTotal: 54,
						team: [
							dir.teachers[0].email,
							dir.teachers[3].email,
							dir.teachers[4].id,
							dir.lead.email,
						].join('、'),
						startTerm: '2027-2028-1',
						submitterEmail: 'T3@College.edu.cn',
						minTeamSize: 4,
					},
					target: { table: 'course', id },
				};
			},
			effects: { audit: [0, 1], course_partner: 'any', course_member: 'any' },
		},
		{
			name: 'proposal submit',
			parameters: {
				resource: 'proposal',
				operation: 'submit',
				id: expr('id'),
				enterApproval: expr('enterApproval'),
				...STEP,
				rules: RULES,
			},
			base: async (n) => {
				const id = await course(e(), n, 'draft');
				return {
					item: { id, enterApproval: true, ...step, minTeamSize: 4 },
					target: { table: 'course', id },
				};
			},
			effects: (out) => history(out.status === 'under_approval' ? 2 : 1),
			dateFields: DATES,
		},
		{
			name: 'proposal advance',
			parameters: {
				resource: 'proposal',
				operation: 'advance',
				id: expr('id'),
				to: expr('to'),
				...STEP,
			},
			base: async (n) => {
				const id = await course(e(), n, 'under_approval');
				return { item: { id, to: 'approved', ...step }, target: { table: 'course', id } };
			},
			// 立项 opens a deliverable record for each planned deliverable
			effects: (out) => ({
				...history(1),
				course_deliverable:
					out.status === 'approved'
						? String(out.plannedDeliverables).split(', ').filter(Boolean).length
						: 0,
			}),
			dateFields: DATES,
		},
		{
			name: 'proposal withdraw',
			parameters: { resource: 'proposal', operation: 'withdraw', id: expr('id'), ...STEP },
			base: async (n) => {
				const id = await course(e(), n, 'draft');
				return { item: { id, ...step }, target: { table: 'course', id } };
			},
			effects: history(1),
			dateFields: DATES,
		},
		{
			name: 'proposal returnToDraft',
			parameters: { resource: 'proposal', operation: 'returnToDraft', id: expr('id'), ...STEP },
			base: async (n) => {
				const id = await course(e(), n, 'submitted');
				return { item: { id, ...step, note: '学时分配需调整' }, target: { table: 'course', id } };
			},
			effects: history(1),
			dateFields: DATES,
		},
		{
			name: 'proposal get',
			parameters: { resource: 'proposal', operation: 'get', id: expr('id') },
			base: async () => ({ item: { id: e().courseId } }),
		},
		{
			name: 'proposal list',
			kind: 'list',
			parameters: {
				resource: 'proposal',
				operation: 'list',
				returnAll: expr('returnAll'),
				limit: expr('limit'),
				filters: fromItem(['status', 'courseType', 'code', 'startTerm']),
			},
			base: async () => ({
				item: {
					returnAll: false,
					limit: 3,
					status: 'draft',
					courseType: 'core',
					code: '',
					startTerm: '2026-2027-1',
				},
			}),
		},
		{
			name: 'deliverable create',
			parameters: {
				resource: 'deliverable',
				operation: 'create',
				...fromItem(['courseId', 'kind']),
				additionalFields: fromItem(['title', 'status', 'link', 'dueOn', 'completedOn', 'note']),
			},
			base: async () => ({
				item: {
					courseId: e().courseId,
					kind: '活页式工作手册',
					title: '《工业机器人编程》活页手册',
					status: 'completed',
					link: 'https://press.example.com/isbn/1',
					dueOn: '2026-06-30',
					completedOn: '2026年5月1日',
					note: '校企合编',
				},
			}),
			effects: { course_deliverable: 1, audit: 1 },
			dateFields: DATES,
		},
		{
			name: 'deliverable update',
			parameters: {
				resource: 'deliverable',
				operation: 'update',
				id: expr('id'),
				updateFields: fromItem([
					'courseId',
					'kind',
					'title',
					'status',
					'link',
					'dueOn',
					'completedOn',
					'note',
				]),
			},
			base: async () => {
				const { id } = await deliverables.create(
					e().store,
					{ courseId: e().courseId, kind: 'textbook', title: '教材' },
					actor,
				);
				return {
					item: {
						id,
						title: '《数控编程》教材',
						status: 'completed',
						completedOn: '2026-05-01',
						dueOn: '2026-06-30',
						link: 'http://press.example.com/2',
						note: '第二版',
					},
					target: { table: 'course_deliverable', id },
				};
			},
			effects: { audit: [0, 1] },
			dateFields: DATES,
		},
		{
			name: 'deliverable list',
			kind: 'list',
			parameters: {
				resource: 'deliverable',
				operation: 'list',
				returnAll: expr('returnAll'),
				limit: expr('limit'),
				filters: fromItem(['courseId', 'kind', 'status']),
			},
			base: async () => ({
				item: {
					returnAll: false,
					limit: 5,
					courseId: e().courseId,
					kind: 'workbook',
					status: 'completed',
				},
			}),
		},
	];
}

describe.each(testDialects())('hostile items through every Course operation (%s)', (dialect) => {
	let env: Env;
	let fuzz: FuzzContext;
	const all = cases(() => env);

	beforeAll(async () => {
		const config = await freshStoreConfig(dialect);
		const store = await openStore(config);
		const dir = await seedDirectory(store);
		env = {
			store,
			dir,
			courseId: (await courses.create(store, validProposal(dir, { code: 'FZ-BASE' }), ctx)).id,
		};
		fuzz = fuzzContext(config, store, 'course');
	});
	afterAll(async () => {
		await env.store.close();
		await closeAllStores();
	});

	eachCaseIsClean(SEEDS, all, () => fuzz, ITEMS);

	it('a credential whose time zone is no zone fails the run naming the time zone, and writes nothing', async () => {
		await expectBadZoneRefused(fuzz, all.find((c) => c.name === 'proposal advance')!);
	});

	it('without Continue On Fail the first bad item fails the run, naming the item, and writes nothing', async () => {
		const create = all.find((c) => c.name === 'proposal create')!;
		const good = async () => (await create.base(fuzz.serial.n++)).item;
		await expectFailFast(
			fuzz,
			create,
			[{ ...(await good()), credits: { $gt: 0 } }, await good()],
			0,
		);
		// each item commits on its own: the one before the bad item stays written
		await expectFailFast(
			fuzz,
			create,
			[await good(), { ...(await good()), team: ['<script>', { x: 1 }] }, await good()],
			1,
			{ course: 1, audit: 1, course_partner: 2, course_member: 4 },
		);
	});
});
