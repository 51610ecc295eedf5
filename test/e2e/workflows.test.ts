// Every other shipped workflow on a real n8n: the placement request, the research project form
// and the ledger import filled in Chromium; the reminder and report schedules triggered by
// hand (their schedule swapped for a webhook, nothing else changed).
jest.setTimeout(900000);

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'flatted';
import type { Browser, Page } from 'playwright-core';
import { organisations, people } from '../../core/directory';
import { stations } from '../../core/exchange';
import { closeAllStores, type Store } from '../../core/store';
import { buildPatentNumber } from '../helpers/patent-numbers';
import { PHONE, launchChromium } from './browser';
import { decideInBrowser, executionsOf, linkIn, mailTo, storeOf } from './approvalFlow';
import { REPO, startPlatform, type Platform } from './platform';

const actor = { actor: 'test:e2e' };
const FORMS = [
	'exchange-registration.json',
	'registry-project-approval.json',
	'registry-ledger-import.json',
];
const SCHEDULES = [
	'approval-reminders.json',
	'approval-inbox-digest.json',
	'registry-deadline-reminders.json',
	'exchange-monthly-report.json',
	'kpi-scoreboard.json',
];
const shipped = (file: string) => JSON.parse(readFileSync(join(REPO, 'workflows', file), 'utf8'));
const hookPath = (id: string) => `e2e-by-hand-${id}`;
const HEAD = 'dept-head@college.example.edu.cn';

/**
 * The shipped workflow with its schedule swapped for a webhook, so the test can run it now; a
 * Set node under the trigger's own name (expressions refer to it) hands on what the Schedule
 * Trigger emits: its `timestamp`, in the workflow's zone.
 */
function byHand(file: string) {
	const wf = shipped(file);
	const trigger = wf.nodes.find(
		(n: { type: string }) => n.type === 'n8n-nodes-base.scheduleTrigger',
	);
	const hook = '立即运行 Run Now';
	const tick = trigger.name;
	const assignment = (name: string, value: string) => ({
		id: `${trigger.id}-${name}`,
		name,
		value,
		type: 'string',
	});
	return {
		...wf,
		nodes: [
			...wf.nodes.filter((n: unknown) => n !== trigger),
			{
				id: `${trigger.id}-now`,
				name: hook,
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [trigger.position[0], trigger.position[1] - 200],
				webhookId: `${trigger.id}-hook`,
				parameters: {
					httpMethod: 'POST',
					path: hookPath(wf.id),
					responseMode: 'onReceived',
					options: {},
				},
			},
			{
				id: `${trigger.id}-tick`,
				name: tick,
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: trigger.position,
				parameters: {
					mode: 'manual',
					assignments: {
						assignments: [
							assignment('timestamp', '={{ $now.toISO() }}'),
							assignment('Timezone', '={{ $now.zoneName }}'),
						],
					},
					includeOtherFields: false,
					options: {},
				},
			},
		],
		connections: {
			...wf.connections,
			[hook]: { main: [[{ node: tick, type: 'main', index: 0 }]] },
		},
	};
}

