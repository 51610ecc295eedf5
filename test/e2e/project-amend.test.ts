// 退回修改 of a research project on a real n8n, in Chromium at a phone's size: the research
// office returns the declaration in the 会签 stage, the PI opens the amend link from the mail and
// finds the project form prefilled (its dropdowns chosen), corrects the budget and submits; both
// offices are asked again under the same XM number and the project is 立项.
jest.setTimeout(900000);

import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { projects } from '../../core/registry';
import { closeAllStores, type Store } from '../../core/store';
import { seedDirectory } from '../helpers/course';
import { PHONE, launchChromium } from './browser';
import {
	decideInBrowser,
	linkIn,
	mailTo,
	requestNumberIn,
	storeOf,
	untilSettled,
	untilWaiting,
} from './approvalFlow';
import { REPO, startPlatform, type Platform } from './platform';

const WORKFLOW = join(REPO, 'workflows', 'registry-project-approval.json');
const WORKFLOW_ID = 'registryProjectApproval01';
const DEPT = 'dept-head@college.example.edu.cn';
const RESEARCH = 'kyc@college.example.edu.cn';
const FINANCE = 'cwc@college.example.edu.cn';
const PI = 't1@college.edu.cn';
const PROJECT_NO = 'KY-E2E-AMD';

describe('退回修改 of a project declaration on a real n8n', () => {
	let platform: Platform;
	let browser: Browser;
	let store: Store;

	beforeAll(async () => {
		[platform, browser] = await Promise.all([startPlatform([WORKFLOW]), launchChromium()]);
		store = await storeOf(platform);
		await seedDirectory(store);
	});
	afterAll(async () => {
		await closeAllStores();
		await browser?.close();
		await platform?.stop();
	});

	const formUrl = () =>
		platform.formUrls().find((w) => w.file === 'registry-project-approval.json')!.formUrl;
	const since = async () => (await platform.mail.messages()).length;
	const field = (page: Page, label: string) => page.getByLabel(label, { exact: false }).first();
	const decide = (link: string, decision: 'approve' | 'return', comment: string, shown: string) =>
		decideInBrowser(browser, link, { decision, comment, viewport: PHONE, expectText: [shown] });

	async function submitOn(page: Page) {
		await page.click('#submit-btn');
		await page.getByText('申报已提交').first().waitFor();
	}

	it('returned by 科研处, corrected on the prefilled form, approved under the same number', async () => {
		const from = await since();
		const page = await browser.newPage({ viewport: PHONE });
		await page.goto(formUrl());
		await field(page, '项目名称 Project name').fill('产线数字孪生研究');
		await field(page, '项目编号').fill(PROJECT_NO);
		await field(page, '项目类别 Category').selectOption('纵向 Government-funded');
		await field(page, '项目级别').selectOption('市厅级 Municipal');
		await field(page, '项目来源').fill('市科学技术局');
		await field(page, '项目负责人邮箱').fill(PI);
		await field(page, '项目成员邮箱').fill('t2@college.edu.cn');
		await field(page, '预算经费').fill('200000');
		await field(page, '开始日期 Start date').fill('2026-09-01');
		await field(page, '结束日期 End date').fill('2028-08-31');
		await field(page, '中期检查日期').fill('2027-09-15');
		await submitOn(page);

		const first = await mailTo(platform, DEPT, PROJECT_NO, from);
		const number = requestNumberIn(first);
		await untilWaiting(platform, WORKFLOW_ID, 1);
		await decide(linkIn(first), 'approve', '同意', PROJECT_NO);
		const research = await mailTo(platform, RESEARCH, `[${number}]`, from);
		const oldLink = linkIn(research);
		await untilWaiting(platform, WORKFLOW_ID, 1);
		expect(await decide(oldLink, 'return', '预算请压缩到 15 万元', number)).toContain('已退回修改');

		// The PI's mail carries the amend link; the form opens prefilled, dropdowns chosen.
		const returned = await mailTo(platform, PI, '退回修改', from);
		expect(returned.subject).toContain(`[${number}]`);
		expect(returned.text).toContain('预算请压缩到 15 万元');
		const afterReturn = await since();
		const amendLink = /https?:\/\/[^\s"'<>]+\/form\/[^\s"'<>]+/.exec(returned.text)![0];
		await untilSettled(platform, WORKFLOW_ID);
		await page.goto(amendLink.replace(/&amp;/g, '&'));
		expect(await field(page, '项目名称 Project name').inputValue()).toBe('产线数字孪生研究');
		expect(await field(page, '项目编号').inputValue()).toBe(PROJECT_NO);
		expect(await field(page, '项目类别 Category').inputValue()).toBe('纵向 Government-funded');
		expect(await field(page, '项目级别').inputValue()).toBe('市厅级 Municipal');
		expect(await field(page, '项目成员邮箱').inputValue()).toBe('t2@college.edu.cn');
		expect(await field(page, '中期检查日期').inputValue()).toBe('2027-09-15');
		expect(await field(page, '预算经费').inputValue()).toBe('200000');
		await field(page, '预算经费').fill('150000');
		await submitOn(page);
		await page.close();

		// Both offices of the returning 会签 stage are asked again under the same number.
		for (const office of [RESEARCH, FINANCE]) {
			const again = await mailTo(platform, office, `[${number}]`, afterReturn);
			expect(again.text).toContain('150,000 元');
			await untilWaiting(platform, WORKFLOW_ID, 1);
			await decide(linkIn(again), 'approve', '同意', number);
		}
		const result = await mailTo(platform, PI, '审批结果', afterReturn);
		expect(result.subject).toContain('已通过');
		await untilSettled(platform, WORKFLOW_ID);
		const found = (await projects.list(store, { filters: { projectNo: PROJECT_NO } })).items;
		expect(found).toHaveLength(1);
		expect(found[0]).toMatchObject({ status: 'approved', budget: 150000 });

		// The link from before the return says what happened.
		const stale = await browser.newPage({ viewport: PHONE });
		await stale.goto(oldLink);
		expect(await stale.textContent('body')).toContain('申请已退回修改，本链接已失效');
		await stale.close();
	});
});
