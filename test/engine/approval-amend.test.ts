import type { IDataObject } from 'n8n-workflow';
import { closeAllStores, openStore, type Store } from '../../core/store';
import '../../core/approval';
import { freshStoreConfig, testDialects } from '../helpers/dialects';
import { WaitingServer } from '../helpers/waiting-server';
import {
	approvalWorkflow,
	clickDecision,
	formFields,
	linkOf,
	manageWorkflow,
	queryOf,
	requestParameters,
	sent,
	stage,
} from './approval-helpers';
import { Engine, storeCredentials, type Execution } from './harness';

/**
 * 退回修改 Return for amendment, through the n8n engine: an approver returns the request with a
 * comment, the waiting execution ends on Returned with the submitter's amend link, the form's
 * execution checks the token and resubmits under the same number, and the stage decides again.
 */

const FORM = 'https://forms.example.cn/form/course-proposal';

/** The shipped wiring plus Returned (output 3) to its own node. */
function withReturned(workflow: ReturnType<typeof approvalWorkflow>) {
	workflow.nodes.push({
		id: 'back',
		name: 'On Returned',
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: [400, 400],
		parameters: {},
	} as never);
	(workflow.connections.Approval.main as unknown[]).push([
		{ node: 'On Returned', type: 'main', index: 0 },
	]);
	return workflow;
}

const twoStages = [
	stage('head@x.com', { name: '系部审核' }),
	stage('dean@x.com', { name: '教务处' }),
];