describe('the other shipped workflows on a real n8n', () => {
	let platform: Platform;
	let browser: Browser;
	let store: Store;
	let dir: string;
	let inboxMail: Awaited<ReturnType<typeof mailTo>> | undefined;

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'consortium-by-hand-'));
		const files = [
			...FORMS.map((f) => join(REPO, 'workflows', f)),
			...SCHEDULES.map((f) => {
				const path = join(dir, f);
				writeFileSync(path, JSON.stringify(byHand(f)));
				return path;
			}),
		];
		[platform, browser] = await Promise.all([startPlatform(files), launchChromium()]);
		store = await storeOf(platform);
		const college = await organisations.create(
			store,
			{ name: '市职业技术学院', kind: 'school' },
			actor,
		);
		const host = await organisations.create(
			store,
			{
				name: '星河智能制造有限公司',
				kind: 'enterprise',
				contactEmail: 'office@xinghe.example.com',
			},
			actor,
		);
		await stations.create(
			store,
			{
				name: '星河教师实践流动站',
				organisationId: host.id,
				capacity: 3,
				contactEmail: 'hr@xinghe.example.com',
			},
			actor,
		);
		await people.create(
			store,
			{
				name: '张老师',
				kind: 'teacher',
				email: 'zhang@college.example.edu.cn',
				department: '机电系',
				courseCategory: 'professional',
				organisationId: college.id,
			},
			actor,
		);
		await people.create(
			store,
			{
				name: '李老师',
				kind: 'teacher',
				email: 'li@college.example.edu.cn',
				organisationId: college.id,
			},
			actor,
		);
	});
	afterAll(async () => {
		await closeAllStores();
		await browser?.close();
		await platform?.stop();
		rmSync(dir, { recursive: true, force: true });
	});

	/** What n8n recorded as the error of a failed execution, to say why in the assertion. */
	async function errorOf(run: { id: string; status: string } | undefined): Promise<string | null> {
		if (!run || run.status === 'success') return null;
		const { data } = await platform.rest.get(`rest/executions/${run.id}`);
		const error = parse(data).resultData?.error;
		return error ? `${error.message} ${error.description ?? ''}` : run.status;
	}

	const formUrl = (file: string) => platform.formUrls().find((w) => w.file === file)!.formUrl;
	const since = async () => (await platform.mail.messages()).length;

	async function openForm(file: string): Promise<Page> {
		const page = await browser.newPage({ viewport: PHONE });
		await page.goto(formUrl(file));
		return page;
	}

	/** Submits and returns what the page then shows (visible text only). */
	async function submit(page: Page, doneText: string, button: string): Promise<string> {
		expect(await page.textContent('#submit-btn')).toContain(button);
		await page.click('#submit-btn');
		await page.getByText(doneText).first().waitFor();
		const shown = await page.innerText('body');
		await page.close();
		expect(shown).not.toContain('Your response has been recorded');
		return shown;
	}

	async function optionWith(page: Page, label: string, part: string) {
		const select = page.getByLabel(label, { exact: false }).first();
		const options = await select.locator('option').allTextContents();
		await select.selectOption({ label: options.find((o) => o.includes(part))! });
	}

	it('the placement request form: a refusal names the field on the page and writes nothing; corrected, the placement is saved and the department asked', async () => {
		const from = await since();
		const fill = async (teacher: string) => {
			const page = await openForm('exchange-registration.json');
			const field = (label: string) => page.getByLabel(label, { exact: false }).first();
			await field('教师邮箱 Teacher Email').fill(teacher);
			await field('接收企业 Host Enterprise').fill('星河智能制造有限公司');
			await field('实践站点 Station').fill('星河教师实践流动站');
			await optionWith(page, '实践形式 Form', '顶岗');
			await field('计划开始 Planned Start').fill('2027-07-05');
			await field('计划结束 Planned End').fill('2027-08-13');
			return page;
		};
		const refused = await submit(
			await fill('nobody@college.example.edu.cn'),
			'申请未通过校验',
			'提交申请',
		);
		expect(refused).toContain('请修改「教师 Teacher」');
		expect(refused).toContain('nobody@college.example.edu.cn');
		expect(await store.db.selectFrom('exchange_placement').select('id').execute()).toEqual([]);
		expect(await store.db.selectFrom('approval_request').select('id').execute()).toEqual([]);

		expect(
			await submit(await fill('zhang@college.example.edu.cn'), '申请已提交', '提交申请'),
		).not.toContain('Form Submitted');
		const mail = await mailTo(platform, 'dept-head@college.example.edu.cn', '教师企业实践', from);
		expect(mail.subject).toContain('张老师 → 星河智能制造有限公司');
		expect(await store.db.selectFrom('exchange_placement').select('status').execute()).toEqual([
			{ status: 'planned' },
		]);
	});

	/** The research project form with its own example values, a chosen end date and number. */
	async function fillProject(endDate: string, projectNo?: string): Promise<Page> {
		const page = await openForm('registry-project-approval.json');
		for (const box of await page
			.locator(
				'input[placeholder]:not([placeholder=""]), textarea[placeholder]:not([placeholder=""])',
			)
			.all()) {
			await box.fill((await box.getAttribute('placeholder'))!);
		}
		const field = (label: string) => page.getByLabel(label, { exact: false }).first();
		if (projectNo) await field('项目编号').fill(projectNo);
		await optionWith(page, '项目类别 Category', '横向');
		await field('开始日期 Start date').fill('2027-01-01');
		await field('结束日期 End date').fill(endDate);
		return page;
	}

	it('the research project form with its own example values: a refusal names the field and writes nothing; corrected, the project is declared and the department asked', async () => {
		const from = await since();
		const fill = (endDate: string) => fillProject(endDate);
		const refused = await submit(await fill('2026-12-31'), '申报未通过校验', '提交申报');
		expect(refused).toContain('请修改「结束日期 End Date」');
		expect(refused).toContain('未保存');
		expect(await store.db.selectFrom('registry_project').select('id').execute()).toEqual([]);

		await submit(await fill('2028-12-31'), '申报已提交', '提交申报');
		const mail = await mailTo(platform, 'dept-head@college.example.edu.cn', 'KY-2026-012', from);
		expect(mail.subject).toContain('产教融合背景下现场工程师培养模式研究');
		// a second project, so three requests from two workflows wait on the head
		await submit(await fillProject('2028-06-30', 'KY-2026-014'), '申报已提交', '提交申报');
		await mailTo(platform, 'dept-head@college.example.edu.cn', 'KY-2026-014', from);
		expect(await store.db.selectFrom('registry_project').select('status').execute()).toEqual([
			{ status: 'applied' },
			{ status: 'applied' },
		]);
	});

	it('the ledger import form: an uploaded xlsx lands in the registry', async () => {
		const number = buildPatentNumber(2023, 1, 2002);
		const book = new ExcelJS.Workbook();
		const sheet = book.addWorksheet('专利台账');
		sheet.addRow([
			'申请号',
			'专利名称',
			'专利类型',
			'申请日',
			'发明人',
			'专利权人',
			'法律状态',
			'授权日',
		]);
		sheet.addRow([
			number,
			'一种刀具磨损检测方法',
			'发明',
			'2023-05-06',
			'李老师',
			'市职业技术学院',
			'实质审查',
			'',
		]);
		const path = join(dir, 'ledger.xlsx');
		await book.xlsx.writeFile(path);
		const page = await openForm('registry-ledger-import.json');
		await page.setInputFiles('input[type="file"]', path);
		// an ending page of the workflow's own: Chinese first, nothing of n8n's English default
		expect(await submit(page, '台账已导入 Ledger imported', '上传导入')).not.toContain(
			'Form Submitted',
		);
		const rows = await store.db
			.selectFrom('registry_patent')
			.select(['application_no', 'title'])
			.execute();
		expect(rows).toEqual(
			[{ application_no: number.replace('.', ''), title: '一种刀具磨损检测方法' }].map((r) =>
				expect.objectContaining({ title: r.title }),
			),
		);
	});

	it.each(SCHEDULES)('%s runs by hand to success', async (file) => {
		const { id } = shipped(file);
		const from = await since();
		const res = await fetch(`${platform.url}webhook/${hookPath(id)}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{}',
		});
		expect(res.status).toBe(200);
		let runs: Array<{ status: string }> = [];
		for (
			let i = 0;
			i < 600 &&
			!(runs.length && runs.every((r) => !['running', 'new', 'waiting'].includes(r.status)));
			i++
		) {
			await new Promise((r) => setTimeout(r, 200));
			runs = await executionsOf(platform, id);
		}
		expect({
			statuses: runs.map((r) => r.status),
			error: await errorOf(runs[0] as { id: string; status: string }),
		}).toEqual({ statuses: ['success'], error: null });
		if (file === 'exchange-monthly-report.json')
			expect(
				(await mailTo(platform, 'secretariat@consortium.example.cn', '合规月报', from)).attachments,
			).toHaveLength(1);
		if (file === 'kpi-scoreboard.json')
			await mailTo(platform, 'council-chair@consortium.example.cn', '', from);
		if (file === 'approval-inbox-digest.json')
			inboxMail = await mailTo(platform, HEAD, '待办', from);
	});

	it('the inbox link from the digest lists the three requests waiting on the head from two forms, decides nothing by itself, and decides all three through their pages', async () => {
		const inbox = /https?:\/\/\S+inbox=[A-Za-z0-9_-]+/.exec(inboxMail!.text)![0];
		const pendingOfHead = async () =>
			(
				await store.db
					.selectFrom('approval_slot')
					.select(['status', 'request_id'])
					.where('email', '=', HEAD)
					.where('status', '=', 'pending')
					.execute()
			).length;
		const before = await pendingOfHead();
		// the placement (SJ-) and the project (XM-) forms each asked the head
		const page = await browser.newPage({ viewport: PHONE });
		await page.goto(inbox);
		const shown = await page.innerText('body');
		expect(shown).toContain('待办审批');
		expect(shown).toMatch(/SJ-\d{4}-\d{4}/);
		expect(shown).toMatch(/XM-\d{4}-\d{4}/);
		const entries = await page
			.locator('a.open')
			.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
		expect(entries).toHaveLength(before);
		expect(
			await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
		).toBeLessThanOrEqual(0);
		await page.screenshot({
			path: join(REPO, 'docs', 'screenshots', 'inbox-phone.png'),
			fullPage: true,
		});
		await page.close();
		// opening the inbox (as a mail scanner would) decided nothing
		expect(await pendingOfHead()).toBe(before);

		// the head decides all of them from this one link, each on its own page
		expect(before).toBe(3);
		for (const [n, entry] of entries.entries()) {
			const after = await decideInBrowser(browser, entry, {
				decision: 'approve',
				comment: '从待办页审批 From the inbox',
				viewport: PHONE,
				expectText: ['请审批'],
			});
			expect(after).toContain('已同意');
			expect(await pendingOfHead()).toBe(before - n - 1);
			const again = await browser.newPage({ viewport: PHONE });
			await again.goto(inbox);
			expect(await again.locator('a.open').count()).toBe(before - n - 1);
			if (n === entries.length - 1) expect(await again.innerText('body')).toContain('暂无待办');
			await again.close();
		}
	});

	it('the head delegates from the inbox page; the next project goes to the deputy, who decides it on a phone, audited as 代 the head', async () => {
		const DEPUTY = 'deputy-head@college.example.edu.cn';
		const inbox = /https?:\/\/\S+inbox=[A-Za-z0-9_-]+/.exec(inboxMail!.text)![0];
		const page = await browser.newPage({ viewport: PHONE });
		await page.goto(inbox);
		const field = (label: string) => page.getByLabel(label, { exact: false }).first();
		await field('受托人邮箱 Deputy email').fill(DEPUTY);
		// from stays today (the page's default, in the consortium's zone)
		await field('结束日期').fill('2099-12-31');
		await Promise.all([page.waitForNavigation(), page.click('button[value="delegate"]')]);
		const delegated = await page.innerText('body');
		await page.close();
		expect(delegated).toContain('已委托');
		expect(delegated).toContain(DEPUTY);

		const from = await since();
		await submit(await fillProject('2028-12-31', 'KY-2026-013'), '申报已提交', '提交申报');
		const mail = await mailTo(platform, DEPUTY, 'KY-2026-013', from);
		expect(
			(await platform.mail.messages())
				.slice(from)
				.filter((m) => m.to.includes(HEAD) && m.subject.includes('KY-2026-013')),
		).toEqual([]);
		const after = await decideInBrowser(browser, linkIn(mail), {
			decision: 'approve',
			comment: '代为审核同意',
			viewport: PHONE,
			expectText: [`您代 ${HEAD} 审批`],
		});
		expect(after).toContain('已同意');
		const handed = await store.db
			.selectFrom('audit')
			.select('entity_id')
			.where('entity_type', '=', 'approval_slot')
			.where('action', '=', 'delegated')
			.where('changes', 'like', `%${DEPUTY}%`)
			.executeTakeFirstOrThrow();
		const decided = await store.db
			.selectFrom('audit')
			.select(['action', 'changes'])
			.where('entity_type', '=', 'approval_slot')
			.where('entity_id', '=', handed.entity_id)
			.execute();
		expect(decided.map((a) => a.action).sort()).toEqual(['approve', 'delegated']);
		const approve = decided.find((a) => a.action === 'approve')!;
		expect(JSON.parse(approve.changes!)).toMatchObject({ onBehalfOf: HEAD });
		expect(
			await store.db
				.selectFrom('audit')
				.select('actor')
				.where('entity_type', '=', 'approval_delegation')
				.execute(),
		).toEqual([{ actor: HEAD }]);
	});
});
