import { notifyHandOverKey, recordLinkEndpoint } from '../../core/approval';
import { closeAllStores, openStore, type Store } from '../../core/store';
import { freshStoreConfig, testDialects } from '../helpers/dialects';
import { shippedWorkflow } from '../helpers/registry-engine';
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
 * Approver links at the permanent endpoint: the shipped `approval-links.json`, its trigger's
 * webhook run as n8n's live webhooks run it (starting no execution), the waiting execution
 * told over HTTP through its resume URL as n8n's waiting-webhook handler would take it.
 */
describe.each(testDialects())('Approval links at the permanent endpoint (%s)', (dialect) => {
	let engine: Engine;
	let store: Store;
	let config: Awaited<ReturnType<typeof freshStoreConfig>>;
	const waiting = new WaitingServer(() => engine);
	const links = shippedWorkflow('approval-links.json');

	beforeAll(async () => {
		await waiting.start();
		waiting.links = { workflow: links, node: links.nodes[0].name };
	});
	afterAll(async () => {
		await waiting.stop();
		await closeAllStores();
	});
	beforeEach(async () => {
		config = await freshStoreConfig(dialect);
		engine = new Engine({
			credentials: storeCredentials(config),
			webhookWaitingBaseUrl: waiting.baseUrl,
		});
		store = await openStore(config);
		// what the links workflow's activation records
		await recordLinkEndpoint(store, waiting.linkEndpoint);
	});
	afterEach(() => store.close());

	const page = async (link: string, init: RequestInit = {}) => {
		const res = await fetch(link, init);
		return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
	};
	const decide = async (link: string, decision: 'approve' | 'reject') =>
		page(link, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ ...formFields((await page(link)).body), decision }).toString(),
		});
	async function until<T>(what: string, probe: () => T | undefined): Promise<T> {
		for (let i = 0; i < 200; i++) {
			const value = probe();
			if (value !== undefined) return value;
			await new Promise((r) => setTimeout(r, 50));
		}
		throw new Error(`never: ${what}`);
	}

	it('links point at the endpoint; pages and decisions there start nothing; outcomes reach the waiting execution once', async () => {
		const execution: Execution = waiting.track(
			await engine.run(
				approvalWorkflow(
					requestParameters([stage('a@x.com, b@x.com'), stage('c@x.com', { name: '企业确认' })]),
				),
			),
		);
		expect(execution.status).toBe('waiting');
		const a = linkOf(sent(execution), 'a@x.com');
		const b = linkOf(sent(execution), 'b@x.com');
		expect(a.startsWith(`${waiting.linkEndpoint}?token=`)).toBe(true);
		const request = await store.db
			.selectFrom('approval_request')
			.selectAll()
			.executeTakeFirstOrThrow();
		expect(request.resume_url).toBe(`${waiting.baseUrl}/${execution.id}/decide`);

		// looks change nothing and start nothing (the server refuses any workflow data from a page)
		expect(await page(a)).toEqual({
			status: 200,
			type: 'text/html; charset=utf-8',
			body: expect.stringContaining('请审批'),
		});
		expect((await page(a, { method: 'HEAD' })).status).toBe(200);
		expect(waiting.latest(execution)).toBe(execution);

		const decided = await decide(a, 'approve');
		expect([decided.status, decided.body]).toEqual([200, expect.stringContaining('已同意')]);
		// the next stage's mail comes from the waiting execution, resumed by the hand-over
		const resumed = await until('the execution resumed on Notify', () =>
			waiting.latest(execution) !== execution ? waiting.latest(execution) : undefined,
		);
		const c = linkOf(sent(resumed), 'c@x.com');
		expect(c.startsWith(`${waiting.linkEndpoint}?token=`)).toBe(true);
		expect((await page(b)).status).toBe(410);

		// a repeated hand-over of the same round resumes nothing
		const row = await store.db.selectFrom('approval_request').selectAll().executeTakeFirstOrThrow();
		const slots = await store.db
			.selectFrom('approval_slot')
			.select('id')
			.where('email', '=', 'c@x.com')
			.execute();
		const again = await fetch(request.resume_url!, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				poke: notifyHandOverKey(
					'test-secret-0123456789',
					row.id,
					row.handed_round,
					slots.map((s) => s.id),
				),
				request: row.id,
				notify: row.handed_round,
				slots: slots.map((s) => s.id).join(','),
			}),
		});
		expect(await again.json()).toEqual({ resumed: false });
		expect(row.handed_round).toBe(row.notify_round);

		// the last decision finishes the request; the execution goes on to On Approved and finishes
		expect((await decide(c, 'approve')).status).toBe(200);
		const done = await until('the execution finished', () =>
			waiting.latest(execution).status === 'success' ? waiting.latest(execution) : undefined,
		);
		expect(done.output('On Approved')).toEqual([
			expect.objectContaining({ result: 'approved', requestNumber: row.number }),
		]);
		// after it finished, every link still answers with the package's page
		expect(await page(c)).toEqual({
			status: 410,
			type: 'text/html; charset=utf-8',
			body: expect.stringContaining('已审批过'),
		});
		expect(await page(b)).toEqual({
			status: 410,
			type: 'text/html; charset=utf-8',
			body: expect.stringContaining('审批已结束'),
		});
		expect(
			await store.db
				.selectFrom('approval_request')
				.select(['status', 'delivered'])
				.executeTakeFirstOrThrow(),
		).toEqual({ status: 'approved', delivered: 1 });
	});

	it('a rotated link secret voids old links until 催办 re-signs them', async () => {
		const execution = waiting.track(
			await engine.run(approvalWorkflow(requestParameters([stage('a@x.com')]))),
		);
		const old = linkOf(sent(execution), 'a@x.com');
		engine = new Engine({
			credentials: storeCredentials(config, { linkSecret: 'rotated-secret-9876543210' }),
			webhookWaitingBaseUrl: waiting.baseUrl,
		});
		expect(await page(old)).toEqual({
			status: 404,
			type: 'text/html; charset=utf-8',
			body: expect.stringContaining('链接无效'),
		});
		const run = await engine.run(
			manageWorkflow('remind', { requestId: String(sent(execution)[0].requestNumber) }),
		);
		const [reminder] = run.output('Manage');
		expect(reminder.link).not.toBe(old);
		expect((await page(String(reminder.link))).status).toBe(200);
		expect((await page(old)).status).toBe(404);
		expect((await decide(String(reminder.link), 'approve')).status).toBe(200);
		const done = await until('the execution finished', () =>
			waiting.latest(execution).status === 'success' ? waiting.latest(execution) : undefined,
		);
		expect(done.output('On Approved')).toHaveLength(1);
	});
});
