// Debian's Chromium driven by playwright-core (no browser download here).
import { chromium, type Browser, type Page } from 'playwright-core';
import { OWNER } from './platform';

export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--no-first-run',
	'--disable-sync',
];

/** Pages wait as long as a loaded machine needs; a broken page still fails, just later. */
const PAGE_TIMEOUT_MS = 120000;

export async function launchChromium(): Promise<Browser> {
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
		args: CHROMIUM_ARGS,
	});
	const newPage = browser.newPage.bind(browser);
	browser.newPage = async (options) => {
		const page = await newPage(options);
		page.setDefaultTimeout(PAGE_TIMEOUT_MS);
		page.setDefaultNavigationTimeout(PAGE_TIMEOUT_MS);
		return page;
	};
	return browser;
}

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1440, height: 900 };

/** Signs in through n8n's own sign-in form, as a user does. */
export async function signIn(page: Page, baseUrl: string): Promise<void> {
	await page.goto(`${baseUrl}signin`);
	await page.fill('#emailOrLdapLoginId', OWNER.email);
	await page.fill('#password', OWNER.password);
	await page.keyboard.press('Enter');
	await page.waitForURL((u) => !u.pathname.includes('signin'));
}

/** Console errors and failed requests, so a test can fail on those its subject caused. */
export function recordProblems(page: Page): string[] {
	const problems: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error') problems.push(`console: ${m.text()} @ ${m.location().url}`);
	});
	page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
	page.on('response', (r) => {
		if (r.status() >= 400) problems.push(`http ${r.status()}: ${r.url()}`);
	});
	return problems;
}
