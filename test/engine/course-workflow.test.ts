import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { IBinaryKeyData } from 'n8n-workflow';
import { courses } from '../../core/course';
import { closeAllStores, openStore, type Store } from '../../core/store';
import { seedDirectory, type Directory } from '../helpers/course';
import { freshStoreConfig, testDialects } from '../helpers/dialects';
import { approvalLinkIn, mailsTo as mailsToAddress, startSmtp } from '../helpers/smtp';
import { WaitingServer } from '../helpers/waiting-server';
import { clickDecision, manageWorkflow, queryOf } from './approval-helpers';
import { Engine, storeCredentials, type Execution } from './harness';

// The ledger lives where n8n lets workflows write files by default (~/.n8n-files; in n8n's
// Docker image the home is the user folder). The test's user folder stands in for it.
const FILES_DIR = join(process.env.N8N_USER_FOLDER!, '.n8n-files');
process.env.N8N_RESTRICT_FILE_ACCESS_TO = FILES_DIR;
mkdirSync(FILES_DIR, { recursive: true });

const FORM = '课程申报表单 Proposal Form';
const WRITE_LEDGER = '写入台账 Write Ledger';
const SHIPPED = JSON.parse(
	readFileSync(join(__dirname, '..', '..', 'workflows', 'course-proposal-approval.json'), 'utf8'),
);

/** The shipped workflow, with only the ledger path pointed at this run's folder. */
function workflowWithLedger(path: string) {
	const copy = structuredClone(SHIPPED);
	copy.nodes.find((n: { name: string }) => n.name === WRITE_LEDGER).parameters.filePath = path;
	return copy;
}

/** What the n8n form hands the workflow on submission (form trigger v2.5: keys are the field names). */
function formItem(dir: Directory, code: string, name: string, extra: Record<string, unknown> = {}) {
	return {
		courseName: name,
		courseCode: code,
		courseType: '专业核心课',
		credits: 3,
		hoursTheory: 24,
		hoursPractice: 30,
		partners: `${dir.acme.name}、${dir.beta.name}`,
		enterpriseLead: dir.lead.email,
		team: [
			dir.teachers[0].email,
			dir.teachers[1].email,
			dir.teachers[2].email,
			dir.lead.email,
			dir.engineer.email,
		].join(', '),
		enterpriseShare: '40%',
		modules: '模块一：机器人基本操作\n模块二：离线编程',
		plannedDeliverables: ['活页式工作手册', '在线精品课程'],
		startTerm: '2026-2027-1',
		submitterName: '教师1',
		submitterEmail: dir.teachers[0].email,
		submittedAt: '2026-11-28T10:00:00.000+08:00',
		formMode: 'production',
		...extra,
	};
}

const CHAIN = [
	'dept-head@college.example.edu.cn',
	'wang@acme.example.com',
	'jwc@college.example.edu.cn',
	'secretariat@consortium.example.cn',
];

