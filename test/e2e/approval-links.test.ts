// The permanent link endpoint on a real n8n (regular mode, the store on SQLite, npm start's own
// set-up code): every state of an approver's link answers with this package's page; a copy of
// the store opens no link; the audit records the socket's address, not what a client claims in
// X-Forwarded-For; a storm of previews on one link does not hold up another approver's page;
// rotating the link secret voids old links and 催办 sends working new ones.
jest.setTimeout(900000);

import { sql } from 'kysely';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { deriveToken, formKey, hashToken } from '../../core/approval/tokens';
import { closeAllStores, openStore, type Store } from '../../core/store';
import { launchChromium } from './browser';
import { executionsOf, linkIn, mailTo, storeOf } from './approvalFlow';
import {
	checkEveryState,
	expectedVerdicts,
	formOf,
	http,
	post,
	requestFor,
	verdicts,
	type LinkStatesEnv,
} from './linkStates';
import { startPlatform, type Platform } from './platform';

const fixture = (name: string) => join(__dirname, 'fixtures', name);
const WORKFLOW = 'e2eApprovalEmail1';

describe('approver links at the permanent endpoint of a real n8n', () => {
	let platform: Platform;
	let browser: Browser;
	let store: Store;
	const log = (m: string) => console.log(`[links] ${m}`);
	const hook = (path: string, body: object) =>
		fetch(`${platform.url}webhook/${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
	const mailCount = async () => (await platform.mail.messages()).length;
	const linkTo = async (to: string, subject: string, since: number) =>
		linkIn(await mailTo(platform, to, subject, since));
	const numberOf = async (title: string) =>
		(
			await store.db
				.selectFrom('approval_request')
				.select('number')
				.where('title', '=', title)
				.executeTakeFirstOrThrow()
		).number;
	async function untilFinished(number: string) {
		for (let i = 0; i < 600; i++) {
			const request = await store.db
				.selectFrom('approval_request')
				.select(['execution_id', 'delivered'])
				.where('number', '=', number)
				.executeTakeFirstOrThrow();
			const execution = (await executionsOf(platform, WORKFLOW)).find(
				(e) => e.id === request.execution_id,
			);
			if (
				request.delivered &&
				execution &&
				!['waiting', 'running', 'new'].includes(execution.status)
			)
				return;
			await new Promise((r) => setTimeout(r, 100));
		}
		throw new Error(`the execution of ${number} never finished`);
	}
	async function slotsOf(number: string) {
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
	}

	beforeAll(async () => {
		[platform, browser] = await Promise.all([
			startPlatform([
				fixture('approval-email.workflow.json'),
				fixture('approval-remind.workflow.json'),
				fixture('approval-withdraw.workflow.json'),
			]),
			launchChromium(),
		]);
		store = await storeOf(platform);
	});
	afterAll(async () => {
		await closeAllStores();
		await browser?.close();
		await platform?.stop();
	});

	const env = (): LinkStatesEnv => ({
		browser,
		submit: async (body) => expect((await hook('e2e-approval', body)).status).toBe(200),
		withdraw: async (number) =>
			expect((await hook('e2e-withdraw', { requestId: number })).status).toBe(200),
		linkTo,
		mailCount,
		untilFinished,
		numberOf,
		statusOf: async (number) => (await slotsOf(number)).map((s) => s.status),
	});

	it('answers every state of a link with our page, to Chromium on a phone and to plain HTTP', async () => {
		const { seen, lateAfterMs } = await checkEveryState(env(), 'regular', log);
		expect(verdicts(seen)).toEqual(expectedVerdicts(seen));
		expect(lateAfterMs).toBeLessThan(100);
		expect(Object.keys(seen)).toEqual(
			expect.arrayContaining([
				'open',
				'recorded',
				'closed, request finished',
				'withdrawn',
				'expired (stage ended)',
				'unknown',
				'forged',
				'tampered signature',
				'used, request finished',
				'clicked right after another decision',
			]),
		);
	});

	it('records the socket address, not what a direct client writes in X-Forwarded-For', async () => {
		const since = await mailCount();
		await env().submit(requestFor('转发地址 XFF', [['系部审核', ['head@college.edu.cn']]]));
		const link = await linkTo('head@college.edu.cn', '转发地址 XFF', since);
		const headers = { 'x-forwarded-for': '203.0.113.66', 'x-real-ip': '203.0.113.67' };
		const form = formOf((await http(link, { headers })).body);
		expect((await post(link, { ...form, decision: 'approve' }, headers)).status).toBe(200);
		const [slot] = await slotsOf(await numberOf('转发地址 XFF'));
		const audit = await store.db
			.selectFrom('audit')
			.select(['action', 'ip'])
			.where('entity_id', '=', slot.id)
			.execute();
		log(`X-Forwarded-For 203.0.113.66 sent; recorded ${slot.ip}, audit ${JSON.stringify(audit)}`);
		expect(slot.ip).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
		expect(audit).toEqual([{ action: 'approve', ip: slot.ip }]);
	});

	it("serves another approver's page during 50 concurrent GETs on one link", async () => {
		const since = await mailCount();
		await env().submit(
			requestFor('并发预览 Storm', [['系部审核', ['head@college.edu.cn', 'head2@college.edu.cn']]]),
		);
		const a = await linkTo('head@college.edu.cn', '并发预览 Storm', since);
		const b = await linkTo('head2@college.edu.cn', '并发预览 Storm', since);
		const timed = async (url: string) => {
			const t = performance.now();
			const answer = await http(url);
			return { ms: performance.now() - t, status: answer.status };
		};
		for (let i = 0; i < 3; i++) await timed(b); // warm
		const idle: number[] = [];
		for (let i = 0; i < 7; i++) idle.push((await timed(b)).ms);
		const idleMs = idle.sort((x, y) => x - y)[3];
		// B's page while 50 GETs are in flight on `target`
		const during = async (target: string) => {
			const storm = Promise.all(Array.from({ length: 50 }, () => timed(target)));
			await new Promise((r) => setTimeout(r, 20));
			const mine = await timed(b);
			return { mine, storm: await storm };
		};
		// The same number of calls that n8n answers with our cheapest page (a link that opens nothing):
		// what 50 webhook calls cost this machine, whichever link they are for.
		const nobody = new URL(a);
		nobody.searchParams.set('token', 'n'.repeat(43));
		const baseline = await during(nobody.toString());
		const stormed = await during(a);
		log(
			`link B: idle median ${idleMs.toFixed(1)} ms (${idle.map((x) => x.toFixed(0)).join(', ')}); during 50 GETs on link A ${stormed.mine.ms.toFixed(1)} ms ` +
				`(${(stormed.mine.ms / idleMs).toFixed(1)} × idle); during 50 GETs on a link that opens nothing ${baseline.mine.ms.toFixed(1)} ms; ` +
				`link A ${(stormed.mine.ms / baseline.mine.ms).toFixed(2)} × that`,
		);
		expect([
			stormed.mine.status,
			...new Set(stormed.storm.map((s) => s.status)),
			baseline.mine.status,
		]).toEqual([200, 200, 200]);
		expect(stormed.mine.ms).toBeLessThan(3 * baseline.mine.ms);
	});

	it('opens no link from a copy of the store (npm start keeps the secret in the n8n credential)', async () => {
		const since = await mailCount();
		await env().submit(requestFor('存储副本 Copy', [['系部审核', ['head@college.edu.cn']]]));
		const link = await linkTo('head@college.edu.cn', '存储副本 Copy', since);
		const number = await numberOf('存储副本 Copy');
		// a consistent copy of the file, as a backup or a stolen disk holds it
		const copyPath = join(platform.dataDir, 'stolen.sqlite');
		await sql`vacuum into ${sql.lit(copyPath)}`.execute(store.db);
		const copy = await openStore({ type: 'sqlite', sqlitePath: copyPath });
		const settings = await copy.db.selectFrom('setting').selectAll().execute();
		expect(settings.map((s) => s.key)).not.toContain('link_secret');
		const slots = await copy.db
			.selectFrom('approval_slot')
			.selectAll()
			.where('status', '=', 'pending')
			.execute();
		// every secret the copy could hold: none derives a stored token hash
		const candidates = ['', ...settings.map((s) => s.value)];
		const derived = slots.flatMap((slot) =>
			candidates.map((secret) => ({
				slot,
				secret,
				token: deriveToken(secret, slot.id, slot.token_salt!),
			})),
		);
		expect(derived.filter((d) => hashToken(d.token) === d.slot.token_hash)).toEqual([]);
		const before = await store.db
			.selectFrom('audit')
			.select((eb) => eb.fn.countAll().as('n'))
			.executeTakeFirstOrThrow();
		const endpoint = new URL(link);
		for (const d of derived.slice(0, 20)) {
			endpoint.searchParams.set('token', d.token);
			const answer = await post(endpoint.toString(), {
				token: d.token,
				formKey: formKey(d.secret, d.token),
				decision: 'reject',
			});
			expect(answer.status).toBe(404);
		}
		expect(
			await store.db
				.selectFrom('audit')
				.select((eb) => eb.fn.countAll().as('n'))
				.executeTakeFirstOrThrow(),
		).toEqual(before);
		expect((await slotsOf(number)).map((s) => s.status)).toEqual(['pending']);
		await copy.close();
		// the link itself still works
		expect((await http(link)).status).toBe(200);
	});

	it('rotating the link secret voids old links, and 催办 sends pending approvers working new ones', async () => {
		const since = await mailCount();
		await env().submit(requestFor('更换密钥 Rotate', [['系部审核', ['head@college.edu.cn']]]));
		const old = await linkTo('head@college.edu.cn', '更换密钥 Rotate', since);
		const number = await numberOf('更换密钥 Rotate');
		expect((await http(old)).status).toBe(200);
		const credentials = await platform.rest.get('rest/credentials');
		const credential = credentials.find((c: { name: string }) => c.name === 'consortium-store');
		const current = await platform.rest.get(`rest/credentials/${credential.id}?includeData=true`);
		await (platform.rest as any).patch(`rest/credentials/${credential.id}`, {
			name: credential.name,
			type: credential.type,
			data: { ...current.data, linkSecret: 'rotated-secret-2026-12-04-0123456789abcdef' },
		});
		const voided = await http(old);
		expect([voided.status, voided.body.includes('链接无效')]).toEqual([404, true]);
		const before = await mailCount();
		expect((await hook('e2e-remind', { requestId: number })).status).toBe(200);
		const fresh = linkIn(await mailTo(platform, 'head@college.edu.cn', '催办', before));
		expect(fresh).not.toBe(old);
		const page = await http(fresh);
		expect([page.status, page.body.includes('请审批')]).toEqual([200, true]);
		expect((await post(fresh, { ...formOf(page.body), decision: 'approve' })).status).toBe(200);
		await untilFinished(number);
		expect((await slotsOf(number)).map((s) => s.status)).toEqual(['approved']);
	});
});
