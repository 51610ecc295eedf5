// Every state an approver's link can be in, fetched as a phone's Chromium and as plain HTTP
// (what curl does): each must answer with this package's own page — status, HTML, the page
// marker, Chinese first — and never with n8n's JSON. Shared by the regular and the queue-mode suites.
import type { Browser } from 'playwright-core';
import { PAGE_MARKER } from '../../core/approval/pages/layout';
import { PHONE } from './browser';

export interface LinkStatesEnv {
	browser: Browser;
	/** Starts a request through the approval workflow. */
	submit(body: object): Promise<void>;
	/** 撤回 through a workflow with the Withdraw operation. */
	withdraw(number: string): Promise<void>;
	/** The link in the latest mail to `to` whose subject holds `subject`, sent after `since` mails. */
	linkTo(to: string, subject: string, since: number): Promise<string>;
	mailCount(): Promise<number>;
	/** Resolves once the request's execution has finished (not waiting, not running). */
	untilFinished(number: string): Promise<void>;
	numberOf(title: string): Promise<string>;
	statusOf(number: string): Promise<string[]>;
}

export interface Answer {
	status: number;
	type: string;
	body: string;
}

const HEAD = 'head@college.edu.cn';
const HEAD2 = 'head2@college.edu.cn';
const PARTNER = 'partner@xinghe.example.com';

export function requestFor(title: string, stages: Array<[string, string[]]>) {
	return {
		title,
		id: 'crs-links',
		fields: { 学时: '64' },
		submitter: 'teacher@college.edu.cn',
		submitterName: '陈老师',
		cc: '',
		stages: stages.map(([name, approvers]) => ({
			name,
			mode: 'any',
			approvers: approvers.join(', '),
			dueHours: 72,
			timeoutAction: 'none',
		})),
	};
}

export async function http(url: string, init: RequestInit = {}): Promise<Answer> {
	const res = await fetch(url, { redirect: 'manual', ...init });
	return {
		status: res.status,
		type: res.headers.get('content-type') ?? '',
		body: await res.text(),
	};
}

export function post(
	url: string,
	fields: Record<string, string>,
	headers: Record<string, string> = {},
): Promise<Answer> {
	return http(url, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
		body: new URLSearchParams(fields).toString(),
	});
}

export async function inChromium(browser: Browser, url: string): Promise<Answer> {
	const page = await browser.newPage({ viewport: PHONE, isMobile: true });
	try {
		const response = await page.goto(url);
		return {
			status: response!.status(),
			type: (await response!.allHeaders())['content-type'] ?? '',
			body: await page.content(),
		};
	} finally {
		await page.close();
	}
}

export function formOf(html: string): { token: string; formKey: string } {
	const value = (name: string) =>
		new RegExp(`name="${name}" value="([^"]+)"`).exec(html)?.[1] ?? '';
	return { token: value('token'), formKey: value('formKey') };
}

/** What every answer of a link must be: ours, HTML, the expected status and words, no n8n JSON. */
export function ourPage(answer: Answer, status: number, text: string) {
	return {
		status: answer.status,
		html: answer.type.startsWith('text/html'),
		ours: answer.body.includes(PAGE_MARKER),
		chineseFirst: /<h1>[\u4e00-\u9fff]/.test(answer.body),
		n8nJson: answer.body.includes('{"code"') || answer.body.includes('"error"'),
		text: answer.body.includes(text),
		expected: { status, text },
	};
}
export const expected = (status: number, text: string) => ({
	status,
	html: true,
	ours: true,
	chineseFirst: true,
	n8nJson: false,
	text: true,
	expected: { status, text },
});

/** Fetches a link both ways and returns both checks. */
export async function bothWays(env: LinkStatesEnv, url: string, status: number, text: string) {
	return [
		ourPage(await http(url), status, text),
		ourPage(await inChromium(env.browser, url), status, text),
	];
}

/** Each answer seen, checked against what its state must answer. */
export function verdicts(seen: Record<string, unknown[]>) {
	return Object.entries(seen).flatMap(([state, answers]) =>
		(answers as Array<ReturnType<typeof ourPage>>).map((a, i) => ({ state, i, ...a })),
	);
}
export function expectedVerdicts(seen: Record<string, unknown[]>) {
	return verdicts(seen).map(({ state, i, expected: e }) => ({
		state,
		i,
		...expected(e.status, e.text),
	}));
}

