/**
 * Approval decisions over HTTP against a real n8n, in regular mode and in queue mode, each
 * against n8n's own Wait-node resume on the same instance in the same run.
 *
 * For each mode: BENCH_DECISIONS requests (default 200), each with one approver, are
 * submitted through the production webhook; once all wait, the approvers' links are opened
 * (GET, all pages first, timed on their own) and decided (POST) BENCH_CONCURRENCY at a time
 * (default 20). Each decision resumes its execution, as a Wait-node resume does; decisions/s
 * and latencies count the POSTs alone, one request each as for the Wait. Then as many executions
 * of n8n's example Wait workflow (Webhook → Respond with resume URL → Wait → Set) are
 * started and resumed by POST at the same concurrency.
 *
 *   npx ts-node --transpile-only bench/decisions.bench.ts
 *   BENCH_MODES=regular BENCH_DECISIONS=50 … to scale down
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	linkOf,
	openForm,
	percentile,
	pool,
	post,
	requestBody,
	submit,
	until,
	type MailLike,
} from '../test/e2e/queueLoad';

/* eslint-disable @typescript-eslint/no-require-imports */
const { startStack } = require('../scripts/runtime/stack');
const { startQueueStack } = require('../scripts/runtime/queue');
const { buildPackage, packPackage } = require('../scripts/runtime/pkg');
/* eslint-enable @typescript-eslint/no-require-imports */

const N = Number(process.env.BENCH_DECISIONS || 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY || 20);
const MODES = (process.env.BENCH_MODES || 'regular,queue').split(',');
const OWNER = { email: 'bench-admin@example.edu.cn', password: 'Bench-Consortium-1' };
const APPROVAL_WF = 'queueApprovalEmail1';
const WAIT_WF = 'wfWaitResume0001';
const APPROVER = 'head@college.edu.cn';
const REPO = join(__dirname, '..');

interface Figures {
	perSecond: number;
	p50: number;
	p95: number;
}

function figures(latencies: number[], seconds: number): Figures {
	return {
		perSecond: latencies.length / seconds,
		p50: percentile(latencies, 50),
		p95: percentile(latencies, 95),
	};
}

