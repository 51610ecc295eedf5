import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { closeAllStores, openStore } from '../../core/store';
import { STATUS_COLOURS } from '../../core/scoreboard';
import { freshStoreConfig, testDialects } from '../helpers/dialects';
import { seedScoreboard } from '../helpers/scoreboard-seed';
import { Engine, storeCredentials } from './harness';

const workflow = JSON.parse(
	readFileSync(join(__dirname, '../../workflows/scoreboard-page.json'), 'utf8'),
);
const WEBHOOK = '看板网址 GET /webhook/scoreboard';
// What the Webhook node hands on for a GET from a phone.
const REQUEST = {
	headers: { host: '127.0.0.1:5678', 'user-agent': 'Mozilla/5.0 (iPhone)' },
	params: {},
	query: {},
	body: {},
	webhookUrl: 'http://127.0.0.1:5678/webhook/scoreboard',
	executionMode: 'production',
};

describe.each(testDialects())('scoreboard page workflow in the n8n engine (%s)', (dialect) => {
	afterAll(() => closeAllStores());

	it('a GET answers 200 with the page: every target, coloured by status, with its records', async () => {
		const config = await freshStoreConfig(dialect);
		const store = await openStore(config);
		await seedScoreboard(store);
		await store.close();
		const engine = new Engine({ credentials: storeCredentials(config) });
		const run = await engine.run(workflow, { startNode: WEBHOOK, items: [REQUEST] });
		expect(run.error()).toBeUndefined();
		expect(run.responses).toHaveLength(1);
		const [response] = run.responses!;
		expect(response.statusCode).toBe(200);
		expect(response.headers).toEqual({
			'content-type': 'text/html; charset=utf-8',
			'cache-control': 'no-store',
		});
		const html = String(response.body);
		expect(html).toMatch(/^<!DOCTYPE html>/);
		const sections = [
			...html.matchAll(
				/<section class="target" data-indicator="([a-z_]+)" data-status="([a-z_]+)" style="border-left-color:(#[0-9a-f]{6})">/g,
			),
		];
		expect(sections).toHaveLength(25);
		for (const [, , status, colour] of sections)
			expect(colour).toBe(STATUS_COLOURS[status as keyof typeof STATUS_COLOURS].text);
		// the shipped board is of the current year (as of today, consortium zone)
		expect(html).toContain('data-indicator="patents_granted"');
		expect(html).toMatch(/更新于 Updated \d{4}-\d{2}-\d{2} \d{2}:\d{2}（Asia\/Shanghai）/);
	});

	it('the board of a given year names the records behind each bar', async () => {
		const config = await freshStoreConfig(dialect);
		const store = await openStore(config);
		await seedScoreboard(store);
		await store.close();
		const engine = new Engine({ credentials: storeCredentials(config) });
		const pinned = structuredClone(workflow);
		Object.assign(
			pinned.nodes.find((n: { name: string }) => n.name === '看板页面 Render Page').parameters,
			{ year: 2026, asOf: '2026-07-01' },
		);
		const run = await engine.run(pinned, { startNode: WEBHOOK, items: [REQUEST] });
		const html = String(run.responses![0].body);
		expect(html).toContain(
			'<section class="target" data-indicator="patents_granted" data-status="met"',
		);
		expect(html).toContain(
			'<li data-record="pat_1"><span class="num">202410000001.X</span> 专利 pat_1</li>',
		);
		expect(html).toContain(
			'<li data-record="ind_1"><span class="num">2026-03-01</span> 800 · 培训台账一 Register A</li>',
		);
		expect(html).toContain(
			'<section class="target" data-indicator="staff_training" data-status="on_track"',
		);
		expect(html).toContain(
			'<section class="target" data-indicator="core_courses" data-status="behind"',
		);
		expect(html).toContain(
			'<li data-record="crs_1"><span class="num">KC-crs_1</span> 课程 crs_1</li>',
		);
	});

	it('a store that cannot be read answers 503 with the Chinese page and no error text', async () => {
		const broken =
			dialect === 'sqlite'
				? // a file where the store's folder should be: it can be neither created nor opened
					storeCredentials({ type: 'sqlite', sqlitePath: join(__filename, 'no.sqlite') })
				: storeCredentials({
						type: 'postgres',
						host: '127.0.0.1',
						port: 1,
						database: 'none',
						user: 'nobody',
					});
		const engine = new Engine({ credentials: broken });
		const run = await engine.run(workflow, { startNode: WEBHOOK, items: [REQUEST] });
		expect(run.responses).toHaveLength(1);
		const [response] = run.responses!;
		expect(response.statusCode).toBe(503);
		expect((response.headers as Record<string, string>)['content-type']).toBe(
			'text/html; charset=utf-8',
		);
		const html = String(response.body);
		expect(html).toContain('看板暂不可用');
		expect(html).not.toMatch(/no\.sqlite|ENOTDIR|ECONNREFUSED|Error|at .*\.js/);
		// the failure is still in the execution for an admin to see
		expect(run.output('看板页面 Render Page', 1)[0]).toHaveProperty('error');
	});
});

describe('scoreboard page behind Basic Auth (CONSORTIUM_SCOREBOARD_USER)', () => {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { protectScoreboard } = require('../../scripts/runtime/setup');
	const protectedFlow = protectScoreboard(workflow, { id: 'board-auth', name: 'board auth' });
	const engine = new Engine({
		credentials: { httpBasicAuth: { user: 'council', password: 'Board-2026' } },
	});
	const basic = (user: string, password: string) =>
		`Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

	it('the page is public as shipped', async () => {
		const { response, workflowData } = await engine.liveWebhook(workflow, WEBHOOK, {});
		expect(response.statusCode).toBe(200);
		expect(workflowData).toBeDefined();
	});

	it('with the setting, a request without the password is refused and starts nothing', async () => {
		for (const headers of [{}, { authorization: basic('council', 'wrong') }] as Array<
			Record<string, string>
		>) {
			const { response, workflowData } = await engine.liveWebhook(protectedFlow, WEBHOOK, {
				headers,
			});
			expect(response.statusCode).toBe(401);
			expect(workflowData).toBeUndefined();
		}
		const { workflowData } = await engine.liveWebhook(protectedFlow, WEBHOOK, {
			headers: { authorization: basic('council', 'Board-2026') },
		});
		expect(workflowData).toBeDefined();
	});
});