export async function checkEveryState(
	env: LinkStatesEnv,
	tag: string,
	log: (m: string) => void = () => {},
) {
	const seen: Record<string, unknown[]> = {};
	const both = async (state: string, url: string, status: number, text: string) => {
		seen[state] = await bothWays(env, url, status, text);
		return seen[state];
	};
	// A request in two stages: 系部 (或签 head, head2) → 企业 (partner)
	let since = await env.mailCount();
	const title = `链接状态 ${tag}`;
	await env.submit(
		requestFor(title, [
			['系部审核', [HEAD, HEAD2]],
			['企业确认', [PARTNER]],
		]),
	);
	const a = await env.linkTo(HEAD, title, since);
	const b = await env.linkTo(HEAD2, title, since);
	const number = await env.numberOf(title);

	await both('open', a, 200, '请审批');
	const base = new URL(a);
	const token = base.searchParams.get('token')!;
	const other = new URL(a);
	other.searchParams.set('token', `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`);
	await both('tampered token', other.toString(), 404, '链接无效');
	const unknown = new URL(a);
	unknown.searchParams.set('token', 'x'.repeat(43));
	await both('unknown', unknown.toString(), 404, '链接无效');
	const signed = new URL(a);
	signed.searchParams.set('signature', '0'.repeat(64));
	await both('tampered signature', signed.toString(), 200, '请审批');

	const form = formOf((await http(a)).body);
	seen.forged = [
		ourPage(
			await post(a, { ...form, formKey: `${form.formKey.slice(0, -2)}xx`, decision: 'approve' }),
			404,
			'链接无效',
		),
		ourPage(await forgedInChromium(env.browser, a), 404, '链接无效'),
	];
	expect(await env.statusOf(number)).toEqual(['pending', 'pending', 'waiting']);

	// head decides; head2, whose page was open, clicks within 100 ms, while the execution is being told
	const formB = formOf((await http(b)).body);
	since = await env.mailCount();
	const decided = await post(a, { ...form, decision: 'approve', comment: '同意' });
	const decidedAt = Date.now();
	const lateGet = http(b);
	const lateAfterMs = Date.now() - decidedAt;
	const [late, latePost] = await Promise.all([lateGet, post(b, { ...formB, decision: 'reject' })]);
	seen.recorded = [ourPage(decided, 200, '已同意')];
	seen['clicked right after another decision'] = [
		ourPage(late, 410, '链接已过期'),
		ourPage(latePost, 410, '链接已过期'),
	];
	log(`${tag}: head2's GET and POST sent ${lateAfterMs} ms after head's decision was answered`);
	await both('expired (stage ended)', b, 410, '链接已过期');
	await both('used', a, 410, '已审批过');

	// the next stage's mail comes from the waiting execution, told by the link endpoint
	const c = await env.linkTo(PARTNER, title, since);
	await both('open (next stage)', c, 200, '企业确认');
	await env.withdraw(number);
	await both('withdrawn', c, 410, '已撤回');
	await env.untilFinished(number);
	await both('withdrawn, execution finished', c, 410, '已撤回');

	// a request decided in one click: the other approver's link after the execution finished
	since = await env.mailCount();
	const title2 = `链接状态 结束 ${tag}`;
	await env.submit(requestFor(title2, [['系部审核', [HEAD, HEAD2]]]));
	const a2 = await env.linkTo(HEAD, title2, since);
	const b2 = await env.linkTo(HEAD2, title2, since);
	const recorded = await decideInChromium(env.browser, a2);
	seen['recorded (Chromium)'] = [ourPage(recorded, 200, '已同意')];
	const number2 = await env.numberOf(title2);
	await env.untilFinished(number2);
	await both('closed, request finished', b2, 410, '审批已结束');
	await both('used, request finished', a2, 410, '已审批过');
	expect(await env.statusOf(number2)).toEqual(['approved', 'closed']);
	return { seen, lateAfterMs };
}

async function forgedInChromium(browser: Browser, link: string): Promise<Answer> {
	const page = await browser.newPage({ viewport: PHONE, isMobile: true });
	try {
		await page.goto(link);
		await page.evaluate(() => {
			const input = document.querySelector('input[name="formKey"]') as HTMLInputElement;
			input.value = input.value.slice(0, -2) + 'xx';
		});
		const [response] = await Promise.all([
			page.waitForNavigation(),
			page.click('button[value="approve"]'),
		]);
		return {
			status: response!.status(),
			type: (await response!.allHeaders())['content-type'] ?? '',
			body: await page.content(),
		};
	} finally {
		await page.close();
	}
}

async function decideInChromium(browser: Browser, link: string): Promise<Answer> {
	const page = await browser.newPage({ viewport: PHONE, isMobile: true });
	try {
		await page.goto(link);
		await page.fill('textarea[name="comment"]', '同意。');
		const [response] = await Promise.all([
			page.waitForNavigation(),
			page.click('button[value="approve"]'),
		]);
		return {
			status: response!.status(),
			type: (await response!.allHeaders())['content-type'] ?? '',
			body: await page.content(),
		};
	} finally {
		await page.close();
	}
}
