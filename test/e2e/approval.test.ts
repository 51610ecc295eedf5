// A two-stage approval through the real n8n server, its real SMTP mail and a real browser:
// link scanners fetch every link first and decide nothing, n8n restarts while the request
// waits, a reminder run sends the same link, and people decide stage after stage.
// A real n8n starts in about a minute on an idle 2-core machine, several on a busy one.
jest.setTimeout(900000);

import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { Store } from '../../core/store';
import { closeAllStores } from '../../core/store';
import { DESKTOP, PHONE, launchChromium } from './browser';
import {
	decideInBrowser,
	executionsOf,
	linkIn,
	mailTo,
	record,
	requestNumberIn,
	scannerFetches,
	storeOf,
	untilSettled,
	untilWaiting,
} from './approvalFlow';
import { startPlatform, type Platform } from './platform';

const fixture = (name: string) => join(__dirname, 'fixtures', name);
const HEAD = 'head@college.edu.cn';
const PARTNER = 'partner@xinghe.example.com';
const SUBMITTER = 'teacher@college.edu.cn';

const proposal = (title: string) => ({
	title,
	id: 'crs-e2e',
	fields: { 学时: '64', 合作企业: '星河智能制造有限公司' },
	submitter: SUBMITTER,
	submitterName: '陈老师',
	cc: 'office@college.edu.cn',
	stages: [
		{
			name: '系部审核 Department Review',
			mode: 'any',
			approvers: `张主任 <${HEAD}>`,
			dueHours: 72,
			timeoutAction: 'none',
		},
		{
			name: '企业确认 Enterprise Confirmation',
			mode: 'any',
			approvers: `李经理 <${PARTNER}>`,
			dueHours: 72,
			timeoutAction: 'none',
		},
	],
});

