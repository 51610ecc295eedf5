import { closeAllStores, openStore, type Store } from '../../core/store';
import '../../core/approval';
import { addWorkingDays, loadWorkCalendar } from '../../core/calendar';
import { freshStoreConfig, testDialects } from '../helpers/dialects';
import { WaitingServer } from '../helpers/waiting-server';
import {
	approvalWorkflow,
	clickDecision,
	linkOf,
	manageWorkflow,
	queryOf,
	requestParameters,
	sent,
	stage,
} from './approval-helpers';
import { Engine, storeCredentials, type Execution } from './harness';

describe.each(testDialects())(
	'Approval management and timeouts in the n8n engine (%s)',
	(dialect) => {
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

		async function start(stages: object[]): Promise<Execution> {
			const execution = await engine.run(approvalWorkflow(requestParameters(stages as never)));
			expect(execution.error()).toBeUndefined();
			expect(execution.status).toBe('waiting');
			return waiting.track(execution);
		}

		async function manage(operation: string, parameters: object) {
			const run = await engine.run(manageWorkflow(operation, parameters as never));
			expect(run.error()).toBeUndefined();
			return run.output('Manage');
		}

		const numberOf = (execution: Execution) => String(sent(execution)[0].requestNumber);

		it('remind re-emits the very same links', async () => {
			const execution = await start([stage('a@x.com, b@x.com', { mode: 'all' })]);
			const original = sent(execution).filter((m) => m.kind === 'request');
			const reminders = await manage('remind', { requestId: numberOf(execution) });
			expect(reminders.map((r) => [r.kind, r.to, r.link])).toEqual(
				original.map((m) => ['reminder', m.to, m.link]),
			);
			expect(String(reminders[0].subject)).toMatch(/催办/);
		});

		it('reassign kills the old link and the new approver decides', async () => {
			const execution = await start([stage('head@x.com')]);
			const oldLink = linkOf(sent(execution), 'head@x.com');
			const [notice] = await manage('reassign', {
				requestId: numberOf(execution),
				fromEmail: 'head@x.com',
				toEmail: '王主任 <wang@x.com>',
				note: '出差',
			});
			expect(notice).toMatchObject({ to: 'wang@x.com', approverName: '王主任', kind: 'request' });
			const old = await engine.webhook(execution, { method: 'GET', query: queryOf(oldLink) });
			expect(old.response.statusCode).toBe(410);
			expect(old.response.body).toContain('链接已过期');
			const done = await clickDecision(engine, execution, String(notice.link), 'approve');
			expect(done.resumed).toBe(true);
			const [result] = done.execution.output('On Approved');
			expect(
				(result.stages as any[])[0].approvers.map((a: any) => [
					a.email,
					a.status,
					a.reassignedFrom,
				]),
			).toEqual([
				['head@x.com', 'revoked', null],
				['wang@x.com', 'approved', 'head@x.com'],
			]);
		});

		it('add approver (加签) makes the 会签 stage wait for one more person', async () => {
			const execution = await start([stage('a@x.com', { mode: 'all' })]);
			const [notice] = await manage('addApprover', {
				requestId: numberOf(execution),
				approverEmail: 'b@x.com',
			});
			expect(notice).toMatchObject({ to: 'b@x.com' });
			expect(
				(await clickDecision(engine, execution, linkOf(sent(execution), 'a@x.com'), 'approve'))
					.resumed,
			).toBe(false);
			const done = await clickDecision(engine, execution, String(notice.link), 'approve');
			expect(done.resumed).toBe(true);
			expect(done.execution.output('On Approved')[0]).toMatchObject({ status: 'approved' });
		});

		it('withdraw resumes the waiting execution on Rejected with reason withdrawn', async () => {
			const execution = await start([stage('head@x.com')]);
			const link = linkOf(sent(execution), 'head@x.com');
			const [record] = await manage('withdraw', {
				requestId: numberOf(execution),
				withdrawnBy: 'teacher@college.edu.cn',
				note: '重新修改',
			});
			expect(record).toMatchObject({
				status: 'rejected',
				reason: 'withdrawn',
				reasonNote: '重新修改',
				executionResumed: true,
			});
			const resumed = waiting.latest(execution);
			expect(resumed.status).toBe('success');
			expect(resumed.output('On Rejected')[0]).toMatchObject({
				status: 'rejected',
				reason: 'withdrawn',
			});
			const page = await engine.webhook(execution, { method: 'GET', query: queryOf(link) });
			expect(page.response.body).toContain('申请已撤回');
			expect(page.resumed).toBe(false);
		});

		it('withdraw by someone other than the submitter is refused', async () => {
			const execution = await start([stage('head@x.com')]);
			const run = await engine.run(
				manageWorkflow('withdraw', { requestId: numberOf(execution), withdrawnBy: 'head@x.com' }),
			);
			expect(run.error()).toMatch(/Only the submitter/);
		});

		it('timeout auto-approve: when the wait runs out the stage passes and the next one is notified', async () => {
			const execution = await start([
				stage('slow@x.com', { dueHours: 48, timeoutAction: 'approve' }),
				stage('dean@x.com'),
			]);
			const staleLink = linkOf(sent(execution), 'slow@x.com');
			expect(new Date(execution.data.waitTill!).getTime()).toBeGreaterThan(
				Date.now() + 47 * 3600_000,
			);
			const after = await engine.resumeAfterWait(execution);
			expect(after.error()).toBeUndefined();
			expect(after.status).toBe('waiting');
			const messages = after.output('Send', 0);
			expect(messages.map((m) => m.to)).toEqual(['dean@x.com']);
			const stale = await engine.webhook(after, { method: 'GET', query: queryOf(staleLink) });
			expect(stale.response.body).toContain('链接已过期');
			const done = await clickDecision(engine, after, linkOf(messages, 'dean@x.com'), 'approve');
			const [result] = done.execution.output('On Approved');
			expect((result.stages as any[]).map((s) => [s.status, s.approvers[0].status])).toEqual([
				['approved', 'expired'],
				['approved', 'approved'],
			]);
		});

		it('a limit in working days: the execution waits until the due time on the calendar', async () => {
			const before = new Date();
			const execution = await start([
				stage('slow@x.com', { dueHours: 1, dueWorkingDays: 2, timeoutAction: 'approve' }),
			]);
			const [row] = await store.db
				.selectFrom('approval_stage')
				.select(['due_at', 'due_working_days'])
				.execute();
			expect(row.due_working_days).toBe(2);
			// The node's wait ends exactly at the calendar's due time: two working days from now
			// (Asia/Shanghai), at least two calendar days away, never the one hour also given.
			const calendar = await loadWorkCalendar(store);
			const earliest = addWorkingDays(before.toISOString(), 2, 'Asia/Shanghai', calendar);
			const latest = addWorkingDays(new Date().toISOString(), 2, 'Asia/Shanghai', calendar);
			expect(row.due_at! >= earliest && row.due_at! <= latest).toBe(true);
			expect(new Date(execution.data.waitTill!).toISOString()).toBe(row.due_at);
			expect(Date.parse(row.due_at!) - before.getTime()).toBeGreaterThanOrEqual(2 * 86400_000);
		});

		it('timeout escalation: the named people get the stage and decide it', async () => {
			const execution = await start([
				stage('slow@x.com', {
					dueHours: 24,
					timeoutAction: 'escalate',
					escalateTo: '院长 <dean@x.com>',
				}),
			]);
			const after = await engine.resumeAfterWait(execution);
			expect(after.status).toBe('waiting');
			const messages = sent(after);
			expect(messages.map((m) => m.to)).toEqual(['dean@x.com']);
			const done = await clickDecision(
				engine,
				after,
				linkOf(messages, 'dean@x.com'),
				'reject',
				'不同意',
			);
			expect(done.resumed).toBe(true);
			const [result] = done.execution.output('On Rejected');
			expect((result.stages as any[])[0]).toMatchObject({ escalated: true, mode: 'any' });
			expect((result.stages as any[])[0].approvers.map((a: any) => [a.email, a.status])).toEqual([
				['slow@x.com', 'expired'],
				['dean@x.com', 'rejected'],
			]);
		});

		it('timeout auto-reject ends on Rejected with reason timeout', async () => {
			const execution = await start([
				stage('slow@x.com', { dueHours: 1, timeoutAction: 'reject' }),
			]);
			const after = await engine.resumeAfterWait(execution);
			expect(after.status).toBe('success');
			expect(after.output('On Rejected')[0]).toMatchObject({
				status: 'rejected',
				reason: 'timeout',
			});
		});

		it('get and list find requests by number, status, approver and subject type', async () => {
			const execution = await start([stage('head@x.com')]);
			const [got] = await manage('get', { requestId: numberOf(execution) });
			expect(got).toMatchObject({
				requestNumber: numberOf(execution),
				status: 'pending',
				subject: { type: 'course' },
			});
			expect(
				await manage('list', {
					returnAll: true,
					filters: { status: 'pending', approver: 'head@x.com', subjectType: 'course' },
				}),
			).toHaveLength(1);
			expect(
				await manage('list', { returnAll: true, filters: { approver: 'nobody@x.com' } }),
			).toHaveLength(0);
			expect(await manage('list', { returnAll: true, filters: { overdue: true } })).toHaveLength(0);
		});
		it("redeliver (补投) hands out once the results a lost execution carried, with the submitter's result mail", async () => {
			const execution = await start([stage('head@x.com')]);
			const pending = await start([stage('head@x.com')]);
			const done = await clickDecision(
				engine,
				execution,
				linkOf(sent(execution), 'head@x.com'),
				'approve',
				'同意',
			);
			expect(done.resumed).toBe(true);
			const number = numberOf(execution);

			const [again] = await manage('redeliver', { executionId: execution.id });
			expect(again).toMatchObject({
				kind: 'result',
				to: 'teacher@college.edu.cn',
				result: 'approved',
				redelivered: true,
				failedExecutionId: execution.id,
				requestNumber: number,
			});
			expect(String(again.subject)).toContain(number);
			expect(String(again.html)).toContain('同意');
			expect((again.record as any).stages[0].approvers[0]).toMatchObject({
				email: 'head@x.com',
				status: 'approved',
				comment: '同意',
			});
			// at most once; a pending request is not a result; an unknown execution carried nothing
			expect(await manage('redeliver', { executionId: execution.id })).toEqual([]);
			expect(await manage('redeliver', { executionId: pending.id })).toEqual([]);
			expect(await manage('redeliver', { executionId: 'no-such-execution' })).toEqual([]);
			const audit = await store.db
				.selectFrom('audit')
				.select(['action', 'changes'])
				.where('action', '=', 'redeliver')
				.execute();
			expect(audit).toHaveLength(1);
			expect(JSON.parse(String(audit[0].changes))).toEqual({ executionId: execution.id });
		});

		it('redeliver names the field of a bad execution id, writes nothing, and honours Continue On Fail', async () => {
			const execution = await start([stage('head@x.com')]);
			await clickDecision(engine, execution, linkOf(sent(execution), 'head@x.com'), 'approve');
			const before = await store.db
				.selectFrom('approval_request')
				.select(['id', 'redelivered_at'])
				.execute();
			const bad = await engine.run(
				manageWorkflow('redeliver', { executionId: '={{ ["1", "2"] }}' }),
			);
			expect(bad.error()).toMatch(
				/第 1 项 Item 1：失败的执行 ID应为文本 \/ Failed Execution ID must be text — 字段 Field: executionId/,
			);
			const tolerant = manageWorkflow('redeliver', { executionId: '={{ $json.id }}' });
			Object.assign(tolerant.nodes[1], { onError: 'continueRegularOutput' });
			const run = await engine.run(tolerant, { items: [{ id: ['x'] }, { id: execution.id }] });
			const out = run.output('Manage');
			expect(out[0].error).toMatch(/Failed Execution ID/);
			expect(out[1]).toMatchObject({ result: 'approved', redelivered: true });
			expect(
				await store.db
					.selectFrom('audit')
					.select('entity_id')
					.where('action', '=', 'redeliver')
					.execute(),
			).toHaveLength(1);
			expect(before.every((r) => r.redelivered_at === null)).toBe(true);
		});
	},
);