async function measure(
	mode: string,
	base: string,
	mail: { messages(): Promise<MailLike[]> },
	waiting: (workflowId: string) => Promise<number>,
) {
	const ids = Array.from({ length: N }, (_, i) => i + 1);
	await pool(ids, CONCURRENCY, (n) =>
		submit(`${base}webhook/queue-approval`, requestBody(n, [APPROVER])),
	);
	const mails = await until(`${N} approval mails`, async () => {
		const got = (await mail.messages()).filter(
			(m) => m.to.includes(APPROVER) && /Load \d+/.test(m.subject),
		);
		return got.length >= N ? got : undefined;
	});
	await until(`${N} waiting approvals`, async () => (await waiting(APPROVAL_WF)) >= N);
	const links = mails.map(linkOf);
	let t = performance.now();
	const forms = await pool(links, CONCURRENCY, (link) => openForm(link));
	const pages = (links.length / (performance.now() - t)) * 1000;
	t = performance.now();
	const decided = await pool(forms, CONCURRENCY, (form) => post(form, 'approve'));
	const approval = figures(
		decided.map((d) => d.latencyMs),
		(performance.now() - t) / 1000,
	);
	if (decided.some((d) => d.status !== 200))
		throw new Error(`${mode}: decisions answered ${decided.map((d) => d.status).join(',')}`);

	// Under load n8n can refuse a start before any node runs (its SQLite writer timed out: 500;
	// queue mode's webhook process between database reconnects: 503) and leave no execution, so
	// it is tried again, as the approval submits are.
	const resumeUrls = await pool(ids, CONCURRENCY, async () => {
		for (let attempt = 1; ; attempt++) {
			const res = await fetch(`${base}webhook/wait-start`, { method: 'POST' });
			const text = await res.text();
			if (res.ok && /^https?:\/\//.test(text)) return text;
			if (attempt === 60) throw new Error(`${mode}: Wait start answered ${res.status} ${text}`);
			await new Promise((r) => setTimeout(r, 1000));
		}
	});
	await until(`${N} waiting Wait executions`, async () => (await waiting(WAIT_WF)) >= N);
	t = performance.now();
	const resumed = await pool(resumeUrls, CONCURRENCY, async (url) => {
		for (;;) {
			const started = performance.now();
			const res = await fetch(url, { method: 'POST' });
			await res.arrayBuffer();
			// 409: still running; 503: queue mode's webhook process has not seen it wait yet
			if (res.status === 409 || res.status === 503) {
				await new Promise((r) => setTimeout(r, 200));
				continue;
			}
			if (res.status !== 200) throw new Error(`${mode}: Wait resume answered ${res.status}`);
			return performance.now() - started;
		}
	});
	const wait = figures(resumed, (performance.now() - t) / 1000);
	const row = (label: string, f: Figures) =>
		`  ${label.padEnd(28)} ${f.perSecond.toFixed(1).padStart(6)}/s   p50 ${f.p50.toFixed(0).padStart(5)} ms   p95 ${f.p95.toFixed(0).padStart(5)} ms`;
	console.log(`\n${mode} mode: ${N} requests, ${CONCURRENCY} at a time`);
	console.log(`  decision pages opened (GET)  ${pages.toFixed(1).padStart(6)}/s`);
	console.log(row('Approval decisions (POST)', approval));
	console.log(row('Wait-node resumes (POST)', wait));
	console.log(
		`  time per decision ÷ time per Wait resume: ${(wait.perSecond / approval.perSecond).toFixed(2)} ×   p50 ratio: ${(approval.p50 / wait.p50).toFixed(2)}`,
	);
}

async function main() {
	console.log(
		`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, ${new Date().toISOString()}`,
	);
	const dataDir = mkdtempSync(join(tmpdir(), 'decisions-bench-'));
	const workflowsDir = join(dataDir, 'workflows');
	mkdirSync(workflowsDir);
	copyFileSync(
		join(REPO, 'test', 'e2e', 'fixtures', 'queue-approval.workflow.json'),
		join(workflowsDir, 'queue-approval.workflow.json'),
	);
	// approver links point at the permanent link endpoint
	copyFileSync(
		join(REPO, 'workflows', 'approval-links.json'),
		join(workflowsDir, 'approval-links.json'),
	);
	copyFileSync(
		'/work/shared/examples/n8n-wait-resume-baseline.workflow.json',
		join(workflowsDir, 'wait-resume.workflow.json'),
	);
	await buildPackage();
	const tarball = await packPackage();

	if (MODES.includes('regular')) {
		const stack = await startStack({
			dataDir: join(dataDir, 'regular'),
			port: 0,
			smtpPort: 0,
			inboxPort: 0,
			owner: OWNER,
			workflowsDir,
			tarball,
			log: () => {},
		});
		try {
			const waiting = async (workflowId: string) => {
				const list = await stack.rest.get(
					`rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId, status: ['waiting'] }))}`,
				);
				return Number(list.count ?? list.results.length);
			};
			await measure('regular (SQLite store, one n8n process)', stack.url, stack.mail, waiting);
		} finally {
			await stack.stop();
		}
	}
	if (MODES.includes('queue')) {
		const stack = await startQueueStack({
			dataDir: join(dataDir, 'queue'),
			owner: OWNER,
			workflowsDir,
			tarball,
			workers: 2,
		});
		try {
			const waiting = async (workflowId: string) =>
				(await stack.executions(workflowId)).filter(
					(e: { status: string }) => e.status === 'waiting',
				).length;
			await measure(
				'queue (PostgreSQL, Redis, main + 2 workers + webhook)',
				stack.webhookUrl,
				stack.mail,
				waiting,
			);
		} finally {
			await stack.stop();
		}
	}
	rmSync(dataDir, { recursive: true, force: true });
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
