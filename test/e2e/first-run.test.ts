// A newcomer's first run, as the README's quick tour has it: a fresh clone of this commit, no
// node_modules, an empty runtime cache (its own CONSORTIUM_CACHE, so n8n is provisioned from
// nothing), the machine's own Node and npm, and `npm start` with nothing typed first. Every
// URL it prints must answer; the course form, filled with its own example values and the demo
// consortium, must reach the first approver's inbox; the directory import form must take the
// shipped template; Ctrl-C must stop everything; a second start must find the store and leave
// it alone. Downloads and provisioning take 5–15 minutes here; the timeout is generous.
jest.setTimeout(45 * 60 * 1000);

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { DEMO_COURSE_FORM, DEMO_ORGANISATIONS, DEMO_PEOPLE } from '../../core/directory/demo';
import { REPO } from './platform';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { freePort } = require('../../scripts/runtime/n8n');

interface Started {
	child: ChildProcess;
	output: () => string;
	exited: Promise<number | null>;
	seconds: number;
	editor: string;
	inbox: string;
	scoreboard: string;
	forms: Array<{ url: string; name: string }>;
}

/** The environment a newcomer's shell has: none of this test run's npm, jest or n8n settings, the system's Node first. */
function newcomerEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (
			/^(npm_|N8N_|CONSORTIUM_|JEST_|DB_)/i.test(key) ||
			key === 'NODE_ENV' ||
			key === 'INIT_CWD' ||
			key === 'NODE_OPTIONS'
		)
			continue;
		env[key] = value;
	}
	env.PATH = (process.env.PATH ?? '')
		.split(delimiter)
		.filter((p) => !p.includes('node_modules'))
		.join(delimiter);
	return { ...env, ...extra };
}

/** `npm start` in its own process group, as a terminal runs it; resolves once it prints "Ready". */
async function npmStart(
	cwd: string,
	env: NodeJS.ProcessEnv,
	args: string[] = [],
): Promise<Started> {
	const began = Date.now();
	const child = spawn('npm', ['start', ...(args.length ? ['--', ...args] : [])], {
		cwd,
		env,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let out = '';
	child.stdout!.on('data', (c) => (out += c));
	child.stderr!.on('data', (c) => (out += c));
	child.once('error', (error) => (out += `\n[spawn error] ${error.message}\n`));
	const exited = new Promise<number | null>((resolve) =>
		child.once('close', (code, signal) =>
			resolve(code ?? ((out += `\n[npm start ended by ${signal}]\n`), null)),
		),
	);
	const ready = await new Promise<boolean>((resolve) => {
		const timer = setInterval(() => {
			// the Ready block is complete once its last line is out
			if (/Ready in \d+ s\.[\s\S]*Press Ctrl-C to stop/.test(out)) finish(true);
		}, 500);
		const finish = (ok: boolean) => {
			clearInterval(timer);
			resolve(ok);
		};
		void exited.then(() => finish(/Press Ctrl-C to stop/.test(out)));
	});
	if (!ready) throw new Error(`npm start did not become ready:\n${out.slice(-6000)}`);
	const block = out.slice(out.lastIndexOf('Ready in'));
	const match = (label: RegExp) => label.exec(block)?.[1] ?? '';
	return {
		child,
		exited,
		output: () => out,
		seconds: Math.round((Date.now() - began) / 1000),
		editor: match(/编辑器 Editor\s+(\S+)/),
		inbox: match(/收件箱 Inbox\s+(\S+)/),
		scoreboard: match(/看板 Scoreboard:?\s+(\S+)/),
		forms: [...block.matchAll(/表单 Form\s+(\S+)\s+\((.+)\)/g)].map((m) => ({
			url: m[1],
			name: m[2],
		})),
	};
}

/** Ctrl-C: SIGINT to the whole foreground group. */
async function interrupt(started: Started): Promise<number | null> {
	process.kill(-started.child.pid!, 'SIGINT');
	const timeout = new Promise<'timeout'>((resolve) =>
		setTimeout(resolve, 120000, 'timeout').unref(),
	);
	const code = await Promise.race([started.exited, timeout]);
	if (code === 'timeout') {
		process.kill(-started.child.pid!, 'SIGKILL');
		throw new Error(`npm start did not stop on SIGINT:\n${started.output().slice(-3000)}`);
	}
	return code;
}

async function until<T>(
	what: string,
	probe: () => Promise<T | undefined>,
	timeoutMs = 300000,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe().catch(() => undefined);
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 1000));
	}
}

