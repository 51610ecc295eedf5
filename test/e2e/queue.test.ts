// n8n in queue mode — main, two workers, a webhook process, PostgreSQL and Redis — with the
// package installed and the store on PostgreSQL. Approvers decide through the webhook
// process; a worker is SIGKILLed in the middle of a decision batch, the main process and
// PostgreSQL are restarted while requests wait. Every request must reach exactly one
// result, every decision be recorded once, and the audit trail hold exactly what it should.
// The worker is killed while it holds a job (the Approved branch holds each for 2 s): n8n
// 2.40.7 fails such a job, never retries it (Bull's maxStalledCount is 0), and runs the
// workflow's error workflow — the shipped approval-redelivery.json — which hands the result
// out once more. Every result mail must reach the submitter exactly once.
// The shipped reminder workflow runs on the workers while QUEUE_REMIND_LOAD requests wait (default 20).
// Scale: QUEUE_LOAD requests (default 200) at QUEUE_CONCURRENCY clicks at a time (default 20).
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeAllStores, openStore, type Store } from '../../core/store';
import {
	auditOf,
	click,
	linkOf,
	percentile,
	pool,
	requestBody,
	submit,
	until,
	type MailLike,
} from './queueLoad';
import { launchChromium } from './browser';
import { checkEveryState, expectedVerdicts, verdicts, type LinkStatesEnv } from './linkStates';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startQueueStack } = require('../../scripts/runtime/queue');

const LOAD = Number(process.env.QUEUE_LOAD || 200);
const CONCURRENCY = Number(process.env.QUEUE_CONCURRENCY || 20);
const WAITING = Number(process.env.QUEUE_FAULT_LOAD || 20);
const REMIND = Number(process.env.QUEUE_REMIND_LOAD || 20);
const OWNER = { email: 'queue-admin@example.edu.cn', password: 'Queue-Consortium-1' };
const WORKFLOW = 'queueApprovalEmail1';
const APPROVERS = ['head@college.edu.cn', 'partner@xinghe.example.com'];
const REMIND_WORKFLOW = 'queueApprovalRemind1';
const REMIND_PATH = 'queue-approval-reminders';
const REDELIVERY_WORKFLOW = 'approvalRedelivery01';
const SUBMITTER = 'teacher@college.edu.cn';

/**
 * The shipped approval-reminders workflow with its schedule swapped for a production webhook:
 * n8n in queue mode hands such an execution to a worker, as it does a scheduled one.
 */
function reminderWorkflow() {
	const shipped = JSON.parse(
		readFileSync(join(__dirname, '..', '..', 'workflows', 'approval-reminders.json'), 'utf8'),
	);
	const trigger = shipped.nodes.find(
		(n: { type: string }) => n.type === 'n8n-nodes-base.scheduleTrigger',
	);
	const name = '立即催办 Remind Now';
	return {
		...shipped,
		id: REMIND_WORKFLOW,
		name: `${shipped.name} (queue e2e)`,
		nodes: [
			...shipped.nodes.filter((n: { name: string }) => n !== trigger),
			{
				id: 'b0e2e000-0000-4000-8000-000000000001',
				name,
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: trigger.position,
				webhookId: 'b0e2e000-0000-4000-9000-000000000001',
				parameters: {
					httpMethod: 'POST',
					path: REMIND_PATH,
					responseMode: 'onReceived',
					options: {},
				},
			},
		],
		connections: Object.fromEntries(
			Object.entries(shipped.connections).map(([source, c]) => [
				source === trigger.name ? name : source,
				c,
			]),
		),
	};
}

jest.setTimeout(45 * 60 * 1000);

