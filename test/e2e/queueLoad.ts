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
export async function pool<T, R>(items: T[], concurrency: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
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

export async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 600000, everyMs = 500): Promise<T> {
	const end = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value) return value;
		if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, everyMs));
	}
}

export function linkOf(mail: MailLike): string {
	const link = /https?:\/\/[^\s"'<>]+\/webhook-waiting\/[^\s"'<>]+/.exec(mail.text)?.[0];
	if (!link) throw new Error(`no approval link in mail "${mail.subject}"`);
	return link.replace(/&amp;/g, '&');
}

const attr = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1]?.replace(/&amp;/g, '&').replace(/&quot;/g, '"');

/** A request body for the approval workflow: one 会签 stage, every approver must approve. */
export function requestBody(n: number, approvers: string[]) {
	return {
		title: `课程立项 负载 Load ${n}`,
		id: `crs-load-${n}`,
		fields: { 学时: '64', 序号: String(n) },
		submitter: 'teacher@college.edu.cn',
		submitterName: '陈老师',
		cc: '',
		stages: [{ name: '会签 Joint Review', mode: 'all', approvers: approvers.map((a, i) => `审批人${i + 1} <${a}>`).join(', '), dueHours: 72, timeoutAction: 'none' }],
	};
}

export async function submit(url: string, body: object): Promise<void> {
	for (let attempt = 0; ; attempt++) {
		const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).catch((e) => e as Error);
		if (!(res instanceof Error) && res.ok) {
			await res.arrayBuffer();
			return;
		}
		if (attempt > 60) throw new Error(`submitting to ${url}: ${res instanceof Error ? res.message : res.status}`);
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

/**
 * What an approver does: GET the link (the confirmation page), then POST the form with the
 * decision. Retries while n8n says the execution is still running (409) or a process is
 * down, as a person would reload; a recorded decision is never posted twice.
 */
export async function click(link: string, decision: 'approve' | 'reject', comment = '同意 OK'): Promise<Click> {
	let retries = 0;
	for (;;) {
		const shown = await fetch(link).catch((e) => e as Error);
		if (shown instanceof Error || shown.status === 409 || shown.status >= 500) {
			if (!(shown instanceof Error)) await shown.arrayBuffer();
			if (++retries > 600) throw new Error(`link never opened: ${link}`);
			await new Promise((r) => setTimeout(r, 500));
			continue;
		}
		const html = await shown.text();
		const token = attr(html, 'token');
		const formKey = attr(html, 'formKey');
		if (!token || !formKey) return { link, latencyMs: 0, status: shown.status, retries, page: html };
		const action = /<form method="post" action="([^"]*)"/.exec(html)?.[1]?.replace(/&amp;/g, '&') ?? link;
		const started = performance.now();
		const res = await fetch(action, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ token, formKey, decision, comment }).toString(),
		}).catch((e) => e as Error);
		const latencyMs = performance.now() - started;
		if (res instanceof Error || res.status === 409 || res.status >= 500) {
			if (!(res instanceof Error)) await res.arrayBuffer();
			// the decision may or may not have been recorded: the next GET tells (an open form or "already decided")
			if (++retries > 600) throw new Error(`decision never answered: ${link}`);
			await new Promise((r) => setTimeout(r, 500));
			continue;
		}
		return { link, latencyMs, status: res.status, retries, page: await res.text() };
	}
}

export function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
}

/** Audit rows of one request and everything under it, as a sorted multiset `type:action`. */
export async function auditOf(store: Store, requestId: string): Promise<string[]> {
	const slots = await store.db.selectFrom('approval_slot').select('id').where('request_id', '=', requestId).execute();
	const stages = await store.db.selectFrom('approval_stage').select('id').where('request_id', '=', requestId).execute();
	const ids = [requestId, ...slots.map((s) => s.id), ...stages.map((s) => s.id)];
	const rows = await store.db.selectFrom('audit').select(['entity_type', 'action']).where('entity_id', 'in', ids).execute();
	return rows.map((r) => `${r.entity_type}:${r.action}`).sort();
}
