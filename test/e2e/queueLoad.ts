// The load generator of the queue-mode tests and the decision benchmark: submits approval
// requests through a production webhook, then acts as the approvers — opens each link
// from its email (GET shows the page), reads the form, and posts the decision.
import type { Store } from '../../core/store';

export interface MailLike {
	to: string[];
	subject: string;
	text: string;
}

/** Runs `fn` over `items` with at most `concurrency` at a time. */
export async function pool<T, R>(
	items: T[],
	concurrency: number,
	fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
	const results: R[] = new Array(items.length);
	let next = 0;
	const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
		while (next < items.length) {
			const i = next++;
			results[i] = await fn(items[i], i);
		}
	});
	await Promise.all(lanes);
	return results;
}

export async function until<T>(
	what: string,
	probe: () => Promise<T | undefined | false>,
	timeoutMs = 600000,
	everyMs = 500,
): Promise<T> {
	const end = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value) return value;
		if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, everyMs));
	}
}

export function linkOf(mail: MailLike): string {
	const link =
		/https?:\/\/[^\s"'<>]+\/(?:webhook\/consortium-approval\?|webhook-waiting\/)[^\s"'<>]+/.exec(
			mail.text,
		)?.[0];
	if (!link) throw new Error(`no approval link in mail "${mail.subject}"`);
	return link.replace(/&amp;/g, '&');
}

const attr = (html: string, name: string) =>
	new RegExp(`name="${name}" value="([^"]*)"`)
		.exec(html)?.[1]
		?.replace(/&amp;/g, '&')
		.replace(/&quot;/g, '"');

/** A request body for the approval workflow: one 会签 stage, every approver must approve. */
export function requestBody(n: number, approvers: string[]) {
	return {
		title: `课程立项 负载 Load ${n}`,
		id: `crs-load-${n}`,
		fields: { 学时: '64', 序号: String(n) },
		submitter: 'teacher@college.edu.cn',
		submitterName: '陈老师',
		cc: '',
		stages: [
			{
				name: '会签 Joint Review',
				mode: 'all',
				approvers: approvers.map((a, i) => `审批人${i + 1} <${a}>`).join(', '),
				dueHours: 72,
				timeoutAction: 'none',
			},
		],
	};
}

export async function submit(url: string, body: object): Promise<void> {
	for (let attempt = 0; ; attempt++) {
		const res = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		}).catch((e) => e as Error);
		if (!(res instanceof Error) && res.ok) {
			await res.arrayBuffer();
			return;
		}
		if (attempt > 60)
			throw new Error(`submitting to ${url}: ${res instanceof Error ? res.message : res.status}`);
		await new Promise((r) => setTimeout(r, 1000));
	}
}

export interface Click {
	link: string;
	/** Milliseconds from sending the decision to its answer (the last attempt). */
	latencyMs: number;
	status: number;
	/** Attempts answered 409 (execution still running) or refused by a process that was down. */
	retries: number;
	page: string;
}

const retryable = (r: Response | Error) =>
	r instanceof Error || r.status === 409 || r.status >= 500;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The decision form an approver's link shows, or the page instead of it (already decided, expired…). */
export interface Form {
	link: string;
	fields?: { token: string; formKey: string; action: string };
	status: number;
	retries: number;
	page: string;
}

/** Opens an approver's link (GET), retrying while n8n says the execution is still running (409) or a process is down. */
export async function openForm(link: string, retries = 0): Promise<Form> {
	for (;;) {
		const shown = await fetch(link).catch((e) => e as Error);
		if (retryable(shown)) {
			if (!(shown instanceof Error)) await shown.arrayBuffer();
			if (++retries > 600) throw new Error(`link never opened: ${link}`);
			await pause(500);
			continue;
		}
		const res = shown as Response;
		const html = await res.text();
		const token = attr(html, 'token');
		const formKey = attr(html, 'formKey');
		const action =
			/<form method="post" action="([^"]*)"/.exec(html)?.[1]?.replace(/&amp;/g, '&') ?? link;
		return {
			link,
			fields: token && formKey ? { token, formKey, action } : undefined,
			status: res.status,
			retries,
			page: html,
		};
	}
}

/**
 * Presses a button of an opened form (POST). If the answer is lost (409, a process down),
 * the decision may or may not have been recorded: the link is opened again, which shows an
 * open form or "already decided", so a recorded decision is never posted twice.
 */
export async function post(
	form: Form,
	decision: 'approve' | 'reject',
	comment = '同意 OK',
): Promise<Click> {
	let current = form;
	for (;;) {
		if (!current.fields)
			return {
				link: form.link,
				latencyMs: 0,
				status: current.status,
				retries: current.retries,
				page: current.page,
			};
		const started = performance.now();
		const res = await fetch(current.fields.action, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				token: current.fields.token,
				formKey: current.fields.formKey,
				decision,
				comment,
			}).toString(),
		}).catch((e) => e as Error);
		const latencyMs = performance.now() - started;
		if (retryable(res)) {
			if (!(res instanceof Error)) await res.arrayBuffer();
			if (current.retries + 1 > 600) throw new Error(`decision never answered: ${form.link}`);
			await pause(500);
			current = await openForm(form.link, current.retries + 1);
			continue;
		}
		const answered = res as Response;
		return {
			link: form.link,
			latencyMs,
			status: answered.status,
			retries: current.retries,
			page: await answered.text(),
		};
	}
}

/** What an approver does: open the link (the confirmation page), then press a button. */
export async function click(
	link: string,
	decision: 'approve' | 'reject',
	comment = '同意 OK',
): Promise<Click> {
	return post(await openForm(link), decision, comment);
}

export function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted.length
		? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
		: NaN;
}

/** Audit rows of one request and everything under it, as a sorted multiset `type:action`. */
export async function auditOf(store: Store, requestId: string): Promise<string[]> {
	const slots = await store.db
		.selectFrom('approval_slot')
		.select('id')
		.where('request_id', '=', requestId)
		.execute();
	const stages = await store.db
		.selectFrom('approval_stage')
		.select('id')
		.where('request_id', '=', requestId)
		.execute();
	const ids = [requestId, ...slots.map((s) => s.id), ...stages.map((s) => s.id)];
	const rows = await store.db
		.selectFrom('audit')
		.select(['entity_type', 'action'])
		.where('entity_id', 'in', ids)
		.execute();
	return rows.map((r) => `${r.entity_type}:${r.action}`).sort();
}