describe('queue mode: main, two workers, a webhook process, PostgreSQL and Redis', () => {
	let stack: any;
	let store: Store;
	let expectedAudit: string[];
	let dataDir: string;
	const log = (m: string) => console.log(`[queue] ${m}`);

	beforeAll(async () => {
		log(
			`scale: ${LOAD} concurrent requests, ${CONCURRENCY} clicks at a time; ${WAITING} requests wait through the restarts; ${REMIND} wait for reminders`,
		);
		dataDir = mkdtempSync(join(tmpdir(), 'consortium-queue-'));
		const workflowsDir = join(dataDir, 'workflows');
		mkdirSync(workflowsDir);
		copyFileSync(
			join(__dirname, 'fixtures', 'queue-approval.workflow.json'),
			join(workflowsDir, 'queue-approval.workflow.json'),
		);
		writeFileSync(
			join(workflowsDir, 'approval-reminders.queue.json'),
			JSON.stringify(reminderWorkflow()),
		);
		copyFileSync(
			join(__dirname, '..', '..', 'workflows', 'approval-redelivery.json'),
			join(workflowsDir, 'approval-redelivery.json'),
		);
		copyFileSync(
			join(__dirname, '..', '..', 'workflows', 'approval-links.json'),
			join(workflowsDir, 'approval-links.json'),
		);
		copyFileSync(
			join(__dirname, 'fixtures', 'approval-withdraw.workflow.json'),
			join(workflowsDir, 'approval-withdraw.workflow.json'),
		);
		stack = await startQueueStack({
			dataDir: join(dataDir, 'stack'),
			owner: OWNER,
			workflowsDir,
			workers: 2,
			log,
		});
		const u = new URL(stack.storeUrl);
		store = await openStore({
			type: 'postgres',
			host: u.hostname,
			port: Number(u.port),
			user: decodeURIComponent(u.username),
			password: '',
			database: u.pathname.slice(1),
		});
	});

	afterAll(async () => {
		await closeAllStores();
		await stack?.stop();
		if (!process.env.KEEP_E2E_DATA) rmSync(dataDir, { recursive: true, force: true });
	});

	const submitUrl = () => `${stack.webhookUrl}webhook/queue-approval`;
	const mails = async (): Promise<MailLike[]> => stack.mail.messages();
	/** The links mailed to approvers of requests whose title carries `marker`. */
	async function linksFor(
		marker: (n: number) => string,
		count: number,
		n: number[],
	): Promise<Map<number, string[]>> {
		const wanted = n.length * APPROVERS.length;
		const found = await until(`${wanted} approval mails`, async () => {
			const got = (await mails()).filter(
				(m) =>
					APPROVERS.some((a) => m.to.includes(a)) && n.some((i) => m.subject.includes(marker(i))),
			);
			return got.length >= wanted ? got : undefined;
		});
		const byRequest = new Map<number, string[]>();
		for (const i of n)
			byRequest.set(
				i,
				found.filter((m) => new RegExp(`${marker(i)}(?!\\d)`).test(m.subject)).map(linkOf),
			);
		expect([...byRequest.values()].map((l) => l.length)).toEqual(
			new Array(count).fill(APPROVERS.length),
		);
		return byRequest;
	}
	const executions = (): Promise<Array<{ id: number; status: string }>> =>
		stack.executions(WORKFLOW);
	const untilWaiting = (count: number) =>
		until(
			`${count} waiting executions`,
			async () => (await executions()).filter((e) => e.status === 'waiting').length >= count,
		);
	async function requestByTitle(title: string) {
		return store.db
			.selectFrom('approval_request')
			.selectAll()
			.where('title', '=', title)
			.executeTakeFirstOrThrow();
	}

	it('runs an approval end to end: links through the webhook process, decisions recorded, the execution finished on a worker', async () => {
		await submit(submitUrl(), {
			...requestBody(0, APPROVERS),
			title: '课程立项 端到端 End to end',
		});
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
		await until('the execution to finish', async () =>
			(await executions()).every((e) => e.status === 'success'),
		);
		expectedAudit = await auditOf(store, request.id);
		log(
			`end to end: request ${request.number} ${request.status}; audit ${JSON.stringify(expectedAudit)}`,
		);
		expect(expectedAudit.filter((a) => a === 'approval_slot:approve')).toHaveLength(2);
	});

	it(`decides ${LOAD} concurrent requests through the webhook process while a worker is SIGKILLed mid-batch`, async () => {
		const ids = Array.from({ length: LOAD }, (_, i) => i + 1);
		const started = performance.now();
		await pool(ids, CONCURRENCY, (n) => submit(submitUrl(), requestBody(n, APPROVERS)));
		const links = await linksFor((n) => `Load ${n}`, LOAD, ids);
		await untilWaiting(LOAD);
		log(
			`${LOAD} requests submitted and waiting after ${((performance.now() - started) / 1000).toFixed(1)} s`,
		);

		// every approver of every request, shuffled so both approvers of a request often click at once
		const clicks = ids.flatMap((n) => links.get(n)!.map((link) => ({ n, link })));
		for (let i = clicks.length - 1; i > 0; i--) {
			const j = (i * 7919) % (i + 1);
			[clicks[i], clicks[j]] = [clicks[j], clicks[i]];
		}
		// worker1 is killed only while it holds a job, so the fault always interrupts one
		const killer = killWorkerWhileBusy('worker1');
		let done = 0;
		const decideStart = performance.now();
		const results = await pool(clicks, CONCURRENCY, async ({ link }) => {
			const r = await click(link, 'approve');
			if (++done === Math.floor(clicks.length / 3)) killer.arm();
			return r;
		});
		const seconds = (performance.now() - decideStart) / 1000;
		const held = await killer.done;
		log(`worker1 was SIGKILLed holding execution(s) ${held.join(', ')}; worker3 replaced it`);
		expect(held.length).toBeGreaterThan(0);
		const latencies = results.map((r) => r.latencyMs);
		log(
			`${clicks.length} decisions in ${seconds.toFixed(1)} s: ${(clicks.length / seconds).toFixed(1)} decisions/s, p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, ${results.reduce((s, r) => s + r.retries, 0)} retries`,
		);
		expect(results.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);

		const { lost } = await settled(LOAD + 1);
		log(
			`n8n failed ${lost.length} execution(s) the killed worker held (${lost.map((e) => `${e.id} ${e.status}`).join(', ')}); each was redelivered by the error workflow`,
		);
		// worker1 may have taken a job it had not yet logged: n8n's own error says which it lost
		expect(lost.length).toBeGreaterThan(0);
		expect(await stack.executionErrors(lost.map((e) => e.id))).toEqual(
			lost.map(() => expect.stringContaining('failed to be processed too many times')),
		);
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
		await settled(total);
		await checkEveryRequest(total);
	});

	it(`reminds ${REMIND} waiting requests from the shipped reminder workflow on the workers: once per approver and run, with the links of the first mails, which still decide`, async () => {
		const marker = (n: number) => `Remind ${n}`;
		const title = (n: number) => `课程立项 等待提醒 ${marker(n)}`;
		const due = Array.from({ length: REMIND }, (_, i) => 20_000 + i);
		const notDue = [20_900, 20_901];
		const escalate = 20_950;
		const body = (n: number) => {
			const base = requestBody(n, APPROVERS);
			return { ...base, title: title(n), stages: [{ ...base.stages[0], remindEveryHours: 24 }] };
		};
		const remindUrl = `${stack.webhookUrl}webhook/${REMIND_PATH}`;
		const runs = (): Promise<Array<{ id: number; status: string }>> =>
			stack.executions(REMIND_WORKFLOW);
		const runsFinished = (count: number) =>
			until(`${count} reminder runs to finish`, async () => {
				const r = await runs();
				return r.length >= count &&
					r.every((e) => !['new', 'running', 'waiting'].includes(e.status))
					? r
					: undefined;
			});
		const numberOf = (subject: string) => /Remind (\d+)(?!\d)/.exec(subject)?.[1];
		/** Mails of these requests by `request|recipient`: the first ones (request or escalation) and the reminders. */
		async function mailsByRecipient() {
			const first = new Map<string, string[]>();
			const reminders = new Map<string, string[]>();
			for (const m of await mails()) {
				const n = numberOf(m.subject);
				if (!n || !m.subject.includes('等待提醒 Remind') || !/请审批/.test(m.subject)) continue;
				const into = /催办：/.test(m.subject) ? reminders : first;
				for (const to of m.to)
					into.set(`${n}|${to}`, [...(into.get(`${n}|${to}`) ?? []), linkOf(m)]);
			}
			return { first, reminders };
		}
		const keys = (ns: number[]) => ns.flatMap((n) => APPROVERS.map((a) => `${n}|${a}`)).sort();

		await pool([...due, ...notDue], CONCURRENCY, (n) => submit(submitUrl(), body(n)));
		await submit(submitUrl(), {
			...requestBody(escalate, APPROVERS),
			title: title(escalate),
			stages: [
				{
					name: '系部审核 Review',
					mode: 'any',
					approvers: '慢老师 <slow@college.edu.cn>',
					dueHours: 72,
					remindEveryHours: 24,
					timeoutAction: 'escalate',
					escalateTo: '院长 <dean@college.edu.cn>',
				},
			],
		});
		const mine = [...due, ...notDue, escalate];
		await until(
			`${mine.length} requests mailed`,
			async () => (await mailsByRecipient()).first.size >= keys([...due, ...notDue]).length + 1,
		);
		await until(`${mine.length} requests waiting`, async () => {
			const rows = await store.db
				.selectFrom('approval_request')
				.select(['title', 'execution_id'])
				.where('title', 'in', mine.map(title))
				.execute();
			const waiting = new Set(
				(await executions()).filter((e) => e.status === 'waiting').map((e) => String(e.id)),
			);
			return rows.length === mine.length && rows.every((r) => waiting.has(String(r.execution_id)));
		});
		const requests = await store.db
			.selectFrom('approval_request')
			.select(['id', 'title'])
			.where('title', 'in', mine.map(title))
			.execute();
		const idOf = (n: number) => requests.find((r) => r.title === title(n))!.id;
		const { first } = await mailsByRecipient();
		expect([...first.keys()].filter((k) => !k.startsWith(`${escalate}|`)).sort()).toEqual(
			keys([...due, ...notDue]),
		);
		expect([...first.values()].map((l) => l.length)).toEqual(new Array(first.size).fill(1));

		// Real time arithmetic in the store: the due requests' approvers were notified 25 hours ago; so was the escalating one's, and it is overdue
		// (the timeout runs first: its expired approver and the dean get no 催办).
		const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();
		await store.db
			.updateTable('approval_stage')
			.set({ started_at: hoursAgo(25) })
			.where('request_id', 'in', due.map(idOf))
			.execute();
		await store.db
			.updateTable('approval_slot')
			.set({ reminded_at: hoursAgo(25) })
			.where('request_id', 'in', [...due, escalate].map(idOf))
			.where('status', '=', 'pending')
			.execute();
		await store.db
			.updateTable('approval_stage')
			.set({ started_at: hoursAgo(25), due_at: hoursAgo(1) })
			.where('request_id', '=', idOf(escalate))
			.execute();
		await store.db
			.updateTable('approval_request')
			.set({ due_at: hoursAgo(1) })
			.where('id', '=', idOf(escalate))
			.execute();
		const remindAudit = async () => {
			const rows = await store.db
				.selectFrom('audit')
				.select('entity_id')
				.where('action', '=', 'remind')
				.where('entity_type', '=', 'approval_request')
				.where('entity_id', 'in', mine.map(idOf))
				.execute();
			return mine.map((n) => rows.filter((r) => r.entity_id === idOf(n)).length);
		};

		// one run
		await submit(remindUrl, {});
		const [run] = await runsFinished(1);
		expect(run.status).toBe('success');
		const workerLogs = [...stack.workers.values()]
			.map((w: { log(): string }) => w.log())
			.join('\n');
		expect(workerLogs).toMatch(new RegExp(`Worker started execution ${run.id} `));
		const once = await mailsByRecipient();
		expect([...once.reminders.keys()].sort()).toEqual(keys(due));
		for (const [key, links] of once.reminders)
			expect({ key, links }).toEqual({ key, links: first.get(key) });
		expect(await remindAudit()).toEqual(mine.map((n) => (due.includes(n) ? 1 : 0)));
		const dean = [...once.first.entries()].filter(([k]) => k.startsWith(`${escalate}|`));
		expect(dean.map(([k, links]) => [k, links.length]).sort()).toEqual([
			[`${escalate}|dean@college.edu.cn`, 1],
			[`${escalate}|slow@college.edu.cn`, 1],
		]);
		log(
			`reminder run ${run.id} on a worker: ${[...once.reminders.values()].flat().length} reminders to ${once.reminders.size} approvers of ${due.length} due requests, none for ${notDue.length} not due; 1 escalation; ${(await remindAudit()).reduce((a, b) => a + b, 0)} remind audit rows`,
		);

		// two runs at once, after the interval has passed again: each approver reminded once in all,
		// every reminder mail matched by the request's 'remind' audit row
		await store.db
			.updateTable('approval_slot')
			.set({ reminded_at: hoursAgo(25) })
			.where('request_id', 'in', due.map(idOf))
			.where('status', '=', 'pending')
			.execute();
		await pool([0, 1], 2, () => submit(remindUrl, {}));
		const three = await runsFinished(3);
		expect(three.map((r) => r.status)).toEqual(['success', 'success', 'success']);
		const twice = await mailsByRecipient();
		expect([...twice.reminders.keys()].sort()).toEqual(keys(due));
		const audit = await remindAudit();
		const extra = due.map((n) => twice.reminders.get(`${n}|${APPROVERS[0]}`)!.length - 1);
		for (const n of due) {
			const sent = APPROVERS.map((a) => twice.reminders.get(`${n}|${a}`)!);
			expect({ n, links: sent.map((l) => [...new Set(l)]) }).toEqual({
				n,
				links: APPROVERS.map((a) => first.get(`${n}|${a}`)),
			});
			expect({ n, mails: sent.map((l) => l.length) }).toEqual({
				n,
				mails: APPROVERS.map(() => audit[mine.indexOf(n)]),
			});
		}
		// of two runs at the same moment exactly one reminds each approver
		expect(extra.filter((c) => c !== 1)).toEqual([]);
		expect(audit.filter((_, i) => !due.includes(mine[i]))).toEqual(
			mine.filter((n) => !due.includes(n)).map(() => 0),
		);
		log(
			`two concurrent reminder runs: ${extra.reduce((a, b) => a + b, 0) * APPROVERS.length} reminders to ${due.length * APPROVERS.length} approvers; ` +
				`${extra.filter((c) => c === 2).length} of ${due.length} requests reminded by both runs`,
		);

		// the links of the reminders (the very links of the first mails) and the dean's escalation link decide
		const clicks = [
			...due.flatMap((n) => APPROVERS.map((a) => twice.reminders.get(`${n}|${a}`)![0])),
			...notDue.flatMap((n) => APPROVERS.map((a) => first.get(`${n}|${a}`)![0])),
			once.first.get(`${escalate}|dean@college.edu.cn`)![0],
		];
		const results = await pool(clicks, CONCURRENCY, (link) => click(link, 'approve'));
		expect(results.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
		const decided = await until('the reminded requests to be approved', async () => {
			const rows = await store.db
				.selectFrom('approval_request')
				.select(['id', 'status', 'delivered', 'execution_id'])
				.where('id', 'in', mine.map(idOf))
				.execute();
			return rows.every((r) => r.status === 'approved' && r.delivered) ? rows : undefined;
		});
		await until('their executions to finish', async () => {
			const byId = new Map((await executions()).map((e) => [String(e.id), e.status]));
			return decided.every((r) => byId.get(String(r.execution_id)) === 'success');
		});
		const slots = await store.db
			.selectFrom('approval_slot')
			.select(['id', 'request_id', 'email', 'status'])
			.where('request_id', 'in', mine.map(idOf))
			.execute();
		expect(slots.filter((s) => s.request_id !== idOf(escalate) && s.status !== 'approved')).toEqual(
			[],
		);
		expect(
			slots
				.filter((s) => s.request_id === idOf(escalate))
				.map((s) => [s.email, s.status])
				.sort(),
		).toEqual([
			['dean@college.edu.cn', 'approved'],
			['slow@college.edu.cn', 'expired'],
		]);
		const decisions = await store.db
			.selectFrom('audit')
			.select('entity_id')
			.where('action', '=', 'approve')
			.where('entity_type', '=', 'approval_slot')
			.where(
				'entity_id',
				'in',
				slots.map((s) => s.id),
			)
			.execute();
		expect(decisions).toHaveLength(clicks.length);
		expect(new Set(decisions.map((d) => d.entity_id)).size).toBe(clicks.length);
		log(
			`${clicks.length} decisions through the reminded links: ${decided.length} requests approved and delivered; ${decisions.length} decision audit rows`,
		);
	});

	// Last: its requests end in every state (withdrawn, rejected, waiting), which the counting
	// tests above would otherwise find beside their own.
	it('answers every state of a link with our page through the webhook process, to Chromium on a phone and to plain HTTP', async () => {
		const browser = await launchChromium();
		const slotsOf = async (number: string) => {
			const request = await store.db
				.selectFrom('approval_request')
				.select('id')
				.where('number', '=', number)
				.executeTakeFirstOrThrow();
			return store.db
				.selectFrom('approval_slot')
				.selectAll()
				.where('request_id', '=', request.id)
				.orderBy('stage_idx')
				.orderBy('position')
				.execute();
		};
		const env: LinkStatesEnv = {
			browser,
			submit: (body) => submit(submitUrl(), body),
			withdraw: async (number) => {
				const res = await fetch(`${stack.webhookUrl}webhook/e2e-withdraw`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ requestId: number }),
				});
				expect(res.status).toBe(200);
			},
			linkTo: (to, subject, since) =>
				until(`a mail to ${to} about ${subject}`, async () => {
					const found = (await mails())
						.slice(since)
						.filter((m) => m.to.includes(to) && m.subject.includes(subject));
					return found.length ? linkOf(found[found.length - 1]) : undefined;
				}),
			mailCount: async () => (await mails()).length,
			untilFinished: async (number) => {
				await until(`the execution of ${number} to finish`, async () => {
					const request = await store.db
						.selectFrom('approval_request')
						.select(['execution_id', 'delivered'])
						.where('number', '=', number)
						.executeTakeFirstOrThrow();
					const execution = (await executions()).find((e) => String(e.id) === request.execution_id);
					return request.delivered &&
						execution &&
						!['waiting', 'running', 'new'].includes(execution.status)
						? true
						: undefined;
				});
			},
			numberOf: async (title) => (await requestByTitle(title)).number,
			statusOf: async (number) => (await slotsOf(number)).map((s) => s.status),
		};
		try {
			const { seen, lateAfterMs } = await checkEveryState(env, 'queue', log);
			expect(verdicts(seen)).toEqual(expectedVerdicts(seen));
			expect(lateAfterMs).toBeLessThan(100);
		} finally {
			await browser.close();
		}
	});

	/**
	 * SIGKILLs a worker once armed and once its log shows an execution it started and has not
	 * finished; starts worker3 in its place. Resolves with the executions it held.
	 */
	function killWorkerWhileBusy(name: string) {
		let armed = false;
		let resolveDone: (held: string[]) => void;
		const done = new Promise<string[]>((r) => (resolveDone = r));
		const inFlight = () => {
			const text = stack.workers.get(name).log() as string;
			const started = [...text.matchAll(/Worker started execution (\d+)/g)].map((m) => m[1]);
			const finished = new Set(
				[...text.matchAll(/Worker finished execution (\d+)/g)].map((m) => m[1]),
			);
			return started.filter((id) => !finished.has(id));
		};
		const watch = async () => {
			for (;;) {
				const held = inFlight();
				if (held.length) {
					await stack.killWorker(name);
					await stack.startWorker('worker3');
					return resolveDone(held);
				}
				await new Promise((r) => setTimeout(r, 20));
			}
		};
		return {
			done,
			arm() {
				if (armed) return;
				armed = true;
				log(`armed: SIGKILL ${name} as soon as it holds a job`);
				void watch();
			},
		};
	}

	/**
	 * The redelivery workflow's runs as n8n's error workflow. Its 5-minute schedule (Retry
	 * Hand-Overs) runs in the same workflow and is not a redelivery.
	 */
	async function errorRuns(): Promise<Array<{ id: number; status: string }>> {
		const runs: Array<{ id: number; status: string; mode: string }> =
			await stack.executions(REDELIVERY_WORKFLOW);
		return runs.filter((e) => e.mode === 'error');
	}

	/** Waits until `total` executions have ended, and every one n8n failed has been redelivered by the error workflow. */
	async function settled(total: number) {
		return until(
			`${total} ended executions, each failed one redelivered`,
			async () => {
				const runs = await executions();
				if (runs.filter((e) => ['success', 'error', 'crashed'].includes(e.status)).length < total)
					return undefined;
				const lost = runs.filter((e) => e.status !== 'success');
				const redelivered = (await errorRuns()).filter((e) => e.status === 'success');
				return redelivered.length >= lost.length ? { runs, lost } : undefined;
			},
			900000,
			1000,
		);
	}

	/**
	 * Exactly one result per request, each slot decided once, audit rows exactly as for the
	 * first request (plus one `redeliver` where n8n lost the execution), one result mail each.
	 */
	async function checkEveryRequest(total: number) {
		const requests = await store.db.selectFrom('approval_request').selectAll().execute();
		const slots = await store.db
			.selectFrom('approval_slot')
			.select(['request_id', 'status'])
			.execute();
		const decisions = await store.db
			.selectFrom('audit')
			.select(['entity_id'])
			.where('entity_type', '=', 'approval_slot')
			.where('action', 'in', ['approve', 'reject'])
			.execute();
		const runs = await executions();
		const byStatus = (list: Array<{ status: string }>) =>
			list.reduce<Record<string, number>>(
				(m, r) => ({ ...m, [r.status]: (m[r.status] ?? 0) + 1 }),
				{},
			);
		const lost = new Set(runs.filter((e) => e.status !== 'success').map((e) => String(e.id)));
		const redeliveries = await errorRuns();
		const wrongAudit: string[] = [];
		for (const r of requests) {
			const audit = await auditOf(store, r.id);
			const expected = lost.has(String(r.execution_id))
				? [...expectedAudit, 'approval_request:redeliver'].sort()
				: expectedAudit;
			if (JSON.stringify(audit) !== JSON.stringify(expected))
				wrongAudit.push(`${r.number}: ${JSON.stringify(audit)}`);
		}
		const resultMails = new Map<string, number>();
		const resentMails = new Map<string, number>();
		for (const m of await mails()) {
			const number = /^\[([A-Z]+-\d{4}-\d{4})\] 审批结果/.exec(m.subject)?.[1];
			if (!number || !m.to.includes(SUBMITTER)) continue;
			resultMails.set(number, (resultMails.get(number) ?? 0) + 1);
			if (m.subject.includes('（补发 Resent）'))
				resentMails.set(number, (resentMails.get(number) ?? 0) + 1);
		}
		const auditTotal = Number(
			(
				await store.db
					.selectFrom('audit')
					.select((eb) => eb.fn.countAll().as('n'))
					.executeTakeFirstOrThrow()
			).n,
		);
		log(
			`counts: ${requests.length} requests ${JSON.stringify(byStatus(requests))}, delivered ${requests.filter((r) => r.delivered).length}; ` +
				`${slots.length} approver slots ${JSON.stringify(byStatus(slots))}; ${decisions.length} decision audit rows (${new Set(decisions.map((d) => d.entity_id)).size} distinct slots); ` +
				`${auditTotal} audit rows (${expectedAudit.length} per request expected: ${requests.length * expectedAudit.length}, plus ${lost.size} redeliveries); ` +
				`n8n executions ${JSON.stringify(byStatus(runs))}, redelivery runs ${JSON.stringify(byStatus(redeliveries))}; result mails ${[...resultMails.values()].reduce((a, b) => a + b, 0)}`,
		);
		expect(requests).toHaveLength(total);
		expect(
			requests.filter((r) => r.status !== 'approved' || !r.delivered).map((r) => r.number),
		).toEqual([]);
		expect(slots.filter((s) => s.status !== 'approved')).toEqual([]);
		expect(slots).toHaveLength(total * APPROVERS.length);
		expect(decisions).toHaveLength(total * APPROVERS.length);
		expect(new Set(decisions.map((d) => d.entity_id)).size).toBe(total * APPROVERS.length);
		expect(wrongAudit).toEqual([]);
		expect(auditTotal).toBe(total * expectedAudit.length + lost.size);
		expect(
			requests
				.filter((r) => Boolean(r.redelivered_at) !== lost.has(String(r.execution_id)))
				.map((r) => r.number),
		).toEqual([]);
		expect(runs).toHaveLength(total);
		expect(runs.filter((e) => !['success', 'error', 'crashed'].includes(e.status))).toEqual([]);
		expect(byStatus(redeliveries)).toEqual(lost.size ? { success: lost.size } : {});
		// the 5-minute Retry Hand-Overs sweep shares that workflow; none of its runs may fail
		const sweeps: Array<{ id: number; status: string; mode: string }> = (
			await stack.executions(REDELIVERY_WORKFLOW)
		).filter((e: { mode: string }) => e.mode !== 'error');
		expect(sweeps.filter((e) => ['error', 'crashed'].includes(e.status))).toEqual([]);
		// One result mail each. Where n8n lost the execution, it may have sent its mail before the
		// worker died, and the 补投 cannot know: then there are two, and the second says 补发.
		const wrongMails = requests.filter((r) => {
			const sent = resultMails.get(r.number) ?? 0;
			const resent = resentMails.get(r.number) ?? 0;
			if (!lost.has(String(r.execution_id))) return sent !== 1 || resent !== 0;
			return resent !== 1 || sent > 2;
		});
		expect(
			wrongMails.map(
				(r) =>
					`${r.number}: ${resultMails.get(r.number) ?? 0} (${resentMails.get(r.number) ?? 0} 补发)`,
			),
		).toEqual([]);
	}
});
