// The course form as a teacher meets it on a real n8n, in Chromium: the form's own example
// values go through to the first approver; a refused proposal is told on the form's page which
// field to fix and nothing is written, and the corrected one with the same code goes through;
// a rejection comment full of markup reaches the teacher as text; five final approvals posted
// at the same moment give five ledger rows and five result mails; a syllabus uploaded on the
// form downloads from the approver's decision page only with that approver's token.
jest.setTimeout(900000);

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { people } from '../../core/directory';
import { closeAllStores, type Store } from '../../core/store';
import { courses } from '../../core/course';
import { actor, seedDirectory } from '../helpers/course';
import { DESKTOP, PHONE, launchChromium } from './browser';
import {
	decideInBrowser,
	linkIn,
	mailTo,
	storeOf,
	untilSettled,
	untilWaiting,
} from './approvalFlow';
import { REPO, startPlatform, type Mail, type Platform } from './platform';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { simpleParser } = require('mailparser');

const WORKFLOW = join(REPO, 'workflows', 'course-proposal-approval.json');
const WORKFLOW_ID = 'courseProposalApproval01';
const CHAIN = [
	'dept-head@college.example.edu.cn',
	'lead@enterprise.example.com',
	'jwc@college.example.edu.cn',
	'secretariat@consortium.example.cn',
];
const SUBMITTER = 't1@college.edu.cn';
const HOSTILE =
	'<a href="http://evil.example/phish">请点此重新提交</a><img src=x onerror=alert(1)>';

