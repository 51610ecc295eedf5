// 退回修改 on a real n8n, in Chromium at a phone's size: a course proposal is returned by the
// enterprise with a comment, the teacher opens the amend link from the mail, finds the form
// prefilled, changes one field and submits; the enterprise gets a new mail under the same
// request number, and the course is approved. The link from before the return says so.
jest.setTimeout(900000);

import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { people } from '../../core/directory';
import { closeAllStores, type Store } from '../../core/store';
import { courses } from '../../core/course';
import { actor, seedDirectory } from '../helpers/course';
import { PHONE, launchChromium } from './browser';
import {
	decideInBrowser,
	linkIn,
	mailTo,
	record,
	requestNumberIn,
	storeOf,
	untilSettled,
	untilWaiting,
} from './approvalFlow';
import { REPO, startPlatform, type Platform } from './platform';

const WORKFLOW = join(REPO, 'workflows', 'course-proposal-approval.json');
const WORKFLOW_ID = 'courseProposalApproval01';
const CHAIN = [
	'dept-head@college.example.edu.cn',
	'lead@enterprise.example.com',
	'jwc@college.example.edu.cn',
	'secretariat@consortium.example.cn',
];
const SUBMITTER = 't1@college.edu.cn';
const CODE = 'ZN-E2E-AMD';
const TEAM = ['t1@college.edu.cn', 't2@college.edu.cn', 't3@college.edu.cn', CHAIN[1]].join(', ');

describe('退回修改 on a real n8n: returned, corrected on the prefilled form, approved under the same number', () => {
	let platform: Platform;
	let browser: Browser;
	let store: Store;

	beforeAll(async () => {
		[platform, browser] = await Promise.all([startPlatform([WORKFLOW]), launchChromium()]);
		store = await storeOf(platform);
		const dir = await seedDirectory(store);
		await people.create(
			store,
			{ name: '周经理', kind: 'technician', organisationId: dir.acme.id, email: CHAIN[1] },
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
	const field = (page: Page, label: string) => page.getByLabel(label, { exact: false }).first();

	async function submitOn(page: Page) {
		await page.click('#submit-btn');
		await page.getByText('申报已提交').first().waitFor();
	}

	it('a returned course is corrected through the form and approved under the same number', async () => {
		const from = await since();
		// The teacher proposes with the form's own examples, on a phone.
		const page = await browser.newPage({ viewport: PHONE });
		await page.goto(formUrl());
		for (const box of await page
			.locator(
				'input[placeholder]:not([placeholder=""]), textarea[placeholder]:not([placeholder=""])',
			)
			.all())
			await box.fill((await box.getAttribute('placeholder'))!);
		await field(page, '课程代码 Course code').fill(CODE);
		await field(page, '课程类型 Course type').selectOption('专业核心课');
		await field(page, '课程团队成员邮箱').fill(TEAM);
		await page.getByLabel('活页式工作手册').check();
		await field(page, '申报人姓名 Your name').fill('教师1');
		await field(page, '申报人邮箱 Your email').fill(SUBMITTER);
		await submitOn(page);

		const first = await mailTo(platform, CHAIN[0], CODE, from);
		const number = requestNumberIn(first);
		await untilWaiting(platform, WORKFLOW_ID, 1);
		await decideInBrowser(browser, linkIn(first), {
			decision: 'approve',
			comment: '同意',
			viewport: PHONE,
			expectText: [CODE],
		});

		// The enterprise returns it: first without a comment (refused, nothing recorded), then with one.
		const second = await mailTo(platform, CHAIN[1], CODE, from);
		const oldLink = linkIn(second);
		await untilWaiting(platform, WORKFLOW_ID, 1);
		const approver = await browser.newPage({ viewport: PHONE });
		await approver.goto(oldLink);
		expect(
			await approver.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
		).toBeLessThanOrEqual(0);
		const [bare] = await Promise.all([
			approver.waitForNavigation(),
			approver.click('button[name="decision"][value="return"]'),
		]);
		expect(bare?.status()).toBe(422);
		expect(await approver.textContent('body')).toContain('退回修改须填写审批意见');
		expect((await record(store, number)).status).toBe('pending');
		await approver.fill('textarea[name="comment"]', '企业授课比例请提高到 50%');
		await Promise.all([
			approver.waitForNavigation(),
			approver.click('button[name="decision"][value="return"]'),
		]);
		expect(await approver.textContent('body')).toContain('已退回修改');
		await approver.close();

		// The teacher's mail carries the amend link; the form opens prefilled.
		const returned = await mailTo(platform, SUBMITTER, '退回修改', from);
		expect(returned.subject).toContain(`[${number}]`);
		expect(returned.text).toContain('企业授课比例请提高到 50%');
		const afterReturn = await since();
		const amendLink = /https?:\/\/[^\s"'<>]+\/form\/[^\s"'<>]+/.exec(returned.text)![0];
		await untilSettled(platform, WORKFLOW_ID);
		expect((await courses.list(store, { code: CODE })).items[0]).toMatchObject({
			status: 'returned',
		});
		await page.goto(amendLink.replace(/&amp;/g, '&'));
		expect(await field(page, '课程名称 Course name').inputValue()).toBe('工业机器人编程与调试');
		expect(await field(page, '课程代码 Course code').inputValue()).toBe(CODE);
		expect(await field(page, '企业授课比例').inputValue()).toBe('40%');
		await field(page, '企业授课比例').fill('50%');
		await field(page, '课程类型 Course type').selectOption('专业核心课');
		await field(page, '课程团队成员邮箱').fill(TEAM);
		await page.getByLabel('活页式工作手册').check();
		await submitOn(page);
		await page.close();

		// The enterprise decides again under the same number, then the remaining stages.
		const again = await mailTo(platform, CHAIN[1], `[${number}]`, afterReturn);
		expect(again.text).toContain('企业授课比例: 50%');
		for (const [i, approver] of CHAIN.slice(1).entries()) {
			const mail = i === 0 ? again : await mailTo(platform, approver, `[${number}]`, from);
			await untilWaiting(platform, WORKFLOW_ID, 1);
			await decideInBrowser(browser, linkIn(mail), {
				decision: 'approve',
				comment: '同意',
				viewport: PHONE,
				expectText: [number],
			});
		}
		const result = await mailTo(platform, SUBMITTER, '审批结果', from);
		expect(result.subject).toContain(`[${number}]`);
		expect(result.subject).toContain('已通过');
		await untilSettled(platform, WORKFLOW_ID);
		const [course] = (await courses.list(store, { code: CODE })).items;
		expect(course).toMatchObject({ status: 'approved', enterpriseShare: 0.5 });
		const final = await record(store, number);
		expect(
			final.amendments?.map((a) => [a.returnedBy, a.previous.title, a.current?.title]),
		).toEqual([[CHAIN[1], final.subject.title, final.subject.title]]);

		// The link from before the return shows a truthful page.
		const stale = await browser.newPage({ viewport: PHONE });
		await stale.goto(oldLink);
		expect(await stale.textContent('body')).toContain('申请已退回修改，本链接已失效');
		await stale.close();
	});
});
