// n8n in queue mode — main, two workers, a webhook process, PostgreSQL and Redis — with the
// package installed and the store on PostgreSQL. Approvers decide through the webhook
// process; a worker is SIGKILLed in the middle of a decision batch, the main process and
// PostgreSQL are restarted while requests wait. Every request must reach exactly one
// result, every decision be recorded once, and the audit trail hold exactly what it should.
// Scale: QUEUE_LOAD requests (default 200) at QUEUE_CONCURRENCY clicks at a time (default 20).
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeAllStores, openStore, type Store } from '../../core/store';
import { auditOf, click, linkOf, percentile, pool, requestBody, submit, until, type MailLike } from './queueLoad';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startQueueStack } = require('../../scripts/runtime/queue');

const LOAD = Number(process.env.QUEUE_LOAD || 200);
const CONCURRENCY = Number(process.env.QUEUE_CONCURRENCY || 20);
const WAITING = Number(process.env.QUEUE_FAULT_LOAD || 20);
const OWNER = { email: 'queue-admin@example.edu.cn', password: 'Queue-Consortium-1' };
const WORKFLOW = 'queueApprovalEmail1';
const APPROVERS = ['head@college.edu.cn', 'partner@xinghe.example.com'];

jest.setTimeout(45 * 60 * 1000);

