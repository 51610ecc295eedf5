import { closeAllStores, openStore, type Store } from '../../core/store';
import { CREDENTIAL_NAME } from '../../nodes/shared/store';
import { seedDirectory, validProposal, type Directory } from '../helpers/course';
import { freshStoreConfig, testDialects } from '../helpers/dialects';
import { Engine, storeCredentials } from './harness';

const courseNode = (name: string, parameters: object, extra: object = {}) => ({
	id: name.replace(/\W/g, '') || name,
	name,
	type: 'n8n-nodes-consortium.course',
	typeVersion: 1,
	position: [0, 0],
	parameters,
	credentials: { [CREDENTIAL_NAME]: { id: 'consortium-store', name: '联合体数据存储' } },
	...extra,
});

/** A chain of Course nodes after a manual trigger, each fed by the one before. */
function chain(...nodes: Array<ReturnType<typeof courseNode>>) {
	const all = [
		{
			id: 'start',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		...nodes,
	];
	const connections: Record<string, object> = {};
	for (let i = 0; i < all.length - 1; i++)
		connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	return { name: 'course node', nodes: all, connections };
}

const fromItem = (keys: string[]) => Object.fromEntries(keys.map((k) => [k, `={{ $json.${k} }}`]));

describe.each(testDialects())('Course node in the n8n engine (%s)', (dialect) => {
	let engine: Engine;
	let store: Store;
	let dir: Directory;
	beforeAll(async () => {
		const config = await freshStoreConfig(dialect);
		engine = new Engine({ credentials: storeCredentials(config) });
		store = await openStore(config);
		dir = await seedDirectory(store);
	});
	afterAll(async () => {
		await store.close();
		await closeAllStores();
	});

	const create = courseNode('Create', {
		resource: 'proposal',
		operation: 'create',
		...fromItem([
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
		]),
		additionalFields: fromItem([
			'modules',
			'plannedDeliverables',
			'startTerm',
			'submitterName',
			'submitterEmail',
		]),
	});

	it('creates, edits a draft, submits, advances through 立项 with evidence, and tracks a deliverable', async () => {
		const run = await engine.run(
			chain(
				create,
				courseNode('Update', {
					resource: 'proposal',
					operation: 'update',
					id: '={{ $json.id }}',
					updateFields: { hoursTheory: 18, hoursPractice: 36, startTerm: '2027-2028-1' },
				}),
				courseNode('Submit', {
					resource: 'proposal',
					operation: 'submit',
					id: '={{ $json.id }}',
					enterApproval: true,
					note: '系部推荐',
				}),
				courseNode('Approve', {
					resource: 'proposal',
					operation: 'advance',
					id: '={{ $json.id }}',
					to: 'approved',
					date: '2026年12月1日',
					note: '立项',
					evidence: 'https://oa.example.com/kc/1, https://oa.example.com/kc/2',
				}),
				courseNode('Develop', {
					resource: 'proposal',
					operation: 'advance',
					id: '={{ $json.id }}',
					to: 'in_development',
				}),
				courseNode('Deliverable', {
					resource: 'deliverable',
					operation: 'create',
					courseId: '={{ $json.id }}',
					kind: 'textbook',
					additionalFields: {
						title: '《工业机器人编程》',
						link: 'https://press.example.com/isbn/1',
					},
				}),
				courseNode('Done', {
					resource: 'deliverable',
					operation: 'update',
					id: '={{ $json.id }}',
					updateFields: { status: 'completed', completedOn: '2027-06-30' },
				}),
				courseNode('List Deliverables', {
					resource: 'deliverable',
					operation: 'list',
					returnAll: true,
					filters: { courseId: "={{ $('Create').item.json.id }}" },
				}),
				courseNode(
					'Get',
					{ resource: 'proposal', operation: 'get', id: "={{ $('Create').item.json.id }}" },
					{ executeOnce: true },
				),
			),
			{ items: [validProposal(dir, { code: 'NODE-1' })] },
		);
		expect(run.error()).toBeUndefined();
		expect(run.output('Create')[0]).toMatchObject({
			status: 'draft',
			hoursTotal: 54,
			enterpriseLeadName: '王师傅',
		});
		expect(run.output('Update')[0]).toMatchObject({
			hoursTheory: 18,
			hoursPractice: 36,
			startTerm: '2027-2028-1',
		});
		expect(run.output('Submit')[0]).toMatchObject({
			status: 'under_approval',
			statusLabel: '审批中 Under Approval',
		});
		expect(run.output('Approve')[0]).toMatchObject({
			status: 'approved',
			approvedOn: '2026-12-01',
			状态: '已立项',
		});
		const deliverables = run.output('List Deliverables');
		expect(deliverables.map((d) => [d.kind, d.status])).toEqual([
			['workbook', 'planned'],
			['curriculum_standard', 'planned'],
			['online_course', 'planned'],
			['textbook', 'completed'],
		]);
		const [course] = run.output('Get');
		expect(course).toMatchObject({ code: 'NODE-1', status: 'in_development' });
		for (const value of Object.values(course)) expect(['string', 'number']).toContain(typeof value);
		const history = await store.db
			.selectFrom('course_history')
			.select(['to_state', 'on_date', 'evidence', 'actor'])
			.where('course_id', '=', String(course.id))
			.orderBy('id')
			.execute();
		expect(history.map((h) => h.to_state)).toEqual([
			'submitted',
			'under_approval',
			'approved',
			'in_development',
		]);
		expect(JSON.parse(history[2].evidence)).toEqual([
			'https://oa.example.com/kc/1',
			'https://oa.example.com/kc/2',
		]);
		expect(history[2].actor).toContain('Approve');
	});

	it('lists by status and refuses an update outside draft or returned, naming the state', async () => {
		const run = await engine.run(
			chain(
				courseNode('List', {
					resource: 'proposal',
					operation: 'list',
					returnAll: true,
					filters: { status: 'in_development' },
				}),
				courseNode('Update', {
					resource: 'proposal',
					operation: 'update',
					id: '={{ $json.id }}',
					updateFields: { name: '改名' },
				}),
			),
		);
		expect(run.output('List').map((c) => c.code)).toEqual(['NODE-1']);
		expect(run.error()).toMatch(
			/第 1 项 Item 1：课程「建设中 In Development」时不能修改.*"in_development"/,
		);
	});

	it('names the item and field of a broken rule; with Continue On Fail the good items go through and the bad write nothing', async () => {
		const tolerant = { ...create, onError: 'continueRegularOutput' };
		const run = await engine.run(chain(tolerant), {
			items: [
				validProposal(dir, { code: 'NODE-2' }),
				validProposal(dir, { code: 'NODE-3', hoursTheory: 10 }),
				validProposal(dir, { code: 'NODE-4', team: dir.teachers.map((t) => t.email).join(',') }),
			],
		});
		const out = run.output('Create');
		expect(out[0]).toMatchObject({ code: 'NODE-2', status: 'draft' });
		expect(out[1]).toMatchObject({
			error: expect.stringMatching(
				/^第 2 项 Item 2：学分与学时不符：专业核心课每学分 16–18 学时，3 学分应为 48–54 学时/,
			),
			description: '字段 Field: credits',
		});
		expect(out[2]).toMatchObject({
			error: expect.stringMatching(/^第 3 项 Item 3：课程团队中企业人员 0 名/),
			description: '字段 Field: team',
		});
		const codes = (await store.db.selectFrom('course').select('code').execute())
			.map((c) => c.code)
			.sort();
		expect(codes).toEqual(['NODE-1', 'NODE-2']);
	});

	it('refuses an illegal step with the current and requested state', async () => {
		const run = await engine.run(
			chain(
				courseNode('Complete', {
					resource: 'proposal',
					operation: 'advance',
					id: '={{ $json.id }}',
					to: 'completed',
				}),
			),
			{
				items: [
					{
						id: String(
							(
								await store.db
									.selectFrom('course')
									.select('id')
									.where('code', '=', 'NODE-2')
									.executeTakeFirstOrThrow()
							).id,
						),
					},
				],
			},
		);
		expect(run.error()).toMatch(
			/第 1 项 Item 1：课程状态不能从「草稿 Draft」变为「已完成 Completed」 \/ Cannot move a course from "draft" to "completed"; allowed from "draft": submitted, withdrawn/,
		);
	});
});
