import { closeAllStores, openStore, type Store } from '../../core/store';
import '../../core/approval';
import { freshStoreConfig, testDialects } from '../helpers/dialects';
import {
	approvalWorkflow,
	clickDecision,
	linkOf,
	requestParameters,
	sent,
	stage,
} from './approval-helpers';
import { Engine, storeCredentials, type Execution } from './harness';

describe.each(testDialects())('Approval node in the n8n engine (%s)', (dialect) => {
	let engine: Engine;
	let store: Store;

	beforeEach(async () => {
		const config = await freshStoreConfig(dialect);
		engine = new Engine({ credentials: storeCredentials(config) });
		store = await openStore(config);
	});
	afterEach(() => store.close());
	afterAll(() => closeAllStores());

	async function start(stages: object[], extra: object = {}): Promise<Execution> {
		const execution = await engine.run(
			approvalWorkflow(requestParameters(stages as never, extra as never)),
		);
		expect(execution.error()).toBeUndefined();
		expect(execution.status).toBe('waiting');
		return execution;
	}

	it('runs a sequential 3-stage chain, notifying each stage when its turn comes', async () => {
		let execution = await start([
			stage('head@college.edu.cn', { name: '系部' }),
			stage('partner@firm.com', { name: '企业' }),
			stage('dean@college.edu.cn', { name: '教务处' }),
		]);
		const first = sent(execution);
		expect(first.map((m) => m.kind).sort()).toEqual(['cc', 'request']);
		expect(first.find((m) => m.kind === 'request')).toMatchObject({
			to: 'head@college.edu.cn',
			requestNumber: expect.stringMatching(/^KC-\d{4}-0001$/),
		});
		expect(String(first[0].subject)).toContain('KC-');

		for (const [who, next] of [
			['head@college.edu.cn', 'partner@firm.com'],
			['partner@firm.com', 'dean@college.edu.cn'],
		]) {
			const step = await clickDecision(
				engine,
				execution,
				linkOf(sent(execution), who),
				'approve',
				`${who} 同意`,
			);
			expect(step.resumed).toBe(true);
			execution = step.execution;
			expect(execution.status).toBe('waiting');
			expect(sent(execution).map((m) => m.to)).toEqual([next]);
			expect(execution.output('On Approved')).toEqual([]);
		}
		const last = await clickDecision(
			engine,
			execution,
			linkOf(sent(execution), 'dean@college.edu.cn'),
			'approve',
			'同意立项',
		);
		expect(last.resumed).toBe(true);
		expect(last.execution.status).toBe('success');
		const [result] = last.execution.output('On Approved');
		expect(result).toMatchObject({ result: 'approved', status: 'approved', reason: 'decided' });
		expect((result.stages as any[]).map((s) => s.status)).toEqual([
			'approved',
			'approved',
			'approved',
		]);
		expect((result.stages as any[])[2].approvers[0]).toMatchObject({
			email: 'dean@college.edu.cn',
			status: 'approved',
			comment: '同意立项',
			ip: '10.1.2.3',
		});
		expect(sent(last.execution).map((m) => m.kind)).toEqual(['result']);
		const audit = await store.db
			.selectFrom('audit')
			.select('action')
			.where('entity_type', 'like', 'approval%')
			.orderBy('seq')
			.execute();
		// In order: each decision's rows are gathered and written together, in the order of the steps.
		expect(audit.map((a) => a.action)).toEqual([
			'create',
			'stage_started',
			'approve',
			'stage_approved',
			'stage_started',
			'approve',
			'stage_approved',
			'stage_started',
			'approve',
			'stage_approved',
			'approved',
		]);
	});

	it('会签: one rejection rejects the whole request', async () => {
		const execution = await start([stage('a@x.com, b@x.com, c@x.com', { mode: 'all' })]);
		const messages = sent(execution);
		expect(messages.filter((m) => m.kind === 'request').map((m) => m.to)).toEqual([
			'a@x.com',
			'b@x.com',
			'c@x.com',
		]);
		const a = await clickDecision(engine, execution, linkOf(messages, 'a@x.com'), 'approve');
		expect(a.resumed).toBe(false);
		const b = await clickDecision(
			engine,
			execution,
			linkOf(messages, 'b@x.com'),
			'reject',
			'学时不足',
		);
		expect(b.resumed).toBe(true);
		const [result] = b.execution.output('On Rejected');
		expect(result).toMatchObject({ status: 'rejected', reason: 'decided' });
		expect((result.stages as any[])[0].approvers.map((x: any) => x.status)).toEqual([
			'approved',
			'rejected',
			'closed',
		]);
		const c = await clickDecision(engine, execution, linkOf(messages, 'c@x.com'), 'approve').catch(
			(e) => e,
		);
		expect(String(c)).toMatch(/no decision form/);
	});

	it('a finished request leaves no stage or approver open, however it ended', async () => {
		const openRows = async () => ({
			stages: (
				await store.db
					.selectFrom('approval_stage')
					.select('status')
					.where('status', 'in', ['waiting', 'active'])
					.execute()
			).length,
			slots: (
				await store.db
					.selectFrom('approval_slot')
					.select('status')
					.where('status', 'in', ['waiting', 'pending'])
					.execute()
			).length,
		});
		// Rejected in the first of three stages: the later stages and their approvers are closed.
		const early = await start([
			stage('a@x.com'),
			stage('b@x.com, c@x.com', { mode: 'all' }),
			stage('d@x.com'),
		]);
		const rejected = await clickDecision(engine, early, linkOf(sent(early), 'a@x.com'), 'reject');
		expect(
			(rejected.execution.output('On Rejected')[0].stages as any[]).map((x) => x.status),
		).toEqual(['rejected', 'skipped', 'skipped']);
		// 依次 in the last stage: the first rejects, the approver still waiting for a turn is closed.
		const sequential = await start([
			stage('e@x.com'),
			stage('f@x.com, g@x.com', { mode: 'sequential' }),
		]);
		const second = await clickDecision(
			engine,
			sequential,
			linkOf(sent(sequential), 'e@x.com'),
			'approve',
		);
		const last = await clickDecision(
			engine,
			second.execution,
			linkOf(sent(second.execution), 'f@x.com'),
			'reject',
		);
		expect(
			(last.execution.output('On Rejected')[0].stages as any[])[1].approvers.map(
				(x: any) => x.status,
			),
		).toEqual(['rejected', 'closed']);
		// Quorum 1 of 2 in the last stage approves: the other approver's open link is closed.
		const quorum = await start([stage('h@x.com, i@x.com', { mode: 'quorum', quorum: 1 })]);
		const approved = await clickDecision(
			engine,
			quorum,
			linkOf(sent(quorum), 'h@x.com'),
			'approve',
		);
		expect(
			(approved.execution.output('On Approved')[0].stages as any[])[0].approvers.map(
				(x: any) => x.status,
			),
		).toEqual(['approved', 'closed']);
		expect(await openRows()).toEqual({ stages: 0, slots: 0 });
	});

	it('或签: the first response wins and the others are told it is decided', async () => {
		const execution = await start([stage('a@x.com, b@x.com', { mode: 'any' })]);
		const messages = sent(execution);
		const first = await clickDecision(engine, execution, linkOf(messages, 'b@x.com'), 'approve');
		expect(first.resumed).toBe(true);
		expect(first.execution.output('On Approved')[0]).toMatchObject({ status: 'approved' });
		const late = await engine.webhook(execution, {
			method: 'GET',
			query: { token: new URL(linkOf(messages, 'a@x.com')).searchParams.get('token')! },
		});
		expect(late.resumed).toBe(false);
		expect(late.response.body).toContain('审批已结束');
	});

	it('quorum: 2 of 3 approvals pass the stage', async () => {
		const execution = await start([
			stage('a@x.com, b@x.com, c@x.com', { mode: 'quorum', quorum: 2 }),
		]);
		const messages = sent(execution);
		expect(
			(await clickDecision(engine, execution, linkOf(messages, 'a@x.com'), 'reject')).resumed,
		).toBe(false);
		expect(
			(await clickDecision(engine, execution, linkOf(messages, 'b@x.com'), 'approve')).resumed,
		).toBe(false);
		const done = await clickDecision(engine, execution, linkOf(messages, 'c@x.com'), 'approve');
		expect(done.resumed).toBe(true);
		expect(done.execution.output('On Approved')[0]).toMatchObject({ status: 'approved' });
	});

	it('skips a stage whose condition holds on the summary fields', async () => {
		const execution = await start([
			stage('head@x.com', { name: '系部' }),
			stage('dean@x.com', {
				name: '校领导',
				skipField: '学时',
				skipOperator: 'lessThan',
				skipValue: '100',
			}),
		]);
		const done = await clickDecision(
			engine,
			execution,
			linkOf(sent(execution), 'head@x.com'),
			'approve',
		);
		expect(done.resumed).toBe(true);
		const [result] = done.execution.output('On Approved');
		expect((result.stages as any[]).map((s) => s.status)).toEqual(['approved', 'skipped']);
	});

	it('never lets the submitter approve their own request', async () => {
		const execution = await start([stage('teacher@college.edu.cn, head@x.com', { mode: 'all' })]);
		expect(
			sent(execution)
				.filter((m) => m.kind === 'request')
				.map((m) => m.to),
		).toEqual(['head@x.com']);
		const alone = await engine.run(
			approvalWorkflow(requestParameters([stage('teacher@college.edu.cn')])),
		);
		expect(alone.error()).toMatch(/submitter cannot be the only approver/);
		expect(alone.error()).toMatch(/stages\[0\]\.approvers/);
	});

	it('auto-passes an approver who approved an earlier stage', async () => {
		const execution = await start([
			stage('head@x.com', { name: '系部' }),
			stage('head@x.com, dean@x.com', { name: '学校', mode: 'all' }),
		]);
		const step = await clickDecision(
			engine,
			execution,
			linkOf(sent(execution), 'head@x.com'),
			'approve',
		);
		expect(sent(step.execution).map((m) => m.to)).toEqual(['dean@x.com']);
		const done = await clickDecision(
			engine,
			step.execution,
			linkOf(sent(step.execution), 'dean@x.com'),
			'approve',
		);
		const [result] = done.execution.output('On Approved');
		expect((result.stages as any[])[1].approvers.map((a: any) => [a.email, a.status])).toEqual([
			['head@x.com', 'passed'],
			['dean@x.com', 'approved'],
		]);
	});

	it('refuses several input items with a clear error instead of mis-routing', async () => {
		const execution = await engine.run(approvalWorkflow(requestParameters([stage('head@x.com')])), {
			items: [{ a: 1 }, { a: 2 }],
		});
		expect(execution.error()).toMatch(/One approval request per execution; got 2 items/);
		expect(execution.error()).toMatch(/sub-workflow/);
		expect(await store.db.selectFrom('approval_request').select('id').execute()).toEqual([]);
	});
});