describe.each(testDialects())('Return for amendment in the n8n engine (%s)', (dialect) => {
	let engine: Engine;
	let store: Store;
	const waiting = new WaitingServer(() => engine);

	beforeAll(() => waiting.start());
	afterAll(async () => {
		await waiting.stop();
		await closeAllStores();
	});
	beforeEach(async () => {
		const config = await freshStoreConfig(dialect);
		engine = new Engine({
			credentials: storeCredentials(config),
			webhookWaitingBaseUrl: waiting.baseUrl,
		});
		store = await openStore(config);
	});
	afterEach(() => store.close());

	async function start(options: IDataObject = {}): Promise<Execution> {
		const execution = await engine.run(
			withReturned(
				approvalWorkflow(
					requestParameters(twoStages, {
						options: {
							amendFormUrl: FORM,
							amendPrefill: JSON.stringify({ courseName: '工业机器人运维', hours: 64 }),
							...options,
						},
					}),
				),
			),
		);
		expect(execution.error()).toBeUndefined();
		expect(execution.status).toBe('waiting');
		return waiting.track(execution);
	}

	async function resubmitRun(parameters: IDataObject): Promise<Execution> {
		const workflow = withReturned(approvalWorkflow({}));
		(workflow.nodes[1] as any).parameters = {
			resource: 'approval',
			operation: 'resubmit',
			...parameters,
		};
		return engine.run(workflow);
	}

	async function manage(operation: string, parameters: IDataObject) {
		return engine.run(manageWorkflow(operation, parameters));
	}

	/** The approver opens the link and presses 退回修改 with `comment`. */
	async function returnVia(execution: Execution, link: string, comment: string) {
		const page = await engine.webhook(execution, { method: 'GET', query: queryOf(link) });
		expect(page.response.body).toContain('退回修改 Return for Amendment');
		return engine.webhook(execution, {
			method: 'POST',
			query: queryOf(link),
			body: { ...formFields(page.response.body), decision: 'return', comment },
			ip: '10.1.2.3',
		});
	}

	async function returned(options: IDataObject = {}) {
		const execution = await start(options);
		const number = String(sent(execution)[0].requestNumber);
		const head = await clickDecision(
			engine,
			execution,
			linkOf(sent(execution), 'head@x.com'),
			'approve',
		);
		const deanLink = linkOf(sent(head.execution), 'dean@x.com');
		const back = await returnVia(head.execution, deanLink, '学时与学分不符，请改为 48 学时');
		expect(back.resumed).toBe(true);
		return { number, deanLink, back };
	}

	it('a return needs a comment: 422, the form again, nothing recorded', async () => {
		const execution = await start();
		const link = linkOf(sent(execution), 'head@x.com');
		const bare = await returnVia(execution, link, '   ');
		expect(bare.response.statusCode).toBe(422);
		expect(bare.response.body).toContain('退回修改须填写审批意见');
		expect(bare.response.body).toContain('name="formKey"');
		expect(bare.resumed).toBe(false);
		const rows = await store.db.selectFrom('approval_request').select('status').execute();
		expect(rows.map((r) => r.status)).toEqual(['pending']);
		// A GET with decision=return in the query decides nothing either.
		const look = await engine.webhook(execution, {
			method: 'GET',
			query: { ...queryOf(link), decision: 'return', comment: 'x' },
		});
		expect(look.resumed).toBe(false);
	});

	it('returned: the execution ends on Returned with the amend link; the old link says so', async () => {
		const { number, deanLink, back } = await returned();
		const [record] = back.execution.output('On Returned');
		expect(record).toMatchObject({
			requestNumber: number,
			status: 'returned',
			statusLabel: '已退回修改 Returned',
			reasonNote: '学时与学分不符，请改为 48 学时',
		});
		const amendUrl = new URL(String(record.amendUrl));
		expect(`${amendUrl.origin}${amendUrl.pathname}`).toBe(FORM);
		expect(amendUrl.searchParams.get('courseName')).toBe('工业机器人运维');
		expect(amendUrl.searchParams.get('hours')).toBe('64');
		expect(amendUrl.searchParams.get('amend')).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(back.execution.output('On Returned')).toHaveLength(1);
		// The submitter's mail went through the channel, and the execution then ended.
		const [mail] = sent(back.execution);
		expect(mail).toMatchObject({ kind: 'returned', to: 'teacher@college.edu.cn' });
		expect(String(mail.html)).toContain('学时与学分不符');
		expect(String(mail.html)).toContain(amendUrl.toString().replace(/&/g, '&amp;'));
		expect(back.execution.status).toBe('success');
		expect(String(record.amendUrl)).not.toContain('amendToken');

		// The dean's link now shows the truthful page, and does nothing on POST.
		const again = await resubmitRun({ amendToken: amendUrl.searchParams.get('amend') });
		const old = await engine.webhook(again, { method: 'GET', query: queryOf(deanLink) });
		expect(old.response.statusCode).toBe(410);
		expect(old.response.body).toContain('已退回修改');
	});

	it('resubmit keeps the number, reopens the returning stage, spends the token', async () => {
		const { number, back } = await returned();
		const token = new URL(
			String(back.execution.output('On Returned')[0].amendUrl),
		).searchParams.get('amend')!;
		const check = await manage('checkAmendToken', { amendToken: token });
		expect(check.error()).toBeUndefined();
		expect(check.output('Manage')[0]).toMatchObject({
			valid: true,
			requestNumber: number,
			status: 'returned',
		});

		const corrected = await resubmitRun({
			amendToken: token,
			title: '《工业机器人运维》课程共建立项（修改）',
			subjectFields: JSON.stringify({ 学时: '48', 合作企业: '星河智能制造有限公司' }),
		});
		expect(corrected.error()).toBeUndefined();
		expect(corrected.status).toBe('waiting');
		waiting.track(corrected);
		// Only the stage that returned it decides again: the dean, not the head.
		const mails = sent(corrected);
		expect(mails.map((m) => [m.kind, m.to, m.requestNumber])).toEqual([
			['request', 'dean@x.com', number],
		]);

		// The token works once: a check and a second resubmission are refused, naming the field.
		const used = await manage('checkAmendToken', { amendToken: token });
		expect(used.error()).toMatch(/修改令牌已使用或已失效/);
		expect(used.error()).toMatch(/amendToken/);
		const twice = await resubmitRun({ amendToken: token });
		expect(twice.error()).toMatch(/修改令牌已使用或已失效/);
		const forged = await manage('checkAmendToken', { amendToken: 'x'.repeat(43) });
		expect(forged.error()).toMatch(/修改令牌无效/);
		// Continue On Fail: the error goes on the item.
		const tolerant = manageWorkflow('checkAmendToken', { amendToken: token });
		Object.assign(tolerant.nodes[1], { onError: 'continueRegularOutput' });
		const soft = await engine.run(tolerant);
		expect(soft.error()).toBeUndefined();
		expect(String(soft.output('Manage')[0].error)).toMatch(/修改令牌已使用或已失效/);

		const done = await clickDecision(
			engine,
			corrected,
			linkOf(mails, 'dean@x.com'),
			'approve',
			'可以',
		);
		expect(done.resumed).toBe(true);
		const [result] = done.execution.output('On Approved');
		expect(result).toMatchObject({
			requestNumber: number,
			status: 'approved',
			subject: { title: '《工业机器人运维》课程共建立项（修改）' },
		});
		// History keeps both versions; the earlier round's decisions are kept, not counted.
		expect((result.amendments as any[]).map((a) => [a.round, a.stage, a.returnedBy])).toEqual([
			[1, 1, 'dean@x.com'],
		]);
		expect((result.amendments as any[])[0].previous.title).toBe('《工业机器人运维》课程共建立项');
		expect((result.amendments as any[])[0].previous.fields).toContainEqual({
			label: '学时',
			value: '64',
		});
		expect((result.amendments as any[])[0].current.fields).toContainEqual({
			label: '学时',
			value: '48',
		});
		expect(
			(result.stages as any[]).map((s) => [
				s.status,
				s.approvers.map((a: any) => `${a.email}:${a.status}`),
			]),
		).toEqual([
			['approved', ['head@x.com:approved']],
			['approved', ['dean@x.com:returned', 'dean@x.com:approved']],
		]);

		const audit = await store.db
			.selectFrom('audit')
			.select(['action', 'changes'])
			.where('action', 'in', ['return', 'returned', 'resubmitted'])
			.execute();
		expect(audit.map((a) => a.action).sort()).toEqual(['resubmitted', 'return', 'returned']);
		const resubmitted = JSON.parse(String(audit.find((a) => a.action === 'resubmitted')!.changes));
		expect(resubmitted.previous.title).toBe('《工业机器人运维》课程共建立项');
		expect(resubmitted.current.title).toBe('《工业机器人运维》课程共建立项（修改）');
	});

	it('resume from the first stage: everyone decides again', async () => {
		const { number, back } = await returned({ resumeFrom: 'first' });
		const token = new URL(
			String(back.execution.output('On Returned')[0].amendUrl),
		).searchParams.get('amend')!;
		const corrected = await resubmitRun({ amendToken: token });
		expect(corrected.error()).toBeUndefined();
		waiting.track(corrected);
		expect(sent(corrected).map((m) => [m.to, m.requestNumber])).toEqual([['head@x.com', number]]);
		const head = await clickDecision(
			engine,
			corrected,
			linkOf(sent(corrected), 'head@x.com'),
			'approve',
		);
		const deanLink = linkOf(sent(head.execution), 'dean@x.com');
		// Returned again: a second round, a second token; then rejected.
		const second = await returnVia(head.execution, deanLink, '仍需修改');
		const record = second.execution.output('On Returned')[0];
		expect((record.amendments as any[]).map((a) => a.round)).toEqual([1, 2]);
		const next = await resubmitRun({
			amendToken: new URL(String(record.amendUrl)).searchParams.get('amend'),
		});
		waiting.track(next);
		const head2 = await clickDecision(engine, next, linkOf(sent(next), 'head@x.com'), 'reject');
		expect(head2.resumed).toBe(true);
		expect(head2.execution.output('On Rejected')[0]).toMatchObject({
			requestNumber: number,
			status: 'rejected',
		});
	});
});