interface FormField {
	fieldLabel: string;
	fieldName?: string;
	fieldType?: string;
	placeholder?: string;
	requiredField?: boolean;
	fieldOptions?: { values: Array<{ option: string }> };
}

/**
 * The values a newcomer types: each field's own example (its placeholder) where it shows one;
 * the first option of a list; for the fields without an example, the README's demo values.
 * Keyed `field-<index>` as the form page posts them.
 */
function exampleSubmission(fields: FormField[]): {
	body: FormData;
	values: Record<string, string>;
} {
	const fallback: Record<string, string> = DEMO_COURSE_FORM;
	const body = new FormData();
	const values: Record<string, string> = {};
	fields.forEach((field, i) => {
		const key = field.fieldName ?? field.fieldLabel;
		const options = field.fieldOptions?.values.map((o) => o.option) ?? [];
		let value = field.placeholder || fallback[key] || '';
		if (field.fieldType === 'dropdown' && !value) value = options[0];
		if (field.fieldType === 'checkbox')
			value = JSON.stringify(value ? [value] : options.slice(0, 1));
		if (field.requiredField && !value)
			throw new Error(`no example value for required field ${key}`);
		values[key] = value;
		body.append(`field-${i}`, value);
	});
	return { body, values };
}

const firstEmail = (approvers: string) => /<([^>]+)>/.exec(approvers)?.[1] ?? approvers.trim();

