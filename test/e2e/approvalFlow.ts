// What an approver's mail client and browser do with an approval email, against the real
// server: link scanners fetch first, then a person opens the page, comments and clicks.
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { openStore, type Store } from '../../core/store';
import { loadRecord } from '../../core/approval';
import type { Mail, Platform } from './platform';

/** User agents of link scanners and previewers that fetch a link before a person does. */
export const SCANNERS = {
	// Outlook Safe Links re-fetches with an ordinary desktop browser's user agent
	safeLinks:
		'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0',
	teams:
		'Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) SkypeUriPreview Preview/0.5 skype-url-preview@microsoft.com',
};

export function linkIn(mail: Mail): string {
	const link =
		/https?:\/\/[^\s"'<>]+\/(?:webhook\/consortium-approval\?|webhook-waiting\/)[^\s"'<>]+/.exec(
			mail.text,
		)?.[0];
	if (!link) throw new Error(`no approval link in mail "${mail.subject}"`);
	return link.replace(/&amp;/g, '&');
}

export function requestNumberIn(mail: Mail): string {
	const number = /\[([A-Z]+-\d{4}-\d+)\]/.exec(mail.subject)?.[1];
	if (!number) throw new Error(`no request number in "${mail.subject}"`);
	return number;
}

/** Fetches as Safe Links and Teams do (GET, or HEAD); returns the status codes seen. */
export async function scannerFetches(link: string, methods: string[] = ['GET']): Promise<number[]> {
	const statuses: number[] = [];
	for (const ua of Object.values(SCANNERS)) {
		for (const method of methods) {
			const res = await fetch(link, {
				method,
				headers: { 'user-agent': ua, accept: 'text/html,*/*' },
			});
			await res.arrayBuffer();
			statuses.push(res.status);
		}
	}
	return statuses;
}

export function mailTo(
	platform: Platform,
	to: string,
	subjectPart: string,
	since = 0,
): Promise<Mail> {
	return platform.mail.waitFor((m) => m.to.includes(to) && m.subject.includes(subjectPart), {
		since,
	});
}

export async function storeOf(platform: Platform): Promise<Store> {
	return openStore({
		type: 'sqlite',
		sqlitePath: join(platform.userFolder, '.n8n', 'consortium.sqlite'),
	});
}

export async function record(store: Store, number: string) {
	return loadRecord(store.db, number);
}

/**
 * The approval mail leaves while the execution is still running (Send Email, then the node
 * goes back to wait); n8n answers 409 on its links until the execution is saved as waiting.
 */
export function untilWaiting(platform: Platform, workflowId: string, count: number): Promise<void> {
	return until(
		platform,
		workflowId,
		(list) => list.filter((e) => e.status === 'waiting').length >= count,
		`${count} waiting`,
	);
}

/** The result mail also leaves before the execution has returned into the node and finished. */
export function untilSettled(platform: Platform, workflowId: string): Promise<void> {
	return until(
		platform,
		workflowId,
		(list) => list.every((e) => e.status !== 'running' && e.status !== 'new'),
		'no running',
	);
}

async function until(
	platform: Platform,
	workflowId: string,
	ok: (list: Array<{ status: string }>) => boolean,
	what: string,
): Promise<void> {
	for (let i = 0; i < 600; i++) {
		if (ok(await executionsOf(platform, workflowId))) return;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`executions of ${workflowId}: never ${what}`);
}

export async function executionsOf(
	platform: Platform,
	workflowId: string,
): Promise<Array<{ id: string; status: string }>> {
	const list = await platform.rest.get(
		`rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}`,
	);
	return list.results.map((e: { id: string; status: string }) => ({ id: e.id, status: e.status }));
}

/** Opens the link in Chromium, checks the page, types a comment and clicks a button. */
export async function decideInBrowser(
	browser: Browser,
	link: string,
	{
		decision,
		comment,
		viewport,
		screenshot,
		expectText,
	}: {
		decision: 'approve' | 'reject' | 'return';
		comment: string;
		viewport: { width: number; height: number };
		screenshot?: string;
		expectText: string[];
	},
): Promise<string> {
	const page = await browser.newPage({ viewport, userAgent: undefined });
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto(link);
	const body = await page.textContent('body');
	for (const text of expectText)
		if (!body?.includes(text))
			throw new Error(`decision page lacks "${text}": ${body?.slice(0, 500)}`);
	await page.fill('textarea[name="comment"]', comment);
	if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - window.innerWidth,
	);
	if (overflow > 0)
		throw new Error(`decision page scrolls sideways by ${overflow}px at ${viewport.width}px`);
	await Promise.all([
		page.waitForNavigation(),
		page.click(`button[name="decision"][value="${decision}"]`),
	]);
	const after = (await page.textContent('body')) ?? '';
	await page.close();
	if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
	return after;
}