describe('approval by email link in a real n8n', () => {
	let platform: Platform;
	let browser: Browser;
	let store: Store;
	const workflowId = 'e2eApprovalEmail1';
	const submit = (body: object) =>
		fetch(`${platform.url}webhook/e2e-approval`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});

	beforeAll(async () => {
		[platform, browser] = await Promise.all([
			startPlatform([
				fixture('approval-email.workflow.json'),
				fixture('approval-remind.workflow.json'),
			]),
			launchChromium(),
		]);
		store = await storeOf(platform);
	});
	afterAll(async () => {
		await closeAllStores();
		await browser?.close();
		await platform?.stop();
	});

	it('scanners decide nothing, a restart keeps the wait, a reminder resends the link, two stages approve', async () => {
		expect(platform.setup.workflows.map((w) => [w.id, w.active])).toEqual([
			['e2eApprovalEmail1', true],
			['approvalLinks000001', true],
			['e2eApprovalRemind1', true],
		]);
		expect((await submit(proposal('《工业机器人运维》课程共建立项'))).status).toBe(200);

		const first = await mailTo(platform, HEAD, '请审批');
		const number = requestNumberIn(first);
		const link = linkIn(first);
		const cc = await mailTo(platform, 'office@college.edu.cn', '抄送');
		expect(cc.subject).toContain(number);

		// Safe Links and Teams fetch the link before anyone clicks
		await untilWaiting(platform, workflowId, 1);
		expect(await scannerFetches(link, ['GET', 'HEAD'])).toEqual([200, 200, 200, 200]);
		let rec = await record(store, number);
		expect(rec.status).toBe('pending');
		expect(rec.stages[0].approvers.map((a) => a.status)).toEqual(['pending']);
		expect(await executionsOf(platform, workflowId)).toEqual([
			expect.objectContaining({ status: 'waiting' }),
		]);

		// 催办: the reminder carries the very same link
		const before = (await platform.mail.messages()).length;
		const remind = await fetch(`${platform.url}webhook/e2e-remind`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ requestId: number }),
		});
		expect(remind.status).toBe(200);
		const reminder = await mailTo(platform, HEAD, '催办', before);
		expect(linkIn(reminder)).toBe(link);

		// n8n restarts while the request waits; the link still works afterwards
		await platform.restartN8n();
		expect(await executionsOf(platform, workflowId)).toEqual([
			expect.objectContaining({ status: 'waiting' }),
		]);

		const page1 = await decideInBrowser(browser, link, {
			decision: 'approve',
			comment: '同意立项，建议增加实训学时。',
			viewport: PHONE,
			expectText: ['《工业机器人运维》课程共建立项', number, '星河智能制造有限公司', '系部审核'],
		});
		expect(page1).toContain('已同意');

		const second = await mailTo(platform, PARTNER, '请审批');
		const link2 = linkIn(second);
		expect(link2).not.toBe(link);
		await untilWaiting(platform, workflowId, 1);
		// the used first-stage link only says so while the request goes on
		expect(await (await fetch(link)).text()).toContain('已审批过');
		expect(await scannerFetches(link2, ['GET', 'HEAD'])).toEqual([200, 200, 200, 200]);
		rec = await record(store, number);
		expect(rec.stages.map((s) => s.approvers.map((a) => a.status))).toEqual([
			['approved'],
			['pending'],
		]);

		const page2 = await decideInBrowser(browser, link2, {
			decision: 'approve',
			comment: '企业可提供实训场地与兼职教师。',
			viewport: DESKTOP,
			expectText: [number, '企业确认', '同意立项，建议增加实训学时。'],
		});
		expect(page2).toContain('已同意');

		const result = await mailTo(platform, SUBMITTER, '审批结果');
		expect(result.subject).toContain(number);
		expect(result.cc).toContain('office@college.edu.cn');
		rec = await record(store, number);
		expect(rec.status).toBe('approved');
		expect(
			rec.stages.flatMap((s) => s.approvers.map((a) => [a.email, a.status, a.comment])),
		).toEqual([
			[HEAD, 'approved', '同意立项，建议增加实训学时。'],
			[PARTNER, 'approved', '企业可提供实训场地与兼职教师。'],
		]);
		await untilSettled(platform, workflowId);
		expect(await executionsOf(platform, workflowId)).toEqual([
			expect.objectContaining({ status: 'success' }),
		]);

		// once the execution has finished, the links still answer with this package's page, and nothing changes
		const after = await fetch(link);
		expect([after.status, after.headers.get('content-type'), await after.text()]).toEqual([
			410,
			'text/html; charset=utf-8',
			expect.stringContaining('已审批过'),
		]);
		const late = await fetch(link2, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'decision=reject',
		});
		expect([late.status, await late.text()]).toEqual([404, expect.stringContaining('链接无效')]);
		expect(await record(store, number)).toEqual(rec);
	});

	it('answers HEAD on an approval link as it answers GET (link checkers and previews send HEAD)', async () => {
		const before = (await platform.mail.messages()).length;
		expect((await submit(proposal('《传感器技术》课程共建立项'))).status).toBe(200);
		const mail = await mailTo(platform, HEAD, '《传感器技术》', before);
		await untilWaiting(platform, workflowId, 1);
		expect(await scannerFetches(linkIn(mail), ['HEAD'])).toEqual([200, 200]);
		expect(
			(await record(store, requestNumberIn(mail))).stages[0].approvers.map((a) => a.status),
		).toEqual(['pending']);
	});

	it('a rejection at the first stage ends the request and tells the submitter', async () => {
		const before = (await platform.mail.messages()).length;
		expect((await submit(proposal('《数控编程》课程共建立项'))).status).toBe(200);
		const mail = await mailTo(platform, HEAD, '《数控编程》', before);
		const number = requestNumberIn(mail);
		await untilWaiting(platform, workflowId, 2);
		const after = await decideInBrowser(browser, linkIn(mail), {
			decision: 'reject',
			comment: '合作企业资质材料不全。',
			viewport: PHONE,
			expectText: ['《数控编程》课程共建立项'],
		});
		expect(after).toContain('已拒绝');
		const result = await mailTo(platform, SUBMITTER, `[${number}] 审批结果`, before);
		expect(result.text).toContain('合作企业资质材料不全。');
		const rec = await record(store, number);
		expect(rec.status).toBe('rejected');
		expect(rec.stages[1].approvers.map((a) => a.status)).not.toContain('approved');
	});
});