describe.each(testDialects())(
	'course proposal approval workflow in the n8n engine (%s)',
	(dialect) => {
		let engine: Engine;
		let store: Store;
		let dir: Directory;
		let smtp: Awaited<ReturnType<typeof startSmtp>>;
		const waiting = new WaitingServer(() => engine);
		const ledgerPath = join(FILES_DIR, `课程共建台账-${dialect}.xlsx`);
		const workflow = workflowWithLedger(ledgerPath);

		beforeAll(async () => {
			smtp = await startSmtp();
			await waiting.start();
			const config = await freshStoreConfig(dialect);
			engine = new Engine({
				credentials: { ...storeCredentials(config), smtp: smtp.credential as never },
				webhookWaitingBaseUrl: waiting.baseUrl,
				workflows: [workflow],
			});
			store = await openStore(config);
			dir = await seedDirectory(store);
			// A stale ledger from before: it is rebuilt from the store, never read back. (It must
			// exist: under jest, n8n-core's check for a missing file misses Node's ENOENT, whose
			// Error comes from another realm, so the first write of a new file fails here although
			// it works in n8n.)
			const book = new ExcelJS.Workbook();
			const sheet = book.addWorksheet('课程共建台账');
			sheet.addRow(['课程代码', '课程名称', '课程类型', '学分', '立项日期']);
			sheet.addRow(['ZN-2025-009', '电工基础实训', '专业课', 2, '2025-10-15']);
			await book.xlsx.writeFile(ledgerPath);
		});
		afterAll(async () => {
			await store.close();
			await closeAllStores();
			await waiting.stop();
			await smtp.close();
		});

		const mailsTo = (address: string, since = 0) => mailsToAddress(smtp, address, since);
		const linkIn = approvalLinkIn;

		/** The form's execution answers on its ending page; the approval waits in the execution it started. */
		async function submit(
			code: string,
			name: string,
			extra: Record<string, unknown> = {},
			binary?: IBinaryKeyData,
		): Promise<{ execution: Execution; since: number; form: Execution }> {
			const since = smtp.mails.length;
			const started = engine.subExecutions.length;
			const form = await engine.run(workflow, {
				startNode: FORM,
				items: [formItem(dir, code, name, extra)],
				binaries: [binary],
			});
			expect(form.error()).toBeUndefined();
			expect(form.data.resultData.lastNodeExecuted).toBe('申报已提交 Submitted');
			expect(engine.subExecutions).toHaveLength(started + 1);
			const execution = engine.subExecutions[started];
			expect(execution.error()).toBeUndefined();
			expect(execution.status).toBe('waiting');
			return { execution: waiting.track(execution), since, form };
		}

		/** A refused submission ends on the form's refusal page, naming the field, with nothing started. */
		async function refused(code: string, extra: Record<string, unknown>, binary?: IBinaryKeyData) {
			const started = engine.subExecutions.length;
			const form = await engine.run(workflow, {
				startNode: FORM,
				items: [formItem(dir, code, '被拒申报', extra)],
				binaries: [binary],
			});
			expect(form.error()).toBeUndefined();
			expect(form.data.resultData.lastNodeExecuted).toBe('申报未通过 Refused');
			expect(engine.subExecutions).toHaveLength(started);
			expect((await courses.list(store, { code })).items).toHaveLength(0);
			return form.output('申报未通过 Refused')[0];
		}

		/** One approver opens the link in their latest email and decides. */
		async function decide(
			execution: Execution,
			approver: string,
			since: number,
			decision: 'approve' | 'reject',
			comment = '',
		) {
			const [mail] = mailsTo(approver, since)
				.filter((m) => m.subject.includes('审批'))
				.slice(-1);
			expect(mail).toBeDefined();
			const done = await clickDecision(engine, execution, linkIn(mail), decision, comment);
			expect(done.resumed).toBe(true);
			if (done.execution.error())
				throw new Error(
					`${done.execution.data.resultData.lastNodeExecuted}: ${done.execution.error()}`,
				);
			return waiting.track(done.execution);
		}

		async function ledgerRows(): Promise<Array<Record<string, unknown>>> {
			const book = new ExcelJS.Workbook();
			await book.xlsx.readFile(ledgerPath);
			const sheet = book.getWorksheet('课程共建台账')!;
			const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
			const rows: Array<Record<string, unknown>> = [];
			sheet.eachRow((row, n) => {
				if (n === 1) return;
				const values = (row.values as unknown[]).slice(1);
				rows.push(Object.fromEntries(header.map((h, i) => [h, values[i]])));
			});
			return rows;
		}

		it('approved path: form → course submitted → four stages by email link → 立项, submitter emailed, ledger row appended', async () => {
			let { execution, since } = await submit('ZN-WF-001', '工业机器人编程与调试');
			const [course] = (await courses.list(store, { code: 'ZN-WF-001' })).items;
			expect(course).toMatchObject({
				status: 'under_approval',
				teamSize: 5,
				plannedDeliverables: 'workbook, online_course',
				submitterEmail: 't1@college.edu.cn',
			});

			for (const [i, approver] of CHAIN.entries()) {
				const requests = mailsTo(approver, since);
				expect(requests).toHaveLength(1);
				expect(requests[0].subject).toContain('《工业机器人编程与调试》课程共建立项 ZN-WF-001');
				expect(requests[0].text).toContain('合作企业: 星河智能制造有限公司、海峡数控装备有限公司');
				// Until the last stage decides, nothing of the result has happened yet.
				expect((await courses.get(store, course.id)).status).toBe('under_approval');
				execution = await decide(execution, approver, since, 'approve', `同意 ${i + 1}`);
			}
			expect(execution.status).toBe('success');

			const approved = await courses.get(store, course.id);
			expect(approved).toMatchObject({
				status: 'approved',
				approvedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
			});
			const history = await courses.history(store, course.id);
			expect(history.map((h) => h.to)).toEqual(['submitted', 'under_approval', 'approved']);
			expect(history[2].note).toMatch(/^审批通过 Approved, KC-\d{4}-\d{4}$/);

			// One result mail, the package's own (escaped), not a second one built in the workflow.
			const results = mailsTo('t1@college.edu.cn', since);
			expect(results.map((m) => m.subject)).toEqual([
				expect.stringMatching(
					/^\[KC-\d{4}-\d{4}\] 审批结果：已通过 Result: Approved: 《工业机器人编程与调试》课程共建立项 ZN-WF-001$/,
				),
			]);

			// rebuilt from the store: the stale file's hand-typed row is gone, every approved course is there
			const [row] = await ledgerRows();
			expect(row).toMatchObject({
				课程代码: 'ZN-WF-001',
				课程名称: '工业机器人编程与调试',
				课程类型: '专业核心课',
				学分: 3,
				总学时: 54,
				合作企业: '星河智能制造有限公司、海峡数控装备有限公司',
				企业负责人: '王师傅',
				企业授课比例: '40%',
				计划成果: '活页式工作手册、在线精品课程',
				立项日期: approved.approvedOn,
				审批编号: expect.stringMatching(/^KC-\d{4}-\d{4}$/),
			});
			expect(row['课程 ID']).toBe(course.id);

			// A second approved course is appended below the first; the ledger keeps both.
			let second = await submit('ZN-WF-002', '数控加工工艺');
			for (const approver of CHAIN)
				second.execution = await decide(second.execution, approver, second.since, 'approve');
			expect((await ledgerRows()).map((r) => r['课程代码'])).toEqual(['ZN-WF-001', 'ZN-WF-002']);
		});

		it("the form's 课程大纲 travels through Check, Create and Submit to the approval: listed on the page, downloaded with the token", async () => {
			const syllabus = Buffer.concat([
				Buffer.from('%PDF-1.4\n'),
				Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7) % 256)),
			]);
			const { execution, since } = await submit(
				'ZN-WF-010',
				'工业视觉检测',
				{},
				{
					syllabus: {
						data: syllabus.toString('base64'),
						fileName: '课程大纲-工业视觉检测.pdf',
						mimeType: 'application/pdf',
					},
				},
			);
			const [mail] = mailsTo(CHAIN[0], since);
			const query = Object.fromEntries(new URL(linkIn(mail)).searchParams);
			const page = await engine.webhook(execution, { method: 'GET', query });
			expect(page.response.body).toContain('课程大纲-工业视觉检测.pdf');
			expect(page.response.body).toContain('2.9 KB');
			const href = /<a class="file" href="([^"]+)"/
				.exec(page.response.body)![1]
				.replace(/&amp;/g, '&');
			const file = new URL(href).searchParams.get('file');
			const download = await engine.webhook(execution, {
				method: 'GET',
				query: { ...query, file },
			});
			expect(download.resumed).toBe(false);
			expect(download.response.statusCode).toBe(200);
			expect(download.response.bytes.equals(syllabus)).toBe(true);
			const refused = await engine.webhook(execution, {
				method: 'GET',
				query: { token: 'A'.repeat(43), file },
			});
			expect(refused.response.statusCode).toBe(403);
			expect(refused.response.body).toContain('无权下载附件');
		});

		it('rejection: the enterprise rejects with a reason → course returned for revision with it, submitter emailed, no ledger row', async () => {
			const before = (await ledgerRows()).length;
			let { execution, since } = await submit('ZN-WF-003', '智能产线运维');
			execution = await decide(execution, CHAIN[0], since, 'approve');
			execution = await decide(
				execution,
				CHAIN[1],
				since,
				'reject',
				'企业授课比例偏低，请增加实训项目',
			);
			expect(execution.status).toBe('success');
			expect(execution.runs('撤回课程 Withdraw Course')).toHaveLength(0);
			expect(mailsTo(CHAIN[2], since)).toHaveLength(0);

			const [course] = (await courses.list(store, { code: 'ZN-WF-003' })).items;
			expect(course).toMatchObject({
				status: 'returned',
				statusReason: '王师傅：企业授课比例偏低，请增加实训项目',
			});
			const [mail, ...more] = mailsTo('t1@college.edu.cn', since);
			expect(more).toEqual([]);
			expect(mail.subject).toMatch(
				/审批结果：未通过 Result: Rejected: 《智能产线运维》课程共建立项 ZN-WF-003$/,
			);
			expect(mail.text).toContain('企业授课比例偏低，请增加实训项目');
			expect(await ledgerRows()).toHaveLength(before);
			// Returned means editable again, and resubmittable.
			await courses.update(
				store,
				course.id,
				{ enterpriseShare: '50%' },
				{ actor: { actor: 'test' }, timeZone: 'Asia/Shanghai' },
			);
			expect(
				(
					await courses.submit(
						store,
						course.id,
						{},
						{ actor: { actor: 'test' }, timeZone: 'Asia/Shanghai' },
					)
				).status,
			).toBe('submitted');
		});

		it('withdrawal: the submitter withdraws mid-approval → execution resumes, course withdrawn, submitter emailed, old links dead', async () => {
			let { execution, since } = await submit('ZN-WF-004', '工业网络安全');
			execution = await decide(execution, CHAIN[0], since, 'approve');
			const requestNumber = /KC-\d{4}-\d{4}/.exec(mailsTo(CHAIN[1], since)[0].text)![0];
			const manage = await engine.run(
				manageWorkflow('withdraw', {
					requestId: requestNumber,
					withdrawnBy: 't1@college.edu.cn',
					note: '团队调整后再报',
				}),
			);
			expect(manage.error()).toBeUndefined();
			expect(manage.output('Manage')[0]).toMatchObject({
				reason: 'withdrawn',
				executionResumed: true,
			});

			const resumed = waiting.latest(execution);
			expect(resumed.status).toBe('success');
			expect(resumed.output('撤回课程 Withdraw Course')[0]).toMatchObject({
				code: 'ZN-WF-004',
				status: 'withdrawn',
				statusReason: '团队调整后再报',
			});
			expect(resumed.runs('退回修改 Return to Draft')).toHaveLength(0);
			const mine = mailsTo('t1@college.edu.cn', since);
			expect(mine.length).toBeLessThanOrEqual(1);

			const stale = mailsTo(CHAIN[1], since)[0];
			// The approver opens the link from the email that came before the withdrawal.
			const page = await engine.webhook(execution, {
				method: 'GET',
				query: Object.fromEntries(new URL(linkIn(stale)).searchParams),
			});
			expect(page.resumed).toBe(false);
			expect(page.response.body).toContain('申请已撤回');
			const [course] = (await courses.list(store, { code: 'ZN-WF-004' })).items;
			await expect(
				courses.advance(
					store,
					course.id,
					'approved',
					{},
					{ actor: { actor: 'test' }, timeZone: 'Asia/Shanghai' },
				),
			).rejects.toThrow(/from "withdrawn" to "approved"/);
		});

		it('退回修改: a returned course is corrected through the prefilled form and approved under the same number', async () => {
			let { execution, since } = await submit('ZN-WF-005', '工业视觉检测');
			execution = await decide(execution, CHAIN[0], since, 'approve');
			const [enterpriseMail] = mailsTo(CHAIN[1], since);
			const number = /KC-\d{4}-\d{4}/.exec(enterpriseMail.text)![0];
			const link = linkIn(enterpriseMail);
			const back = await clickDecision(engine, execution, link, 'return', '企业授课比例请改为 50%');
			expect(back.resumed).toBe(true);
			expect(back.response.body).toContain('已退回修改');
			expect(back.execution.error()).toBeUndefined();
			expect(back.execution.status).toBe('success');
			const [course] = (await courses.list(store, { code: 'ZN-WF-005' })).items;
			expect(course).toMatchObject({ status: 'returned', statusReason: '企业授课比例请改为 50%' });

			// The submitter's mail carries the amend link: the shipped form, prefilled.
			const [returnMail, ...others] = mailsTo('t1@college.edu.cn', since);
			expect(others).toEqual([]);
			expect(returnMail.subject).toMatch(/退回修改 Returned for amendment: 《工业视觉检测》/);
			expect(returnMail.text).toContain('企业授课比例请改为 50%');
			const amendLink = new URL(/(http:\/\/\S+\/form\/\S+)/.exec(returnMail.text)![1]);
			expect(amendLink.pathname).toBe('/form/c0c75e00-4a1b-4c2d-8e3f-00000000f001');
			const prefill = Object.fromEntries(amendLink.searchParams);
			expect(prefill).toMatchObject({
				courseName: '工业视觉检测',
				courseCode: 'ZN-WF-005',
				enterpriseShare: '40%',
				submitterEmail: 't1@college.edu.cn',
				amend: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
			});

			// What n8n's form hands the workflow: the prefilled fields, one of them changed.
			const started = engine.subExecutions.length;
			const corrected = await engine.run(workflow, {
				startNode: FORM,
				items: [
					formItem(dir, 'ZN-WF-005', '工业视觉检测', {
						enterpriseShare: '50%',
						amend: prefill.amend,
					}),
				],
			});
			expect(corrected.error()).toBeUndefined();
			expect(corrected.data.resultData.lastNodeExecuted).toBe('申报已提交 Submitted');
			expect((await courses.list(store, { code: 'ZN-WF-005' })).items).toHaveLength(1);
			expect((await courses.get(store, course.id)).enterpriseShare).toBe(0.5);
			execution = waiting.track(engine.subExecutions[started]);
			expect(execution.error()).toBeUndefined();
			expect(execution.status).toBe('waiting');

			// The stage that returned it decides again, under the same number; then the rest.
			const again = mailsTo(CHAIN[1], since);
			expect(again).toHaveLength(2);
			expect(again[1].subject).toContain(`[${number}]`);
			expect(again[1].text).toContain('企业授课比例: 50%');
			const stale = await engine.webhook(execution, { method: 'GET', query: queryOf(link) });
			expect(stale.response.body).toContain('已退回修改');
			for (const approver of CHAIN.slice(1))
				execution = await decide(execution, approver, since, 'approve');
			expect(execution.status).toBe('success');
			expect(await courses.get(store, course.id)).toMatchObject({ status: 'approved' });
			const history = await courses.history(store, course.id);
			expect(history.at(-1)!.note).toBe(`审批通过 Approved, ${number}`);

			// The amend link works once: the same form submitted again is refused, nothing changes.
			const replay = await engine.run(workflow, {
				startNode: FORM,
				items: [formItem(dir, 'ZN-WF-005', '工业视觉检测', { amend: prefill.amend })],
			});
			expect(replay.data.resultData.lastNodeExecuted).toBe('修改链接无效 Amend Link Invalid');
			expect(engine.subExecutions).toHaveLength(started + 1);
		});

		it('a refused proposal gets a page naming the field and writes nothing; corrected, the same code goes through', async () => {
			const share = await refused('ZN-WF-BAD', { enterpriseShare: '10%' });
			expect(share).toMatchObject({
				valid: false,
				field: 'enterpriseShare',
				fieldLabel: expect.stringContaining('企业授课比例'),
			});
			expect(share.message).toMatch(/^请修改「企业授课比例/);
			expect((await refused('ZN-WF-BAD', { partners: '无名公司' })).message).toContain('合作企业');
			expect((await refused('ZN-WF-BAD', { submitterEmail: 'not-an-email' })).field).toBe(
				'submitterEmail',
			);
			// the enterprise lead proposing a course would approve it at the second stage
			const self = await refused('ZN-WF-BAD', { submitterEmail: 'wang@acme.example.com' });
			expect(self).toMatchObject({
				field: 'submitterEmail',
				message: expect.stringContaining('提交人不能审批自己的申请'),
			});
			// a syllabus over the 20 MB limit is refused on the form, before anything is saved
			const big = await refused(
				'ZN-WF-BAD',
				{},
				{
					syllabus: {
						data: Buffer.alloc(20 * 1024 * 1024 + 1, 0x25).toString('base64'),
						fileName: 'huge.pdf',
						mimeType: 'application/pdf',
					},
				},
			);
			expect(big).toMatchObject({ valid: false, field: 'syllabus' });
			expect(big.message).toContain('附件 syllabus 过大');
			const markup = await refused('ZN-WF-BAD', { partners: '<img src=x onerror=alert(1)>' });
			expect(markup.messageHtml).toContain('&lt;img src=x onerror=alert(1)&gt;');
			expect(markup.messageHtml).not.toContain('<img');
			expect(
				await store.db
					.selectFrom('approval_request')
					.select('id')
					.where('title', 'like', '%ZN-WF-BAD%')
					.execute(),
			).toEqual([]);

			await submit('ZN-WF-BAD', '修改后的申报');
			expect((await courses.list(store, { code: 'ZN-WF-BAD' })).items[0]).toMatchObject({
				status: 'under_approval',
			});
			// and now the code is taken: a second proposal with it is refused on the form
			const again = await engine.run(workflow, {
				startNode: FORM,
				items: [formItem(dir, 'ZN-WF-BAD', '重复申报')],
			});
			expect(again.data.resultData.lastNodeExecuted).toBe('申报未通过 Refused');
			expect(again.output('申报未通过 Refused')[0]).toMatchObject({
				field: 'code',
				message: expect.stringMatching(/课程代码「ZN-WF-BAD」已被.*占用/),
			});
			expect((await courses.list(store, { code: 'ZN-WF-BAD' })).items).toHaveLength(1);
		});
	},
);
