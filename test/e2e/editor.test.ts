// Every node this package declares loads in the real n8n editor: found in the node panel by
// its Chinese name, with its icon (light and dark), Chinese-first label and codex categories,
// and without console errors from the package.
// A real n8n starts in about a minute on an idle 2-core machine, several on a busy one.
jest.setTimeout(900000);

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { DESKTOP, launchChromium, recordProblems, signIn } from './browser';
import { REPO, startPlatform, type Platform } from './platform';

interface NodeType {
	name: string;
	displayName: string;
	iconUrl?: { light: string; dark: string } | string;
	codex?: { categories?: string[]; alias?: string[] };
}

const PACKAGE = 'n8n-nodes-consortium';
/** Node file `dist/nodes/Course/Course.node.js` → type `n8n-nodes-consortium.course`. */
const declaredTypes = (): string[] =>
	JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).n8n.nodes.map((f: string) => {
		const base = f
			.split('/')
			.pop()!
			.replace(/\.node\.js$/, '');
		return `${PACKAGE}.${base[0].toLowerCase()}${base.slice(1)}`;
	});
/** `课程共建 Course` → `课程共建`: what a Chinese-reading user types. */
const chineseName = (displayName: string) => displayName.split(/\s+/)[0];

describe('the package in the real n8n editor', () => {
	let platform: Platform;
	let browser: Browser;
	let types: NodeType[];
	beforeAll(async () => {
		[platform, browser] = await Promise.all([startPlatform([]), launchChromium()]);
		const res = await fetch(`${platform.url}types/nodes.json`, {
			headers: { cookie: platform.rest.cookie, 'browser-id': 'consortium-runtime' },
		});
		types = (await res.json()).filter((t: NodeType) => t.name.startsWith(`${PACKAGE}.`));
	});
	afterAll(async () => {
		await browser?.close();
		await platform?.stop();
	});

	it('serves every declared node with a Chinese-first name, codex categories and both icons', async () => {
		const declared = declaredTypes();
		expect(types.map((t) => t.name)).toEqual(expect.arrayContaining(declared));
		for (const name of declared) {
			const type = types.find((t) => t.name === name)!;
			expect(type.displayName).toMatch(/^[\u4e00-\u9fff]+.* [A-Za-z]/);
			expect(type.codex?.categories?.length).toBeGreaterThan(0);
			expect(typeof type.iconUrl).toBe('object');
			const icons = type.iconUrl as { light: string; dark: string };
			expect(icons.light).not.toEqual(icons.dark);
			for (const url of [icons.light, icons.dark]) {
				const res = await fetch(platform.url + url);
				expect({ url, status: res.status, type: res.headers.get('content-type') }).toEqual({
					url,
					status: 200,
					type: expect.stringContaining('svg'),
				});
			}
		}
	});

	it('finds each node in the node panel by its Chinese name, with its icon, and logs no errors from it', async () => {
		const page = await browser.newPage({ viewport: DESKTOP });
		const problems = recordProblems(page);
		await signIn(page, platform.url);
		await page.goto(`${platform.url}workflow/new`);
		await page.locator('[data-test-id="canvas-add-button"]').click();
		const search = page.locator('[data-test-id="node-creator-search-bar"]');
		for (const name of declaredTypes()) {
			const type = types.find((t) => t.name === name)!;
			// n8n's node panel folds a trigger `xTrigger` into the item of its regular node `x`,
			// shown under that node's name with the trigger's description: search for that name.
			const regular = types.find((t) => `${t.name}Trigger` === type.name);
			const listedAs = regular ?? type;
			await search.fill(chineseName(listedAs.displayName));
			const item = page
				.locator(
					'[data-test-id="node-creator-node-item"], [data-test-id="node-creator-action-item"]',
				)
				.filter({ hasText: listedAs.displayName })
				.filter({
					hasText: regular
						? (type as NodeType & { description: string }).description.split(' ')[0]
						: listedAs.displayName,
				})
				.first();
			await item.waitFor();
			const icon = item.locator('img').first();
			await icon.waitFor();
			await expect(
				icon.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
			).resolves.toBe(true);
		}
		await search.fill('课程共建');
		await page
			.locator('[data-test-id="node-creator-node-item"], [data-test-id="node-creator-action-item"]')
			.filter({ hasText: '课程共建 Course' })
			.first()
			.waitFor();
		await page.screenshot({ path: join(REPO, 'docs', 'screenshots', 'editor-node-panel.png') });
		expect(problems.filter((p) => /consortium/i.test(p))).toEqual([]);
		await page.close();
	});
});
