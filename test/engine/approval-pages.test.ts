import { sql } from 'kysely';
import { chromium, type Browser } from 'playwright-core';
import { closeAllStores, openStore, type Store } from '../../core/store';
import '../../core/approval';
import { freshStoreConfig, testDialects } from '../helpers/dialects';
import {
	approvalWorkflow,
	clickDecision,
	formFields,
	linkOf,
	queryOf,
	requestParameters,
	sent,
	stage,
} from './approval-helpers';
import { Engine, storeCredentials, type Execution } from './harness';

const SCANNER_UA =
	'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36';

describe.each(testDialects())('Approval pages: GET shows, only POST decides (%s)', (dialect) => {
	let engine: Engine;
	let store: Store;

	beforeEach(async () => {
		const config = await freshStoreConfig(dialect);
		engine = new Engine({ credentials: storeCredentials(config) });
		store = await openStore(config);
	});
	afterEach(() => store.close());
	afterAll(() => closeAllStores());

	async function start(extra: object = {}): Promise<{ execution: Execution; link: string }> {
		const execution = await engine.run(
			approvalWorkflow(
				requestParameters([stage('head@x.com, b@x.com', { mode: 'all' })], extra as never),
			),
		);
		expect(execution.status).toBe('waiting');
		return { execution, link: linkOf(sent(execution), 'head@x.com') };
	}

	async function decisions(): Promise<string[]> {
		const rows = await store.db
			.selectFrom('approval_slot')
			.select('status')
			.orderBy('position')
			.execute();
		return rows.map((r) => r.status);
	}

	it('GET of a valid link renders the confirmation page and decides nothing', async () => {
		const { execution, link } = await start();
		const { response, resumed } = await engine.webhook(execution, {
			method: 'GET',
			query: queryOf(link),
		});
		expect(resumed).toBe(false);
		expect(response.statusCode).toBe(200);
		expect(response.headers['content-type']).toMatch(/text\/html/);
		expect(response.headers['cache-control']).toBe('no-store');
		expect(response.body).toMatch(/KC-\d{4}-0001/);
		expect(response.body).toContain('星河智能制造有限公司');
		expect(response.body).toContain('同意 Approve');
		expect(response.body).toContain('method="post"');
		expect(await decisions()).toEqual(['pending', 'pending']);
	});

	it('a scanner-like GET, a HEAD, and a GET carrying decision parameters decide nothing', async () => {
		const { execution, link } = await start();
		const scanner = await engine.webhook(execution, {
			method: 'GET',
			query: queryOf(link),
			headers: { 'user-agent': SCANNER_UA },
		});
		const form = formFields(scanner.response.body);
		const head = await engine.webhook(execution, { method: 'HEAD', query: queryOf(link) });
		expect(head.response.statusCode).toBe(200);
		expect(head.response.body).toBe('');
		const forged = await engine.webhook(execution, {
			method: 'GET',
			query: { ...queryOf(link), decision: 'approve', formKey: form.formKey, comment: 'auto' },
		});
		expect(forged.response.body).toContain('同意 Approve');
		expect([scanner.resumed, head.resumed, forged.resumed]).toEqual([false, false, false]);
		expect(await decisions()).toEqual(['pending', 'pending']);
		const audit = await store.db
			.selectFrom('audit')
			.select('action')
			.where('action', 'in', ['approve', 'reject'])
			.execute();
		expect(audit).toEqual([]);
	});

	it('a used link shows its own page and changes nothing', async () => {
		const { execution, link } = await start();
		await clickDecision(engine, execution, link, 'approve', '同意');
		const again = await engine.webhook(execution, { method: 'GET', query: queryOf(link) });
		expect(again.response.statusCode).toBe(410);
		expect(again.response.body).toContain('您已审批过此申请');
		const form = { token: queryOf(link).token, formKey: 'x' };
		const replay = await engine.webhook(execution, {
			method: 'POST',
			query: queryOf(link),
			body: { ...form, decision: 'reject' },
		});
		expect(replay.response.body).toContain('链接无效');
		expect(await decisions()).toEqual(['approved', 'pending']);
	});

	it('an expired link (stage timed out) shows the expired page', async () => {
		const execution = await engine.run(
			approvalWorkflow(
				requestParameters([
					stage('slow@x.com', { dueHours: 2, timeoutAction: 'approve' }),
					stage('dean@x.com'),
				]),
			),
		);
		const link = linkOf(sent(execution), 'slow@x.com');
		const after = await engine.resumeAfterWait(execution);
		const page = await engine.webhook(after, { method: 'GET', query: queryOf(link) });
		expect(page.response.statusCode).toBe(410);
		expect(page.response.body).toContain('链接已过期');
	});

	it('a tampered or unknown token, or a forged form key, shows the invalid page and changes nothing', async () => {
		const { execution, link } = await start();
		const token = queryOf(link).token as string;
		const tampered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
		const page = await engine.webhook(execution, { method: 'GET', query: { token: tampered } });
		expect(page.response.statusCode).toBe(404);
		expect(page.response.body).toContain('链接无效');
		const garbage = await engine.webhook(execution, {
			method: 'GET',
			query: { token: '<script>' },
		});
		expect(garbage.response.body).not.toContain('<script>');
		const forged = await engine.webhook(execution, {
			method: 'POST',
			query: queryOf(link),
			body: {
				token,
				formKey: formFields(
					(
						await engine.webhook(execution, {
							method: 'GET',
							query: queryOf(linkOf(sent(execution), 'b@x.com')),
						})
					).response.body,
				).formKey,
				decision: 'approve',
			},
		});
		expect(forged.response.body).toContain('链接无效');
		expect(await decisions()).toEqual(['pending', 'pending']);
	});

	it('never shows a stack trace: a broken store gives the plain error page', async () => {
		const { execution, link } = await start();
		await sql`alter table approval_slot rename to approval_slot_gone`.execute(store.db);
		const page = await engine.webhook(execution, { method: 'GET', query: queryOf(link) });
		expect(page.response.statusCode).toBe(500);
		expect(page.response.body).toContain('暂时无法处理');
		expect(page.response.body).not.toMatch(/at .*\.[jt]s:\d+|Error|approval_slot/);
	});

	describe('in a real browser', () => {
		let browser: Browser;
		beforeAll(async () => {
			browser = await chromium.launch({
				executablePath: '/usr/bin/chromium',
				args: [
					'--headless',
					'--no-sandbox',
					'--disable-gpu',
					'--disable-background-networking',
					'--disable-component-update',
					'--no-first-run',
				],
			});
		});
		afterAll(() => browser?.close());

		it('renders a subject containing <script> as text and never runs it', async () => {
			const evil =
				'<script>window.__pwned = 1; document.title = "pwned"</script><img src=x onerror="window.__pwned = 2">';
			const { execution, link } = await start({
				title: `课程 ${evil}`,
				subjectFields: JSON.stringify({ 备注: evil }),
			});
			const { response } = await engine.webhook(execution, { method: 'GET', query: queryOf(link) });
			const page = await browser.newPage({ viewport: { width: 375, height: 812 } });
			await page.setContent(response.body, { waitUntil: 'load' });
			expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
			expect(await page.evaluate('document.querySelectorAll("script, img").length')).toBe(0);
			expect(await page.textContent('body')).toContain('<script>window.__pwned = 1;');
			expect(await page.title()).not.toBe('pwned');
			// Mobile: the buttons fit the phone's width and the page does not scroll sideways.
			expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
			await page.close();
		});
	});
});
