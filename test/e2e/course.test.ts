// The shipped course proposal workflow on a real n8n, as its users meet it: a teacher fills
// the real form, four approvers get real emails, link scanners fetch every link first, n8n
// restarts while a stage waits, a reminder resends the same link, each approver opens the
// link in Chromium, comments and decides; the submitter gets the result, the course record
// moves on and the ledger xlsx gains its row.
// A real n8n starts in about a minute on an idle 2-core machine, several on a busy one.
jest.setTimeout(900000);

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { closeAllStores, type Store } from '../../core/store';
import { courses } from '../../core/course';
import { seedDirectory, type Directory } from '../helpers/course';
import { DESKTOP, PHONE, launchChromium, signIn } from './browser';
import {
	decideInBrowser,
	linkIn,
	mailTo,
	record,
	requestNumberIn,
	scannerFetches,
	storeOf,
	untilSettled,
	untilWaiting,
} from './approvalFlow';
import { REPO, startPlatform, type Platform } from './platform';

const SHOTS = join(REPO, 'docs', 'screenshots');
const WORKFLOW = join(REPO, 'workflows', 'course-proposal-approval.json');
const WORKFLOW_ID = 'courseProposalApproval01';
const CHAIN = [
	'dept-head@college.example.edu.cn',
	'wang@acme.example.com',
	'jwc@college.example.edu.cn',
	'secretariat@consortium.example.cn',
];
const SUBMITTER = 't1@college.edu.cn';

async function fillProposal(page: Page, dir: Directory, code: string, name: string) {
	const field = (label: string) => page.getByLabel(label, { exact: false }).first();
	await field('课程名称 Course name').fill(name);
	await field('课程代码 Course code').fill(code);
	await field('课程类型 Course type').selectOption('专业核心课');
	await field('学分 Credits').fill('3');
	await field('理论学时 Theory hours').fill('24');
	await field('实践学时 Practice hours').fill('30');
	await field('合作企业').fill(`${dir.acme.name}、${dir.beta.name}`);
	await field("企业负责人邮箱 Enterprise lead's email").fill(dir.lead.email!);
	await field('课程团队成员邮箱').fill(
		[
			dir.teachers[0].email,
			dir.teachers[1].email,
			dir.teachers[2].email,
			dir.lead.email,
			dir.engineer.email,
		].join(', '),
	);
	await field('企业授课比例').fill('40%');
	await field('课程模块').fill('模块一：机器人基本操作\n模块二：离线编程');
	await page.getByLabel('活页式工作手册').check();
	await page.getByLabel('在线精品课程').check();
	await field('开课学期 Start term').fill('2026-2027-1');
	await field('申报人姓名 Your name').fill('教师1');
	await field('申报人邮箱 Your email').fill(SUBMITTER);
}