describe('first run: `npm start` on a fresh clone with an empty runtime cache', () => {
	const work = mkdtempSync(join(tmpdir(), 'consortium-first-run-'));
	const clone = join(work, 'clone');
	// CI leaves this unset: the runtime is provisioned from nothing. Set to a provisioned cache
	// folder, a local run checks everything else in minutes instead of a quarter of an hour.
	const cache = process.env.FIRST_RUN_CACHE || join(work, 'cache');
	let env: NodeJS.ProcessEnv;
	let first: Started | undefined;
	let second: Started | undefined;

	beforeAll(async () => {
		const cloned = spawnSync('git', ['clone', '--quiet', REPO, clone], { encoding: 'utf8' });
		if (cloned.status !== 0) throw new Error(`git clone failed: ${cloned.stderr}`);
		const [port, smtp, inbox] = [await freePort(), await freePort(), await freePort()];
		env = newcomerEnv({
			CONSORTIUM_CACHE: cache,
			N8N_PORT: String(port),
			MAIL_SMTP_PORT: String(smtp),
			MAIL_INBOX_PORT: String(inbox),
		});
		first = await npmStart(clone, env);
		console.log(
			`[first-run] fresh clone, empty cache: Ready after ${first.seconds} s (npm start says: ${/Ready in (\d+) s/.exec(first.output())?.[1]} s after its install)`,
		);
	});

	afterAll(async () => {
		for (const started of [first, second]) {
			if (started && started.child.exitCode === null && started.child.signalCode === null)
				await interrupt(started).catch(() => undefined);
		}
		if (!process.env.KEEP_E2E_DATA) rmSync(work, { recursive: true, force: true });
	});

	it('installs, provisions n8n into the empty cache, loads the demo consortium and prints where to click', () => {
		const out = first!.output();
		expect(out).toContain('npm ci --ignore-scripts');
		if (!process.env.FIRST_RUN_CACHE) expect(out).toContain('provisioning n8n');
		expect(out).toContain(
			`demo consortium loaded: ${DEMO_ORGANISATIONS.length} organisations, ${DEMO_PEOPLE.length} people`,
		);
		expect(first!.editor).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
		expect(first!.inbox).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
		const shippedForms = spawnSync(
			'git',
			['grep', '-l', 'n8n-nodes-base.formTrigger', '--', 'workflows/*.json'],
			{ cwd: clone, encoding: 'utf8' },
		)
			.stdout.trim()
			.split('\n');
		expect(first!.forms.length).toBe(shippedForms.length);
		expect(out).not.toMatch(/NOT ACTIVE/);
	});

	it('every printed URL answers 200: the editor, the inbox, the scoreboard and each form', async () => {
		expect(first!.scoreboard).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webhook\/scoreboard$/);
		const urls = [
			first!.editor,
			first!.inbox,
			first!.scoreboard,
			...first!.forms.map((f) => f.url),
		];
		const answers = await Promise.all(
			urls.map(async (url) => ({ url, status: (await fetch(url)).status })),
		);
		expect(answers).toEqual(urls.map((url) => ({ url, status: 200 })));
	});

	it("the course form, sent with its own example values, reaches the first approver's inbox", async () => {
		const workflow = JSON.parse(
			readFileSync(join(clone, 'workflows', 'course-proposal-approval.json'), 'utf8'),
		);
		const trigger = workflow.nodes.find(
			(n: { type: string }) => n.type === 'n8n-nodes-base.formTrigger',
		);
		const approval = workflow.nodes.find(
			(n: { type: string; parameters: { operation?: string } }) =>
				n.parameters.operation === 'requestApproval',
		);
		const approver = firstEmail(approval.parameters.stages.stage[0].approvers);
		const form = first!.forms.find((f) => f.name === workflow.name);
		expect(form).toBeDefined();
		const { body, values } = exampleSubmission(trigger.parameters.formFields.values);
		const posted = await fetch(form!.url, { method: 'POST', body });
		expect(posted.status).toBe(200);
		const mail = await until(`a mail to ${approver}`, async () => {
			const all = (await (await fetch(`${first!.inbox}api/messages`)).json()) as Array<{
				to: string[];
				subject: string;
				text: string;
			}>;
			return all.find((m) => m.to.includes(approver));
		});
		expect(mail.subject).toContain(values.courseName ?? values['课程名称 Course name']);
		expect(mail.text).toMatch(/\/webhook\/consortium-approval\?token=/);
	});

	it('the directory import form takes the shipped template and answers on its ending page', async () => {
		const form = first!.forms.find((f) => /名录导入|Directory Import/.test(f.name));
		expect(form).toBeDefined();
		const body = new FormData();
		body.append(
			'field-0',
			new Blob([readFileSync(join(clone, 'docs', 'directory-template.xlsx'))], {
				type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			}),
			'directory-template.xlsx',
		);
		const posted = await fetch(form!.url, { method: 'POST', body });
		expect(posted.status).toBe(200);
		const { formWaitingUrl } = (await posted.json()) as { formWaitingUrl: string };
		expect(formWaitingUrl).toMatch(/\/form-waiting\/\d+/);
		// the demo consortium is there already: the template's rows update it, none is refused
		// as the form page does: wait until the run stands at the ending page, then open it
		const status = new URL(formWaitingUrl);
		status.pathname += '/n8n-execution-status';
		await until('the run to reach its ending page', async () =>
			(await (await fetch(status, { signal: AbortSignal.timeout(20000) })).text()) ===
			'form-waiting'
				? true
				: undefined,
		);
		const page = await (await fetch(formWaitingUrl, { signal: AbortSignal.timeout(60000) })).text();
		expect(page).toContain('导入完成');
		expect(page).toContain(
			`单位 Units：新增 0，更新 ${DEMO_ORGANISATIONS.length}，被拒 0；人员 People：新增 0，更新 ${DEMO_PEOPLE.length}，被拒 0`,
		);
	});

	it('Ctrl-C stops n8n and the mail catcher', async () => {
		// npm itself ends by the SIGINT a terminal's Ctrl-C sends the group (no exit code); the script
		// under it must have stopped everything and said so.
		expect([0, null]).toContain(await interrupt(first!));
		expect(first!.output()).toContain('stopped. Data is kept in');
		await expect(fetch(first!.editor)).rejects.toThrow();
		await expect(fetch(first!.inbox)).rejects.toThrow();
	});

	it('a second start reuses the install, the runtime and the data, and leaves the store alone', async () => {
		second = await npmStart(clone, env);
		console.log(`[first-run] second start, cached: Ready after ${second.seconds} s`);
		const out = second.output();
		expect(out).not.toContain('npm ci');
		expect(out).not.toContain('provisioning n8n');
		expect(out).toMatch(
			new RegExp(
				`demo consortium: not loaded, the store already holds records \\(${DEMO_ORGANISATIONS.length} organisations, ${DEMO_PEOPLE.length} people, \\d+ changes\\)`,
			),
		);
		expect((await fetch(second.editor)).status).toBe(200);
		expect([0, null]).toContain(await interrupt(second));
		expect(second.output()).toContain('stopped. Data is kept in');
	});
});
