// The scoreboard page as a council member opens it on a phone: served by the shipped workflow
// on a real n8n, every target a bar in its status colour, the records behind a figure listed,
// nothing wider than the screen. Writes the README's screenshot.
jest.setTimeout(900000);

import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { closeAllStores, type Store } from '../../core/store';
import { STATUS_COLOURS } from '../../core/scoreboard';
import { seedScoreboard } from '../helpers/scoreboard-seed';
import { storeOf } from './approvalFlow';
import { PHONE, launchChromium, recordProblems } from './browser';
import { REPO, startPlatform, type Platform } from './platform';

const WORKFLOW = join(REPO, 'workflows', 'scoreboard-page.json');
const SHOT = join(REPO, 'docs', 'screenshots', 'scoreboard.png');

/** `#1e7e34` as the browser reports a computed colour. */
const rgb = (hex: string) =>
	`rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

describe('the scoreboard page on a real n8n, on a phone', () => {
	let platform: Platform;
	let browser: Browser;
	let store: Store;

	beforeAll(async () => {
		[platform, browser] = await Promise.all([startPlatform([WORKFLOW]), launchChromium()]);
		store = await storeOf(platform);
		await seedScoreboard(store);
	});

	afterAll(async () => {
		await browser?.close();
		await closeAllStores();
		await platform?.stop();
	});

	it('is where npm start says, public, and served as HTML', async () => {
		expect(platform.scoreboardUrl()).toBe(`${platform.url}webhook/scoreboard`);
		const response = await fetch(platform.scoreboardUrl()!);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^text\/html/);
		expect(await response.text()).toContain('联合体建设指标看板');
	});

	it('shows every target as a bar in its status colour, with the records behind it', async () => {
		const page = await browser.newPage({ viewport: PHONE });
		const problems = recordProblems(page);
		const response = await page.goto(platform.scoreboardUrl()!);
		expect(response?.status()).toBe(200);

		const targets = await page.$$eval('section.target', (sections) =>
			sections.map((s) => ({
				indicator: s.getAttribute('data-indicator'),
				status: s.getAttribute('data-status'),
				fill: getComputedStyle(s.querySelector('.fill')!).backgroundColor,
				label: s.querySelector('.status')!.textContent,
			})),
		);
		expect(targets).toHaveLength(25);
		for (const t of targets)
			expect(t.fill).toBe(rgb(STATUS_COLOURS[t.status as keyof typeof STATUS_COLOURS].text));
		// the seeded year, judged today: 5 patents granted in 2026 meet the goal of 5
		expect(targets.find((t) => t.indicator === 'patents_granted')).toMatchObject({
			status: 'met',
			label: '达标 Met',
		});
		expect(targets.map((t) => t.status)).toEqual(
			expect.arrayContaining(['met', 'behind', 'no_data']),
		);
		const patents = page.locator('section[data-indicator="patents_granted"]');
		await patents.locator('summary').click();
		await expect(patents.locator('li[data-record="pat_1"]').textContent()).resolves.toBe(
			'202410000001.X 专利 pat_1',
		);
		await expect(patents.locator('li[data-record="pat_1"]').isVisible()).resolves.toBe(true);

		// readable on a phone: nothing wider than the screen, body type not below 16px
		const layout = await page.evaluate(() => ({
			width: document.documentElement.scrollWidth,
			font: parseFloat(getComputedStyle(document.body).fontSize),
		}));
		expect(layout.width).toBeLessThanOrEqual(PHONE.width);
		expect(layout.font).toBeGreaterThanOrEqual(16);
		await expect(page.locator('[data-updated]').textContent()).resolves.toMatch(
			/^更新于 Updated \d{4}-\d{2}-\d{2} \d{2}:\d{2}（Asia\/Shanghai）$/,
		);

		await patents.locator('summary').click();
		// the first target opened, to show what a bar is made of
		await page.locator('section.target summary').first().click();
		await page.screenshot({
			path: SHOT,
			clip: { x: 0, y: 0, width: PHONE.width, height: 1400 },
			fullPage: true,
		});
		expect(problems).toEqual([]);
		await page.close();
	});
});