describe('course proposal approval on a real n8n, by email and browser', () => {
	let platform: Platform;
	let browser: Browser;
	let store: Store;
	let dir: Directory;

	beforeAll(async () => {
		// The other shipped forms come along so that every form URL `npm start` prints is checked on this n8n.
		const otherForms = [
			'exchange-registration.json',
			'registry-ledger-import.json',
			'registry-project-approval.json',
		].map((f) => join(REPO, 'workflows', f));
		[platform, browser] = await Promise.all([
			startPlatform([
				WORKFLOW,
				join(__dirname, 'fixtures', 'approval-remind.workflow.json'),
				...otherForms,
			]),
			launchChromium(),
		]);
		store = await storeOf(platform);
		dir = await seedDirectory(store);
	});
	afterAll(async () => {
		await closeAllStores();
		await browser?.close();
		await platform?.stop();
	});

	const formUrl = () =>
		platform.formUrls().find((w) => w.file === 'course-proposal-approval.json')!.formUrl;

	async function submitThroughForm(code: string, name: string, screenshot?: string) {
		const page = await browser.newPage({ viewport: DESKTOP });
		await page.goto(formUrl());
		await fillProposal(page, dir, code, name);
		if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
		await page.click('#submit-btn');
		await page.getByText('申报已提交').waitFor();
		await page.close();
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

	it('is active and shows its form at the printed URL', async () => {
		expect(platform.setup.workflows.find((w) => w.id === WORKFLOW_ID)).toMatchObject({
			active: true,
		});
		expect(formUrl()).toBe(`${platform.url}form/c0c75e00-4a1b-4c2d-8e3f-00000000f001`);
	});

	it('serves every form `npm start` prints, each at its printed URL', async () => {
		const forms = platform.formUrls();
		expect(forms.map((w) => w.file).sort()).toEqual([
			'course-proposal-approval.json',
			'exchange-registration.json',
			'registry-ledger-import.json',
			'registry-project-approval.json',
		]);
		// Two printed URLs answered 404: their path sat where Form Trigger 2.2+ no longer reads it.
		const answers = await Promise.all(
			forms.map(async (w) => ({ file: w.file, status: (await fetch(w.formUrl)).status })),
		);
		expect(answers).toEqual(forms.map((w) => ({ file: w.file, status: 200 })));
	});

	it('four stages approve by email link: scanners decide nothing, a restart and a reminder keep the same link, course 立项 and ledger row', async () => {
		await submitThroughForm('ZN-E2E-001', '工业机器人编程与调试', join(SHOTS, 'course-form.png'));
		let number = '';
		let courseId = '';
		const used: string[] = [];
		const comments = [
			'同意立项。',
			'企业提供实训场地与兼职教师。',
			'同意纳入 2026-2027-1 开课计划。',
			'同意备案。',
		];
		for (const [stage, approver] of CHAIN.entries()) {
			const mail = await mailTo(platform, approver, '请审批');
			number = requestNumberIn(mail);
			const link = linkIn(mail);
			expect(mail.text).toContain('《工业机器人编程与调试》课程共建立项 ZN-E2E-001');
			await untilWaiting(platform, WORKFLOW_ID, 1);
			if (stage === 0) {
				// the form answers at once; the first approval mail means the course was created and submitted
				const [course] = (await courses.list(store, { code: 'ZN-E2E-001' })).items;
				expect(course).toMatchObject({ status: 'under_approval', submitterEmail: SUBMITTER });
				courseId = course.id;
			}

			// Outlook Safe Links and Teams previews fetch the link first (GET, then HEAD)
			expect(await scannerFetches(link, ['GET', 'HEAD'])).toEqual([200, 200, 200, 200]);
			// the previous stage's link, used, only says so while the request goes on
			if (stage > 0) expect(await (await fetch(used[stage - 1])).text()).toContain('已审批过');
			const before = await record(store, number);
			expect(before.status).toBe('pending');
			expect(before.currentStage).toBe(stage);
			expect(before.stages[stage].approvers.map((a) => a.status)).toEqual(['pending']);

			if (stage === 1) {
				// 催办 while the enterprise stage waits: the reminder carries the same link
				const since = (await platform.mail.messages()).length;
				const res = await fetch(`${platform.url}webhook/e2e-remind`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ requestId: number }),
				});
				expect(res.status).toBe(200);
				const reminder = await mailTo(platform, approver, '催办', since);
				expect(linkIn(reminder)).toBe(link);
				const inbox = await browser.newPage({ viewport: { width: 1000, height: 900 } });
				await inbox.goto(`${platform.mail.url}messages/${reminder.id}`);
				await inbox.frameLocator('iframe').getByText('打开审批页面').waitFor();
				await inbox.screenshot({ path: join(SHOTS, 'reminder-email.png'), fullPage: true });
				await inbox.close();

				// n8n restarts while the request waits; the link works afterwards
				await platform.restartN8n();
				await untilWaiting(platform, WORKFLOW_ID, 1);
			}

			const after = await decideInBrowser(browser, link, {
				decision: 'approve',
				comment: comments[stage],
				viewport: stage % 2 === 0 ? PHONE : DESKTOP,
				screenshot:
					stage === 0
						? join(SHOTS, 'decision-page-phone.png')
						: stage === 1
							? join(SHOTS, 'decision-page-desktop.png')
							: undefined,
				expectText: [
					'工业机器人编程与调试',
					number,
					'星河智能制造有限公司',
					...(stage > 0 ? [comments[stage - 1]] : []),
				],
			});
			expect(after).toContain('已同意');
			used.push(link);
		}

		// one result mail, the Approval node's own
		const notice = await mailTo(platform, SUBMITTER, '审批结果');
		expect(notice.subject).toMatch(
			/^\[KC-\d{4}-\d{4}\] 审批结果：已通过 Result: Approved: 《工业机器人编程与调试》课程共建立项 ZN-E2E-001$/,
		);
		await untilSettled(platform, WORKFLOW_ID);
		const done = await record(store, number);
		expect(done.status).toBe('approved');
		expect(
			done.stages.flatMap((s) => s.approvers.map((a) => [a.email, a.status, a.comment])),
		).toEqual(CHAIN.map((email, i) => [email, 'approved', comments[i]]));
		const approved = await courses.get(store, courseId);
		expect(approved).toMatchObject({
			status: 'approved',
			approvedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
		});
		// once the execution has finished, the links endpoint still answers with our page and nothing changes
		for (const link of used) {
			const res = await fetch(link);
			expect([res.status, res.headers.get('content-type')]).toEqual([
				410,
				expect.stringContaining('text/html'),
			]);
			expect(await res.text()).not.toContain('{"code"');
		}
		expect(await record(store, number)).toEqual(done);
		const rows = await ledgerRows();
		expect(rows).toEqual([
			expect.objectContaining({
				课程代码: 'ZN-E2E-001',
				课程名称: '工业机器人编程与调试',
				学分: 3,
			}),
		]);
	});

	it('the enterprise rejects with a reason: course returned for revision, submitter told why, no ledger row', async () => {
		const since = (await platform.mail.messages()).length;
		await submitThroughForm('ZN-E2E-002', '智能产线运维');
		const first = await mailTo(platform, CHAIN[0], '智能产线运维', since);
		await untilWaiting(platform, WORKFLOW_ID, 1);
		await decideInBrowser(browser, linkIn(first), {
			decision: 'approve',
			comment: '同意。',
			viewport: PHONE,
			expectText: ['智能产线运维'],
		});
		const second = await mailTo(platform, CHAIN[1], '智能产线运维', since);
		await untilWaiting(platform, WORKFLOW_ID, 1);
		const page = await decideInBrowser(browser, linkIn(second), {
			decision: 'reject',
			comment: '企业授课比例偏低，请增加实训项目',
			viewport: PHONE,
			expectText: ['智能产线运维'],
		});
		expect(page).toContain('已拒绝');
		const returned = await mailTo(platform, SUBMITTER, '审批结果', since);
		expect(returned.subject).toMatch(
			/审批结果：未通过 Result: Rejected: 《智能产线运维》课程共建立项 ZN-E2E-002$/,
		);
		expect(returned.text).toContain('企业授课比例偏低，请增加实训项目');
		await untilSettled(platform, WORKFLOW_ID);
		const [course] = (await courses.list(store, { code: 'ZN-E2E-002' })).items;
		expect(course).toMatchObject({ status: 'returned' });
		expect(
			(await platform.mail.messages()).slice(since).filter((m) => m.to.includes(CHAIN[2])),
		).toEqual([]);
		expect((await ledgerRows()).map((r) => r['课程代码'])).toEqual(['ZN-E2E-001']);
	});

	it('shows the workflow in the editor', async () => {
		const page = await browser.newPage({ viewport: DESKTOP });
		await signIn(page, platform.url);
		await page.goto(`${platform.url}workflow/${WORKFLOW_ID}`);
		const nodes = page.locator('[data-test-id="canvas-node"]');
		await nodes.first().waitFor();
		expect(await nodes.count()).toBe(
			platform.setup.workflows.find((w) => w.id === WORKFLOW_ID)!.json.nodes.length,
		);
		await page.waitForLoadState('networkidle');
		// every node shows its icon, this package's included
		const broken = await nodes.evaluateAll((els) =>
			els
				.filter((el) =>
					[...el.querySelectorAll('img')].some((img) => !img.complete || img.naturalWidth === 0),
				)
				.map((el) => el.textContent?.trim()),
		);
		await page.screenshot({ path: join(SHOTS, 'editor-course-workflow.png') });
		expect(broken).toEqual([]);
		await page.close();
	});
});
