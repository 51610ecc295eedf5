import { recordLinkEndpoint } from '../../core/approval';
import { closeAllStores, openStore, type Store } from '../../core/store';
import { freshStoreConfig, testDialects } from '../helpers/dialects';
import { shippedWorkflow } from '../helpers/registry-engine';
import { startSmtp, type LoopbackSmtp } from '../helpers/smtp';
import { WaitingServer } from '../helpers/waiting-server';
import {
	approvalWorkflow,
	formFields,
	linkOf,
	manageWorkflow,
	requestParameters,
	sent,
	stage,
} from './approval-helpers';
import { Engine, storeCredentials, type Execution } from './harness';

/**
 * Hand-overs n8n refused for good: a decision at the link endpoint is recorded, but the
 * waiting execution never hears of it. Retry Hand-Overs (the shipped schedule runs it)
 * finds them, hands them over again, and takes the step itself where the execution is gone.
 */
describe.each(testDialects())('Stalled hand-overs (%s)', (dialect) => {
	let engine: Engine;
	let store: Store;
	let smtp: LoopbackSmtp;
	const waiting = new WaitingServer(() => engine);
	const links = shippedWorkflow('approval-links.json');

	beforeAll(async () => {
		smtp = await startSmtp();
		await waiting.start();
		waiting.links = { workflow: links, node: links.nodes[0].name };
	});
	afterAll(async () => {
		await waiting.stop();
		await smtp.close();
		await closeAllStores();
	});
	beforeEach(async () => {
		const config = await freshStoreConfig(dialect);
		engine = new Engine({
			credentials: { ...storeCredentials(config), smtp: smtp.credential as never },
			webhookWaitingBaseUrl: waiting.baseUrl,
		});
		store = await openStore(config);
		await recordLinkEndpoint(store, waiting.linkEndpoint);
		waiting.refuse = undefined;
		waiting.refused = 0;
		smtp.mails.length = 0;
	});
	afterEach(() => store.close());

	const page = async (link: string, init: RequestInit = {}) => {
		const res = await fetch(link, init);
		return { status: res.status, body: await res.text() };
	};
	const decideRefused = async (link: string) => {
		const before = waiting.refused;
		waiting.refuse = 400;
		const fields = formFields((await page(link)).body);
		const answer = await page(link, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ ...fields, decision: 'approve' }).toString(),
		});
		expect([answer.status, answer.body]).toEqual([200, expect.stringContaining('已同意')]);
		// the endpoint answers first and hands over after: wait for its try to be refused
		await until('the hand-over was refused', () => (waiting.refused > before ? true : undefined));
	};
	const sweep = async (parameters: Record<string, number> = { quietMinutes: 0 }) =>
		(await engine.run(manageWorkflow('retryHandOvers', parameters))).output('Manage');
	const requestRow = () =>
		store.db.selectFrom('approval_request').selectAll().executeTakeFirstOrThrow();
	async function until<T>(what: string, probe: () => T | undefined): Promise<T> {
		for (let i = 0; i < 200; i++) {
			const value = probe();
			if (value !== undefined) return value;
			await new Promise((r) => setTimeout(r, 50));
		}
		throw new Error(`never: ${what}`);
	}
	const twoStages = async (): Promise<Execution> =>
		waiting.track(
			await engine.run(
				approvalWorkflow(
					requestParameters([stage('a@x.com'), stage('c@x.com', { name: '企业确认' })]),
				),
			),
		);

	it('hands a refused round and a refused result over again, once the execution can hear', async () => {
		const execution = await twoStages();
		await decideRefused(linkOf(sent(execution), 'a@x.com'));
		expect(waiting.latest(execution)).toBe(execution);
		const owed = await requestRow();
		expect(owed.owed_round).toBeGreaterThan(owed.handed_round);

		// too recent for the sweep: the endpoint's own retries may still be running
		expect(await sweep({ quietMinutes: 60 })).toEqual([]);
		// still refused: reported, nothing taken over, tried again next time
		expect(await sweep()).toEqual([
			{ requestNumber: owed.number, handOver: 'notify', answer: 'refused' },
		]);

		waiting.refuse = undefined;
		expect(await sweep()).toEqual([
			{ requestNumber: owed.number, handOver: 'notify', answer: 'resumed' },
		]);
		const resumed = waiting.latest(execution);
		expect(resumed).not.toBe(execution);
		const c = linkOf(sent(resumed), 'c@x.com');
		expect(await sweep()).toEqual([]);

		await decideRefused(c);
		expect((await requestRow()).status).toBe('approved');
		expect(waiting.latest(execution).status).toBe('waiting');
		waiting.refuse = undefined;
		expect(await sweep()).toEqual([
			{ requestNumber: owed.number, handOver: 'result', answer: 'resumed' },
		]);
		const done = waiting.latest(execution);
		expect(done.status).toBe('success');
		expect(done.output('On Approved')).toEqual([
			expect.objectContaining({ result: 'approved', requestNumber: owed.number }),
		]);
		expect(await sweep()).toEqual([]);
		expect((await requestRow()).delivered).toBe(1);
	});

	it('where the execution is gone, mails the next approver and then the result itself, once each', async () => {
		const execution = await twoStages();
		await decideRefused(linkOf(sent(execution), 'a@x.com'));
		waiting.refuse = undefined;
		waiting.executions.delete(execution.id);

		const [notice, ...more] = await sweep();
		expect(more).toEqual([]);
		expect(notice).toEqual(
			expect.objectContaining({ to: 'c@x.com', handOver: 'notify', answer: 'taken' }),
		);
		const c = String(notice.link);
		expect(c.startsWith(`${waiting.linkEndpoint}?token=`)).toBe(true);
		expect(await sweep()).toEqual([]);

		await decideRefused(c);
		waiting.refuse = undefined;
		const [result, ...others] = await sweep();
		expect(others).toEqual([]);
		expect(result).toEqual(
			expect.objectContaining({ result: 'approved', handOver: 'result', answer: 'taken' }),
		);
		expect(String(result.subject)).toContain((await requestRow()).number);
		expect(await sweep()).toEqual([]);

		const audit = await store.db
			.selectFrom('audit')
			.select(['action', 'changes'])
			.where('action', '=', 'hand_over_taken')
			.execute();
		expect(audit.map((a) => JSON.parse(String(a.changes)).kind).sort()).toEqual([
			'notify',
			'result',
		]);
	});

	it('the shipped schedule mails what it took over: the next approver, then the result on its branch', async () => {
		const redelivery = shippedWorkflow('approval-redelivery.json');
		const SCHEDULE = '每 5 分钟 Every 5 Minutes';
		// what a schedule five minutes later sees: the change is older than the quiet time
		const age = () =>
			store.db
				.updateTable('approval_request')
				.set({ updated_at: new Date(Date.now() - 10 * 60_000).toISOString() })
				.execute();
		const execution = await twoStages();
		await decideRefused(linkOf(sent(execution), 'a@x.com'));
		waiting.refuse = undefined;
		waiting.executions.delete(execution.id);
		await age();

		const first = await engine.run(redelivery, { startNode: SCHEDULE });
		expect(first.error()).toBeUndefined();
		expect(first.output('发送审批邮件 Send Approver Mail')).toHaveLength(1);
		expect(smtp.mails.map((m) => m.to.join())).toEqual(['c@x.com']);
		const c = /https?:\/\/\S+token=[\w-]+/.exec(smtp.mails[0].text)![0];
		expect((await page(c)).body).toContain('请审批');

		await decideRefused(c);
		waiting.refuse = undefined;
		await age();
		const second = await engine.run(redelivery, { startNode: SCHEDULE });
		expect(second.error()).toBeUndefined();
		const number = (await requestRow()).number;
		expect(second.output('已通过（补投）Approved, Redelivered')).toEqual([
			expect.objectContaining({ requestNumber: number, result: 'approved' }),
		]);
		expect(smtp.mails.map((m) => m.to.join())).toEqual(['c@x.com', 'teacher@college.edu.cn']);
		expect(smtp.mails[1].subject).toContain(number);

		const third = await engine.run(redelivery, { startNode: SCHEDULE });
		expect(third.output('重新交接 Retry Hand-Overs')).toEqual([]);
		expect(smtp.mails).toHaveLength(2);
	});

	it('refuses a quiet time that is not a number, naming the field', async () => {
		const run = await engine.run(
			manageWorkflow('retryHandOvers', { quietMinutes: '={{ "soon" }}' } as never),
		);
		expect(run.error()).toMatch(/第 1 项 Item 1：静默分钟/);
	});
});