describe('the course form on a real n8n: checked before it answers, escaped mail, a ledger that loses no row', () => {
	let platform: Platform;
	let browser: Browser;
	let store: Store;

	beforeAll(async () => {
		[platform, browser] = await Promise.all([startPlatform([WORKFLOW]), launchChromium()]);
		store = await storeOf(platform);
		const dir = await seedDirectory(store);
		// the enterprise lead the form's example names, at the first example partner
		await people.create(
			store,
			{
				name: '周经理',
				kind: 'technician',
				organisationId: dir.acme.id,
				email: 'lead@enterprise.example.com',
			},
			actor,
		);
	});
	afterAll(async () => {
		await closeAllStores();
		await browser?.close();
		await platform?.stop();
	});

	const formUrl = () =>
		platform.formUrls().find((w) => w.file === 'course-proposal-approval.json')!.formUrl;
	const since = async () => (await platform.mail.messages()).length;

	/** Every box that shows an example gets exactly that example; the rest as a teacher fills them. */
	async function fillWithExamples(page: Page, overrides: Record<string, string> = {}) {
		await page.goto(formUrl());
		for (const box of await page
			.locator(
				'input[placeholder]:not([placeholder=""]), textarea[placeholder]:not([placeholder=""])',
			)
			.all()) {
			await box.fill((await box.getAttribute('placeholder'))!);
		}
		const field = (label: string) => page.getByLabel(label, { exact: false }).first();
		await field('课程类型 Course type').selectOption('专业核心课');
		await field('课程团队成员邮箱').fill(
			[
				't1@college.edu.cn',
				't2@college.edu.cn',
				't3@college.edu.cn',
				'lead@enterprise.example.com',
			].join(', '),
		);
		await page.getByLabel('活页式工作手册').check();
		await field('申报人姓名 Your name').fill('教师1');
		await field('申报人邮箱 Your email').fill(SUBMITTER);
		for (const [label, value] of Object.entries(overrides)) await field(label).fill(value);
	}

	async function submitForm(
		overrides: Record<string, string>,
		expectText: string,
		files: Record<string, { name: string; mimeType: string; buffer: Buffer }> = {},
	): Promise<string> {
		const page = await browser.newPage({ viewport: PHONE });
		await fillWithExamples(page, overrides);
		for (const [label, file] of Object.entries(files))
			await page.getByLabel(label, { exact: false }).first().setInputFiles(file);
		await page.click('#submit-btn');
		await page.getByText(expectText).first().waitFor();
		const body = (await page.textContent('body')) ?? '';
		await page.close();
		return body;
	}

	async function ledgerRows(): Promise<Array<Record<string, unknown>>> {
		const path = join(platform.filesDir, '课程共建台账.xlsx');
		if (!existsSync(path)) return [];
		const book = new ExcelJS.Workbook();
		await book.xlsx.readFile(path);
		const sheet = book.getWorksheet('课程共建台账')!;
		const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
		const rows: Array<Record<string, unknown>> = [];
		sheet.eachRow((row, n) => {
			if (n > 1)
				rows.push(
					Object.fromEntries(header.map((h, i) => [h, (row.values as unknown[]).slice(1)[i]])),
				);
		});
		return rows;
	}

	/** The message exactly as the mail catcher received it, its parts decoded as a mail client does. */
	async function raw(mail: Mail) {
		const source = await (await fetch(`${platform.mail.url}messages/${mail.id}.eml`)).text();
		const parsed = await simpleParser(source);
		return { html: String(parsed.html), text: parsed.text ?? '' };
	}

	it("the form's own example values reach the first approver; the done page is Chinese first", async () => {
		const from = await since();
		const page = await submitForm({}, '申报已提交');
		expect(page).toContain('申报已提交 Proposal submitted');
		expect(page).not.toMatch(/Form Submitted|Your response has been recorded/);
		const first = await mailTo(platform, CHAIN[0], '请审批', from);
		expect(first.subject).toContain('《工业机器人编程与调试》课程共建立项 ZN-2026-001');
		const [course] = (await courses.list(store, { code: 'ZN-2026-001' })).items;
		expect(course).toMatchObject({
			status: 'under_approval',
			enterpriseLeadEmail: 'lead@enterprise.example.com',
			partnerNames: '星河智能制造有限公司、海峡数控装备有限公司',
		});
	});

	it('a refused proposal is told on the form page which field to fix, nothing is written; corrected, the same code goes through', async () => {
		const from = await since();
		const refused = await submitForm(
			{ '课程代码 Course code': 'ZN-E2E-REF', 企业授课比例: '10%' },
			'申报未通过校验',
		);
		expect(refused).toContain('企业授课比例 Enterprise Share');
		expect(refused).toContain('未保存');
		expect((await courses.list(store, { code: 'ZN-E2E-REF' })).items).toEqual([]);
		expect(
			await store.db
				.selectFrom('approval_request')
				.select('id')
				.where('title', 'like', '%ZN-E2E-REF%')
				.execute(),
		).toEqual([]);

		// the example code is taken by now: refused on the page too, naming the code
		expect(await submitForm({}, '申报未通过校验')).toMatch(/课程代码「[^」]+」已被.*占用/);
		// the enterprise lead as submitter would approve their own proposal
		expect(
			await submitForm(
				{
					'课程代码 Course code': 'ZN-E2E-REF',
					'申报人邮箱 Your email': 'lead@enterprise.example.com',
				},
				'申报未通过校验',
			),
		).toContain('提交人不能审批自己的申请');
		expect((await courses.list(store, { code: 'ZN-E2E-REF' })).items).toEqual([]);

		await submitForm(
			{ '课程代码 Course code': 'ZN-E2E-REF', '课程名称 Course name': '修改后的申报' },
			'申报已提交',
		);
		await mailTo(platform, CHAIN[0], 'ZN-E2E-REF', from);
		expect((await courses.list(store, { code: 'ZN-E2E-REF' })).items[0]).toMatchObject({
			status: 'under_approval',
			name: '修改后的申报',
		});
	});

	it('a rejection comment holding markup reaches the teacher as visible text, not markup', async () => {
		const from = await since();
		const request = await mailTo(platform, CHAIN[0], 'ZN-E2E-REF');
		await untilWaiting(platform, WORKFLOW_ID, 1);
		await decideInBrowser(browser, linkIn(request), {
			decision: 'reject',
			comment: HOSTILE,
			viewport: DESKTOP,
			expectText: ['修改后的申报'],
		});
		const result = await mailTo(platform, SUBMITTER, '审批结果', from);
		const message = await raw(result);
		expect(message.html).toContain('&lt;a href=&quot;http://evil.example/phish&quot;&gt;');
		expect(message.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
		expect(message.html).not.toMatch(/<a href="http:\/\/evil|<img src=x/);
		expect(message.text).toContain(HOSTILE);
		expect(
			(await platform.mail.messages()).slice(from).filter((m) => m.to.includes(SUBMITTER)),
		).toHaveLength(1);
		await untilSettled(platform, WORKFLOW_ID);
		expect((await courses.list(store, { code: 'ZN-E2E-REF' })).items[0]).toMatchObject({
			status: 'returned',
		});
	});

	it('five final approvals posted at the same moment: five ledger rows, five result mails, one each', async () => {
		const codes = ['ZN-E2E-C1', 'ZN-E2E-C2', 'ZN-E2E-C3', 'ZN-E2E-C4', 'ZN-E2E-C5'];
		const from = await since();
		for (const code of codes)
			await submitForm(
				{ '课程代码 Course code': code, '课程名称 Course name': `并发课程 ${code}` },
				'申报已提交',
			);
		// the three earlier stages, one decision at a time
		for (const approver of CHAIN.slice(0, 3)) {
			for (const code of codes) {
				const mail = await mailTo(platform, approver, code, from);
				await untilWaiting(platform, WORKFLOW_ID, codes.length);
				await decideInBrowser(browser, linkIn(mail), {
					decision: 'approve',
					comment: '同意',
					viewport: DESKTOP,
					expectText: [code],
				});
			}
		}
		const finals = await Promise.all(codes.map((code) => mailTo(platform, CHAIN[3], code, from)));
		await untilWaiting(platform, WORKFLOW_ID, codes.length);
		// five secretariat pages open, then every button pressed at once
		const pages = await Promise.all(
			finals.map(async (mail) => {
				const page = await browser.newPage({ viewport: DESKTOP });
				await page.goto(linkIn(mail));
				await page.fill('textarea[name="comment"]', '同意备案。');
				return page;
			}),
		);
		await Promise.all(
			pages.map((page) =>
				Promise.all([
					page.waitForNavigation(),
					page.click('button[name="decision"][value="approve"]'),
				]),
			),
		);
		for (const page of pages) expect(await page.textContent('body')).toContain('已同意');
		await Promise.all(pages.map((page) => page.close()));

		const results = await Promise.all(
			codes.map((code) => mailTo(platform, SUBMITTER, code, from).then(() => code)),
		);
		expect(results).toEqual(codes);
		await untilSettled(platform, WORKFLOW_ID);
		const mine = (await platform.mail.messages())
			.slice(from)
			.filter((m) => m.to.includes(SUBMITTER));
		expect(codes.map((code) => mine.filter((m) => m.subject.includes(code)).length)).toEqual([
			1, 1, 1, 1, 1,
		]);
		for (const code of codes)
			expect((await courses.list(store, { code })).items[0]).toMatchObject({ status: 'approved' });
		const rows = await ledgerRows();
		expect(rows.map((r) => r['课程代码']).sort()).toEqual(codes);
	});

	it('a syllabus uploaded on the form downloads from the decision page, only with a valid token', async () => {
		const from = await since();
		const pdf = Buffer.concat([
			Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1'),
			Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 31) % 256)),
			Buffer.from('\n%%EOF\n'),
		]);
		await submitForm(
			{ '课程代码 Course code': 'ZN-E2E-SYL', '课程名称 Course name': '附件课程' },
			'申报已提交',
			{ '课程大纲 Syllabus': { name: '课程大纲.pdf', mimeType: 'application/pdf', buffer: pdf } },
		);
		const mail = await mailTo(platform, CHAIN[0], 'ZN-E2E-SYL', from);
		// the file lives in the store, not in the mail
		expect(await raw(mail).then((m) => m.html + m.text)).not.toContain('%PDF');
		const link = linkIn(mail);
		const page = await browser.newPage({ viewport: PHONE });
		await page.goto(link);
		const file = page.locator('a.file');
		expect(await file.textContent()).toBe('课程大纲.pdf');
		expect(await page.textContent('.attachments')).toContain('4.9 KB');
		const href = new URL((await file.getAttribute('href'))!, link).toString();
		await page.close();

		const got = await fetch(href);
		expect(got.status).toBe(200);
		expect(got.headers.get('content-type')).toBe('application/pdf');
		expect(got.headers.get('content-disposition')).toContain(
			`filename*=UTF-8''${encodeURIComponent('课程大纲.pdf')}`,
		);
		expect(Buffer.from(await got.arrayBuffer()).equals(pdf)).toBe(true);

		const altered = new URL(href);
		const token = altered.searchParams.get('token')!;
		altered.searchParams.set('token', `${token[0] === 'A' ? 'B' : 'A'}${token.slice(1)}`);
		const refused = await fetch(altered);
		expect(refused.status).toBe(403);
		expect(refused.headers.get('content-type')).toContain('text/html');
		const refusedPage = await refused.text();
		expect(refusedPage).toContain('无权下载附件');
		expect(refusedPage).not.toContain('%PDF');
		const bare = new URL(href);
		bare.searchParams.delete('token');
		const noToken = await fetch(bare);
		expect([noToken.status, (await noToken.text()).includes('无权下载附件')]).toEqual([403, true]);
	});
});
