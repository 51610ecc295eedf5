/**
 * Approval decisions through the node's webhook, against a bare n8n Wait-node resume.
 *
 * Creates N approval requests (default 10,000) by running the Approval workflow in the
 * real n8n engine, then decides each one with the POST an approver's button sends, through
 * the node's restart webhook in-process, until the execution resumes on Approved. The
 * harness resumes as n8n's waiting-webhook handler does: it parses the stored execution
 * (flatted), builds the workflow from its JSON, matches the webhook by method and evaluated
 * path, runs it, resumes the execution and stores it again; only n8n's database I/O is left
 * out. The baseline is n8n's own Wait node ("resume on webhook call", POST) resumed through
 * the same harness in the same run. Only the decision / resume calls are timed: creation,
 * waiting runs and the click's form fields (a browser has them from the page) are not. The
 * two kinds alternate batch by batch, as this machine is shared and its load changes.
 *
 *   npx ts-node --transpile-only bench/approval.bench.ts [requests]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const REQUESTS = Number(process.argv[2] ?? 10_000);
const BATCH = 250;
const dir = mkdtempSync(join(tmpdir(), 'approval-bench-'));
process.env.N8N_USER_FOLDER ??= dir;
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';

/* eslint-disable @typescript-eslint/no-require-imports */
const { Engine, registerOwnNode, storeCredentials } =
	require('../test/engine/harness') as typeof import('../test/engine/harness');
// Outside jest, `Approval.node` would resolve to the codex `Approval.node.json` first.
registerOwnNode('approval', () => new (require('../nodes/Approval/Approval.node.ts').Approval)());
const helpers =
	require('../test/engine/approval-helpers') as typeof import('../test/engine/approval-helpers');
const { closeAllStores } = require('../core/store') as typeof import('../core/store');
const { formKey } = require('../core/approval') as typeof import('../core/approval');
/* eslint-enable @typescript-eslint/no-require-imports */

type Execution = import('../test/engine/harness').Execution;

const waitWorkflow = {
	id: 'wf-wait',
	name: 'bare wait resume',
	settings: { executionOrder: 'v1' },
	nodes: [
		{
			id: 'start',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: 'wait',
			name: 'Wait',
			type: 'n8n-nodes-base.wait',
			typeVersion: 1.1,
			position: [200, 0],
			webhookId: 'e3333333-3333-4333-8333-333333333333',
			parameters: {
				resume: 'webhook',
				httpMethod: 'POST',
				limitWaitTime: true,
				limitType: 'afterTimeInterval',
				resumeAmount: 2,
				resumeUnit: 'hours',
				options: {},
			},
		},
		{
			id: 'set',
			name: 'Edit Fields',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [400, 0],
			parameters: {
				assignments: {
					assignments: [{ id: 'c2', name: 'resumed', value: '={{ true }}', type: 'boolean' }],
				},
				options: {},
			},
		},
	],
	connections: {
		Start: { main: [[{ node: 'Wait', type: 'main', index: 0 }]] },
		Wait: { main: [[{ node: 'Edit Fields', type: 'main', index: 0 }]] },
	},
};

/**
 * Creates a batch of waiting executions of each kind (untimed), then times their resumes
 * batch by batch, alternating the two kinds, so that both see the same load on a shared
 * machine.
 */
async function interleaved<A, B>(count: number, a: Lane<A>, b: Lane<B>): Promise<[number, number]> {
	const ms: [number, number] = [0, 0];
	for (let done = 0; done < count; done += BATCH) {
		const n = Math.min(BATCH, count - done);
		const as: A[] = [];
		const bs: B[] = [];
		for (let i = 0; i < n; i++) {
			as.push(await a.create());
			bs.push(await b.create());
		}
		let t0 = performance.now();
		for (const item of as) if (!(await a.resume(item))) throw new Error('did not resume');
		ms[0] += performance.now() - t0;
		t0 = performance.now();
		for (const item of bs) if (!(await b.resume(item))) throw new Error('did not resume');
		ms[1] += performance.now() - t0;
	}
	return ms;
}

interface Lane<T> {
	create(): Promise<T>;
	resume(t: T): Promise<boolean>;
}

async function main() {
	const credentials = storeCredentials({ type: 'sqlite', sqlitePath: join(dir, 'store.sqlite') });
	const secret = String(credentials.consortiumStoreApi.linkSecret);
	const engine = new Engine({ credentials });
	const approval = helpers.approvalWorkflow(
		helpers.requestParameters([helpers.stage('head@college.edu.cn')]),
	);

	const waitResume = async (execution: Execution) => {
		const r = await engine.webhook(execution, { method: 'POST', body: { ok: true } });
		return r.resumed && r.execution.status === 'success';
	};
	// What the approver's browser sends, prepared untimed: the client's work is not the server's.
	type Click = {
		execution: Execution;
		query: Record<string, unknown>;
		body: Record<string, unknown>;
	};
	const decideOne = async ({ execution, query, body }: Click) => {
		const r = await engine.webhook(execution, {
			method: 'POST',
			query: query as never,
			body: body as never,
		});
		return r.resumed && r.execution.output('On Approved').length === 1;
	};
	const startWait = async () => {
		const e = await engine.run(waitWorkflow);
		if (e.status !== 'waiting') throw new Error(`wait did not wait: ${e.error()}`);
		return e;
	};
	const startApproval = async (): Promise<Click> => {
		const e = await engine.run(approval);
		if (e.status !== 'waiting') throw new Error(`approval did not wait: ${e.error()}`);
		const query = helpers.queryOf(helpers.linkOf(helpers.sent(e), 'head@college.edu.cn'));
		const token = String(query.token);
		return {
			execution: e,
			query,
			body: { token, formKey: formKey(secret, token), decision: 'approve', comment: '同意' },
		};
	};

	const wait: Lane<Execution> = { create: startWait, resume: waitResume };
	const ours: Lane<Click> = { create: startApproval, resume: decideOne };
	// Warm both paths (module loading, JIT, migrations) before timing.
	await interleaved(50, wait, ours);
	const [waitMs, ourMs] = await interleaved(REQUESTS, wait, ours);
	const BASELINE = REQUESTS;
	const waitRate = (BASELINE / waitMs) * 1000;
	const ourRate = (REQUESTS / ourMs) * 1000;
	console.log(
		`approval decisions through the webhook, in-process (node ${process.version}, ${require('node:os').cpus().length} cores, SQLite)`,
	);
	console.log(
		`  bare n8n Wait-node resume (POST)   ${BASELINE.toLocaleString('en').padStart(7)} resumes    ${waitMs.toFixed(0).padStart(7)} ms  ${waitRate.toFixed(1).padStart(7)} /s  ${(waitMs / BASELINE).toFixed(2)} ms each`,
	);
	console.log(
		`  Approval decision POST → resume    ${REQUESTS.toLocaleString('en').padStart(7)} decisions  ${ourMs.toFixed(0).padStart(7)} ms  ${ourRate.toFixed(1).padStart(7)} /s  ${(ourMs / REQUESTS).toFixed(2)} ms each`,
	);
	const ratio = ourMs / REQUESTS / (waitMs / BASELINE);
	console.log(
		`  time per decision / time per bare resume           ${ratio.toFixed(2)}×  (target <= 1.5×)`,
	);
	console.log(`  time a decision adds beyond a bare resume / bare   ${(ratio - 1).toFixed(2)}×`);
	await closeAllStores();
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