describe('queue mode: main, two workers, a webhook process, PostgreSQL and Redis', () => {
	let stack: any;
	let store: Store;
	let expectedAudit: string[];
	let dataDir: string;
	const log = (m: string) => console.log(`[queue] ${m}`);

	beforeAll(async () => {
		log(`scale: ${LOAD} concurrent requests, ${CONCURRENCY} clicks at a time; ${WAITING} requests wait through the restarts`);
		dataDir = mkdtempSync(join(tmpdir(), 'consortium-queue-'));
		const workflowsDir = join(dataDir, 'workflows');
		mkdirSync(workflowsDir);
		copyFileSync(join(__dirname, 'fixtures', 'queue-approval.workflow.json'), join(workflowsDir, 'queue-approval.workflow.json'));
		stack = await startQueueStack({ dataDir: join(dataDir, 'stack'), owner: OWNER, workflowsDir, workers: 2, log });
		const u = new URL(stack.storeUrl);
		store = await openStore({ type: 'postgres', host: u.hostname, port: Number(u.port), user: decodeURIComponent(u.username), password: '', database: u.pathname.slice(1) });
	});

	afterAll(async () => {
		await closeAllStores();
		await stack?.stop();
		if (!process.env.KEEP_E2E_DATA) rmSync(dataDir, { recursive: true, force: true });
	});

	const submitUrl = () => `${stack.webhookUrl}webhook/queue-approval`;
	const mails = async (): Promise<MailLike[]> => stack.mail.messages();
	/** The links mailed to approvers of requests whose title carries `marker`. */
	async function linksFor(marker: (n: number) => string, count: number, n: number[]): Promise<Map<number, string[]>> {
		const wanted = n.length * APPROVERS.length;
		const found = await until(`${wanted} approval mails`, async () => {
			const got = (await mails()).filter((m) => APPROVERS.some((a) => m.to.includes(a)) && n.some((i) => m.subject.includes(marker(i))));
			return got.length >= wanted ? got : undefined;
		});
		const byRequest = new Map<number, string[]>();
		for (const i of n) byRequest.set(i, found.filter((m) => new RegExp(`${marker(i)}(?!\\d)`).test(m.subject)).map(linkOf));
		expect([...byRequest.values()].map((l) => l.length)).toEqual(new Array(count).fill(APPROVERS.length));
		return byRequest;
	}
	const executions = (): Promise<Array<{ id: number; status: string }>> => stack.executions(WORKFLOW);
	const untilWaiting = (count: number) => until(`${count} waiting executions`, async () => (await executions()).filter((e) => e.status === 'waiting').length >= count);
	async function requestByTitle(title: string) {
		return store.db.selectFrom('approval_request').selectAll().where('title', '=', title).executeTakeFirstOrThrow();
	}

	it('runs an approval end to end: links through the webhook process, decisions recorded, the execution finished on a worker', async () => {
		await submit(submitUrl(), { ...requestBody(0, APPROVERS), title: '课程立项 端到端 End to end' });
		const links = await linksFor(() => '端到端', 1, [0]);
		await untilWaiting(1);
		const [first, second] = links.get(0)!;
		const one = await click(first, 'approve');
		expect(one.status).toBe(200);
		const two = await click(second, 'approve');
		expect(two.status).toBe(200);
		const request = await until('the request to be approved', async () => {
			const r = await requestByTitle('课程立项 端到端 End to end');
			return r.status === 'approved' && r.delivered ? r : undefined;
		});
		await until('the execution to finish', async () => (await executions()).every((e) => e.status === 'success'));
		expectedAudit = await auditOf(store, request.id);
		log(`end to end: request ${request.number} ${request.status}; audit ${JSON.stringify(expectedAudit)}`);
		expect(expectedAudit.filter((a) => a === 'approval_slot:approve')).toHaveLength(2);
	});

	it(`decides ${LOAD} concurrent requests through the webhook process while a worker is SIGKILLed mid-batch`, async () => {
		const ids = Array.from({ length: LOAD }, (_, i) => i + 1);
		const started = performance.now();
		await pool(ids, CONCURRENCY, (n) => submit(submitUrl(), requestBody(n, APPROVERS)));
		const links = await linksFor((n) => `Load ${n}`, LOAD, ids);
		await untilWaiting(LOAD);
		log(`${LOAD} requests submitted and waiting after ${((performance.now() - started) / 1000).toFixed(1)} s`);

		// every approver of every request, shuffled so both approvers of a request often click at once
		const clicks = ids.flatMap((n) => links.get(n)!.map((link) => ({ n, link })));
		for (let i = clicks.length - 1; i > 0; i--) {
			const j = (i * 7919) % (i + 1);
			[clicks[i], clicks[j]] = [clicks[j], clicks[i]];
		}
		let done = 0;
		let killed = false;
		let replacement: Promise<unknown> = Promise.resolve();
		const decideStart = performance.now();
		const results = await pool(clicks, CONCURRENCY, async ({ link }) => {
			const r = await click(link, 'approve');
			if (++done === Math.floor(clicks.length / 3) && !killed) {
				killed = true;
				log(`SIGKILL worker1 after ${done} of ${clicks.length} decisions`);
				await stack.killWorker('worker1');
				replacement = stack.startWorker('worker3').then(() => log('worker3 started'));
			}
			return r;
		});
		const seconds = (performance.now() - decideStart) / 1000;
		await replacement;
		const latencies = results.map((r) => r.latencyMs);
		log(`${clicks.length} decisions in ${seconds.toFixed(1)} s: ${(clicks.length / seconds).toFixed(1)} decisions/s, p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, ${results.reduce((s, r) => s + r.retries, 0)} retries`);
		expect(results.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);

		await until(`${LOAD + 1} finished executions`, async () => (await executions()).filter((e) => e.status === 'success').length >= LOAD + 1, 900000, 1000);
		await checkEveryRequest(LOAD + 1);
	});

	it(`keeps ${WAITING} waiting requests through a restart of the main process and of PostgreSQL`, async () => {
		const ids = Array.from({ length: WAITING }, (_, i) => 10_000 + i);
		await pool(ids, CONCURRENCY, (n) => submit(submitUrl(), requestBody(n, APPROVERS)));
		const links = await linksFor((n) => `Load ${n}`, WAITING, ids);
		await untilWaiting(WAITING);
		// the first approver of each decides before the faults, the second after them
		const firsts = await pool(ids, CONCURRENCY, (n) => click(links.get(n)![0], 'approve'));
		expect(firsts.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);

		log('restarting the main process…');
		await stack.restartMain();
		log('restarting PostgreSQL…');
		await stack.pg.restart({ downMs: 3000 });
		log('both back; the second approvers decide');

		const seconds = await pool(ids, CONCURRENCY, (n) => click(links.get(n)![1], 'approve'));
		expect(seconds.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
		log(`after the restarts: ${seconds.reduce((s, r) => s + r.retries, 0)} retried clicks`);
		const total = LOAD + 1 + WAITING;
		await until(`${total} finished executions`, async () => (await executions()).filter((e) => e.status === 'success').length >= total, 900000, 1000);
		await checkEveryRequest(total);
	});

	/** Exactly one result per request, each slot decided once, audit rows exactly as for the first request. */
	async function checkEveryRequest(total: number) {
		const requests = await store.db.selectFrom('approval_request').selectAll().execute();
		const slots = await store.db.selectFrom('approval_slot').select(['request_id', 'status']).execute();
		const decisions = await store.db.selectFrom('audit').select(['entity_id']).where('entity_type', '=', 'approval_slot').where('action', 'in', ['approve', 'reject']).execute();
		const runs = await executions();
		const byStatus = (list: Array<{ status: string }>) => list.reduce<Record<string, number>>((m, r) => ({ ...m, [r.status]: (m[r.status] ?? 0) + 1 }), {});
		const wrongAudit: string[] = [];
		for (const r of requests) {
			const audit = await auditOf(store, r.id);
			if (JSON.stringify(audit) !== JSON.stringify(expectedAudit)) wrongAudit.push(`${r.number}: ${JSON.stringify(audit)}`);
		}
		const auditTotal = Number((await store.db.selectFrom('audit').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
		log(
			`counts: ${requests.length} requests ${JSON.stringify(byStatus(requests))}, delivered ${requests.filter((r) => r.delivered).length}; ` +
				`${slots.length} approver slots ${JSON.stringify(byStatus(slots))}; ${decisions.length} decision audit rows (${new Set(decisions.map((d) => d.entity_id)).size} distinct slots); ` +
				`${auditTotal} audit rows (${expectedAudit.length} per request expected: ${requests.length * expectedAudit.length}); n8n executions ${JSON.stringify(byStatus(runs))}`,
		);
		expect(requests).toHaveLength(total);
		expect(requests.filter((r) => r.status !== 'approved' || !r.delivered).map((r) => r.number)).toEqual([]);
		expect(slots.filter((s) => s.status !== 'approved')).toEqual([]);
		expect(slots).toHaveLength(total * APPROVERS.length);
		expect(decisions).toHaveLength(total * APPROVERS.length);
		expect(new Set(decisions.map((d) => d.entity_id)).size).toBe(total * APPROVERS.length);
		expect(wrongAudit).toEqual([]);
		expect(auditTotal).toBe(total * expectedAudit.length);
		expect(runs).toHaveLength(total);
		expect(byStatus(runs)).toEqual({ success: total });
	}
});
