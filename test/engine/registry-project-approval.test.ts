import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projects } from '../../core/registry';
import { people } from '../../core/directory';
import { closeAllStores, openStore, type Store } from '../../core/store';
import { actor, seedDirectory, type Directory } from '../helpers/course';
import { freshStoreConfig, testDialects } from '../helpers/dialects';
import { registryWorkflow } from '../helpers/registry-engine';
import { rowCounts } from '../helpers/row-counts';
import {
	approvalLinkIn,
	mailsTo as mailsToAddress,
	startSmtp,
	type ReceivedMail,
} from '../helpers/smtp';
import { WaitingServer } from '../helpers/waiting-server';
import { clickDecision, formFields, manageWorkflow, queryOf } from './approval-helpers';
import { Engine, storeCredentials, type Execution } from './harness';

/** The shipped file itself, exactly as `npm start` imports it. */
const workflow = JSON.parse(
	readFileSync(join(__dirname, '..', '..', 'workflows', 'registry-project-approval.json'), 'utf8'),
);
const WORKFLOW_ACTOR = 'n8n:workflow:registryProjectApproval01';
const FORM = '科研项目申报表单 Project Form';
const SUBMITTED = '申报已提交 Submitted';
const REFUSED = '申报未通过 Refused';
/** Everything a declaration could write: the project and what comes with it, audit, an approval. */
const TABLES = [
	'registry_project',
	'registry_milestone',
	'registry_status_history',
	'registry_deadline',
	'audit',
	'approval_request',
	'approval_stage',
	'approval_slot',
] as const;
const DEPT = 'dept-head@college.example.edu.cn';
const RESEARCH = 'kyc@college.example.edu.cn';
const FINANCE = 'cwc@college.example.edu.cn';
const PI = 't1@college.edu.cn';

/** What the n8n form hands the workflow on submission (form trigger v2.5: keys are the field names). */
function formItem(projectNo: string, name: string, extra: Record<string, string | number> = {}) {
	return {
		projectName: name,
		projectNo,
		category: '纵向 Government-funded',
		level: '市厅级 Municipal',
		fundingBody: '市科学技术局',
		client: '',
		contractNo: '',
		piEmail: PI,
		// as people type them: one per line, a stray comma, any case
		members: 't2@college.edu.cn\nT3@college.edu.cn,\n',
		budget: 200000,
		startDate: '2026-09-01',
		endDate: '2028-08-31',
		midtermDue: '2027-09-15',
		notes: '面向智能制造产线的现场工程师培养路径与评价',
		submittedAt: '2026-06-20T10:00:00.000+08:00',
		formMode: 'production',
		...extra,
	};
}

describe.each(testDialects())(
	'research project registration workflow in the n8n engine (%s)',
	(dialect) => {
		let engine: Engine;
		let store: Store;
		let dir: Directory;
		let smtp: Awaited<ReturnType<typeof startSmtp>>;
		const waiting = new WaitingServer(() => engine);

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
			// the department head is a teacher too, and would review their own project alone
			await people.create(
				store,
				{ name: '系主任', kind: 'teacher', organisationId: dir.college.id, email: DEPT },
				actor,
			);
		});
		afterAll(async () => {
			await store.close();
			await closeAllStores();
			await waiting.stop();
			await smtp.close();
		});

		const mailsTo = (address: string, since = 0) => mailsToAddress(smtp, address, since);
		const linkIn = approvalLinkIn;

		/** The one approval request mail an approver received since `since`. */
		function requestMail(approver: string, since: number): ReceivedMail {
			const mails = mailsTo(approver, since).filter((m) =>
				m.subject.includes(' 请审批 Approval requested: '),
			);
			expect(mails).toHaveLength(1);
			return mails[0];
		}

		/** The form answers on its ending page; the approval waits in the execution it started. */
		async function submit(
			item: ReturnType<typeof formItem>,
		): Promise<{ execution: Execution; since: number }> {
			const since = smtp.mails.length;
			const started = engine.subExecutions.length;
			const form = await engine.run(workflow, { startNode: FORM, items: [item] });
			expect(form.error()).toBeUndefined();
			expect(form.data.resultData.lastNodeExecuted).toBe(SUBMITTED);
			expect(engine.subExecutions).toHaveLength(started + 1);
			const execution = engine.subExecutions[started];
			expect(execution.error()).toBeUndefined();
			expect(execution.status).toBe('waiting');
			return { execution: waiting.track(execution), since };
		}

		/** A refused declaration ends on the form's refusal page with nothing written, started or sent. */
		async function refused(item: ReturnType<typeof formItem>) {
			const before = await rowCounts(store, TABLES);
			const mails = smtp.mails.length;
			const started = engine.subExecutions.length;
			const form = await engine.run(workflow, { startNode: FORM, items: [item] });
			expect(form.error()).toBeUndefined();
			expect(form.data.resultData.lastNodeExecuted).toBe(REFUSED);
			expect(form.runs('登记项目 Create Project')).toHaveLength(0);
			expect(engine.subExecutions).toHaveLength(started);
			expect(await rowCounts(store, TABLES)).toEqual(before);
			expect(smtp.mails.length).toBe(mails);
			const [page] = form.output(REFUSED);
			expect(page.valid).toBe(false);
			return page;
		}

		/** One approver opens the link in their email and decides; `resumes` says whether that decision ends a stage. */
		async function decide(
			execution: Execution,
			approver: string,
			since: number,
			decision: 'approve' | 'reject',
			comment = '',
			resumes = true,
		) {
			const done = await clickDecision(
				engine,
				execution,
				linkIn(requestMail(approver, since)),
				decision,
				comment,
			);
			expect(done.resumed).toBe(resumes);
			if (done.execution.error())
				throw new Error(
					`${done.execution.data.resultData.lastNodeExecuted}: ${done.execution.error()}`,
				);
			return waiting.track(done.execution);
		}

		const projectByNo = async (projectNo: string) =>
			(await projects.list(store, { filters: { projectNo } })).items;
		const history = (projectId: string) =>
			store.db
				.selectFrom('registry_status_history')
				.select(['from_status', 'to_status', 'on_date', 'reason', 'actor'])
				.where('subject_type', '=', 'project')
				.where('subject_id', '=', projectId)
				.orderBy('at')
				.orderBy('id')
				.execute();
		const auditOf = (entityId: string) =>
			store.db
				.selectFrom('audit')
				.select(['action', 'actor', 'changes', 'ip'])
				.where('entity_id', '=', entityId)
				.orderBy('at')
				.orderBy('id')
				.execute();
		const requestFor = (projectId: string) =>
			store.db
				.selectFrom('approval_request')
				.selectAll()
				.where('subject_type', '=', 'project')
				.where('subject_id', '=', projectId)
				.executeTakeFirstOrThrow();

		it('approved path: form → project 申报 → 系部 → 科研处 + 财务处 会签 by email link → 立项 in the registry, audit rows, PI emailed', async () => {
			let { execution, since } = await submit(formItem('KY-WF-001', '现场工程师培养模式研究'));
			const [declared] = await projectByNo('KY-WF-001');
			expect(declared).toMatchObject({
				name: '现场工程师培养模式研究',
				category: 'vertical',
				level: 'municipal',
				fundingBody: '市科学技术局',
				piId: dir.teachers[0].id,
				memberIds: [dir.teachers[1].id, dir.teachers[2].id],
				budget: 200000,
				startDate: '2026-09-01',
				endDate: '2028-08-31',
				status: 'applied',
				notes: '面向智能制造产线的现场工程师培养路径与评价',
			});
			// The optional mid-term date became a milestone, hence a deadline owned by the PI.
			expect((await projects.get(store, declared.id)).milestones).toEqual([
				expect.objectContaining({ kind: 'midterm', dueOn: '2027-09-15', doneOn: null }),
			]);

			// 系部: one request mail; the page the link opens shows the summary and decides nothing.
			const deptMail = requestMail(DEPT, since);
			expect(deptMail.subject).toMatch(
				/^\[XM-\d{4}-\d{4}\] .*科研项目立项《现场工程师培养模式研究》 KY-WF-001$/,
			);
			const requestNumber = /XM-\d{4}-\d{4}/.exec(deptMail.subject)![0];
			expect(deptMail.text).toContain('项目类别: 纵向 Government-Funded');
			const page = await engine.webhook(execution, {
				method: 'GET',
				query: queryOf(linkIn(deptMail)),
			});
			expect(page.resumed).toBe(false);
			for (const shown of [
				'KY-WF-001',
				'市厅级',
				'市科学技术局',
				'教师1 &lt;t1@college.edu.cn&gt;',
				'教师2、教师3',
				'200,000 元',
				'2026-09-01 — 2028-08-31',
				'中期检查 Mid-term Check 2027-09-15',
			])
				expect(page.response.body).toContain(shown);
			expect(formFields(page.response.body).token).toBeTruthy();
			expect(mailsTo(RESEARCH, since)).toHaveLength(0);
			execution = await decide(execution, DEPT, since, 'approve', '同意申报');

			// 会签: both offices are asked at once; the first signature alone changes nothing.
			expect(requestMail(RESEARCH, since).subject).toContain(requestNumber);
			expect(requestMail(FINANCE, since).subject).toContain(requestNumber);
			execution = await decide(execution, RESEARCH, since, 'approve', '符合指南', false);
			expect(execution.status).toBe('waiting');
			expect((await projects.get(store, declared.id)).status).toBe('applied');
			execution = await decide(execution, FINANCE, since, 'approve', '预算合理');
			expect(execution.status).toBe('success');
			expect(execution.runs('是否撤回 Withdrawn?')).toHaveLength(0);

			const approved = await projects.get(store, declared.id);
			expect(approved).toMatchObject({
				status: 'approved',
				statusLabel: '立项 Approved',
				statusOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
				endReason: null,
			});
			expect(await history(declared.id)).toEqual([
				expect.objectContaining({
					from_status: null,
					to_status: 'applied',
					actor: `${WORKFLOW_ACTOR}:登记项目 Create Project`,
				}),
				{
					from_status: 'applied',
					to_status: 'approved',
					on_date: approved.statusOn,
					reason: `审批通过 Approved, ${requestNumber}`,
					actor: `${WORKFLOW_ACTOR}:立项 Mark Approved`,
				},
			]);

			// The audit trail: the record's creation and its one step, each by the node that did it …
			const projectAudit = await auditOf(declared.id);
			expect(projectAudit.map((a) => [a.action, a.actor])).toEqual([
				['create', `${WORKFLOW_ACTOR}:登记项目 Create Project`],
				['transition', `${WORKFLOW_ACTOR}:立项 Mark Approved`],
			]);
			expect(JSON.parse(projectAudit[1].changes!)).toMatchObject({
				status: ['applied', 'approved'],
				reason: `审批通过 Approved, ${requestNumber}`,
			});
			// … and the approval's: the request, then each decision with the clicker's address.
			const request = await requestFor(declared.id);
			expect(request).toMatchObject({
				number: requestNumber,
				status: 'approved',
				submitter_email: PI,
				submitter_name: '教师1',
			});
			expect((await auditOf(request.id)).map((a) => a.action)).toContain('create');
			const decisions = await store.db
				.selectFrom('audit')
				.select(['action', 'actor', 'ip', 'changes'])
				.where('entity_type', '=', 'approval_slot')
				.where('changes', 'like', `%${requestNumber}%`)
				.orderBy('at')
				.orderBy('id')
				.execute();
			expect(
				decisions.map((d) => [d.action, d.actor, d.ip, JSON.parse(d.changes!).comment]),
			).toEqual([
				['approve', DEPT, '10.1.2.3', '同意申报'],
				['approve', RESEARCH, '10.1.2.3', '符合指南'],
				['approve', FINANCE, '10.1.2.3', '预算合理'],
			]);

			// One result mail, the Approval node's own (escaped), not a second one the workflow builds.
			expect(mailsTo(PI, since).map((m) => m.subject)).toEqual([
				`[${requestNumber}] 审批结果：已通过 Result: Approved: 科研项目立项《现场工程师培养模式研究》 KY-WF-001`,
			]);
		});

		it('rejected path: 科研处 rejects in the 会签 stage → the project is 未立项 with the comment, PI emailed (HTML escaped), no 立项', async () => {
			let { execution, since } = await submit(
				// A 横向 contract has no 中期检查 (issue #17 point 9): the optional date is left empty, as core refuses it.
				formItem('KY-WF-002', '数控装备远程运维平台开发', {
					category: '横向 Enterprise-commissioned',
					level: '',
					fundingBody: '',
					client: dir.acme.name,
					contractNo: 'HX-2026-031',
					budget: 80000,
					midtermDue: '',
				}),
			);
			const [declared] = await projectByNo('KY-WF-002');
			expect(declared).toMatchObject({
				category: 'horizontal',
				level: null,
				fundingBody: null,
				clientId: dir.acme.id,
				clientName: '星河智能制造有限公司',
				contractNo: 'HX-2026-031',
				status: 'applied',
			});
			expect(requestMail(DEPT, since).text).toContain('委托单位: 星河智能制造有限公司');

			execution = await decide(execution, DEPT, since, 'approve');
			execution = await decide(execution, RESEARCH, since, 'reject', '预算偏高 <请压缩设备费>');
			expect(execution.status).toBe('success');
			expect(execution.runs('立项 Mark Approved')).toHaveLength(0);
			expect(execution.runs('撤回申报 Mark Withdrawn')).toHaveLength(0);

			const rejected = await projects.get(store, declared.id);
			expect(rejected).toMatchObject({
				status: 'not_approved',
				endReason: '科研处：预算偏高 <请压缩设备费>',
			});
			expect(
				(await history(declared.id)).map((h) => [h.from_status, h.to_status, h.actor]),
			).toEqual([
				[null, 'applied', `${WORKFLOW_ACTOR}:登记项目 Create Project`],
				['applied', 'not_approved', `${WORKFLOW_ACTOR}:未立项 Mark Not Approved`],
			]);
			expect((await auditOf(declared.id)).map((a) => a.action)).toEqual(['create', 'transition']);
			expect(await requestFor(declared.id)).toMatchObject({
				status: 'rejected',
				reason: 'decided',
			});
			// 未立项 is an end: the step to 立项 (for this 横向 project, the signed contract) is refused from now on.
			await expect(
				projects.transition(
					store,
					declared.id,
					{ to: 'approved' },
					{ actor: 'test' },
					'2026-07-01',
				),
			).rejects.toThrow(
				/^项目不能从 未立项 Not Approved 变更为 合同签订 Contract Signed；可变更为 （已结束）/,
			);

			const [mail, ...more] = mailsTo(PI, since);
			expect(more).toEqual([]);
			expect(mail.subject).toMatch(
				/审批结果：未通过 Result: Rejected: 科研项目立项《数控装备远程运维平台开发》 KY-WF-002$/,
			);
			expect(mail.text).toContain('预算偏高 <请压缩设备费>');
			expect(mail.html).toContain('预算偏高 &lt;请压缩设备费&gt;');
			expect(mail.html).not.toContain('<请压缩设备费>');
		});

		it('withdrawal: the PI withdraws mid-approval → the execution resumes, the project is 未立项 as withdrawn, PI emailed, old links dead', async () => {
			let { execution, since } = await submit(formItem('KY-WF-003', '工业互联网安全实训体系研究'));
			execution = await decide(execution, DEPT, since, 'approve');
			const requestNumber = /XM-\d{4}-\d{4}/.exec(requestMail(RESEARCH, since).subject)![0];
			const manage = await engine.run(
				manageWorkflow('withdraw', {
					requestId: requestNumber,
					withdrawnBy: PI,
					note: '合作企业调整，下一年度再报',
				}),
			);
			expect(manage.error()).toBeUndefined();
			expect(manage.output('Manage')[0]).toMatchObject({
				reason: 'withdrawn',
				executionResumed: true,
			});

			const resumed = waiting.latest(execution);
			expect(resumed.status).toBe('success');
			expect(resumed.runs('未立项 Mark Not Approved')).toHaveLength(0);
			expect(resumed.runs('立项 Mark Approved')).toHaveLength(0);
			const [declared] = await projectByNo('KY-WF-003');
			expect(await projects.get(store, declared.id)).toMatchObject({
				status: 'not_approved',
				endReason: '申报人撤回 Withdrawn by the submitter：合作企业调整，下一年度再报',
			});
			expect((await history(declared.id)).at(-1)).toMatchObject({
				from_status: 'applied',
				to_status: 'not_approved',
				actor: `${WORKFLOW_ACTOR}:撤回申报 Mark Withdrawn`,
			});

			// at most the Approval node's own result mail, never a second one
			expect(mailsTo(PI, since).length).toBeLessThanOrEqual(1);

			// The finance office opens the link from the mail that came before the withdrawal.
			const page = await engine.webhook(execution, {
				method: 'GET',
				query: queryOf(linkIn(requestMail(FINANCE, since))),
			});
			expect(page.resumed).toBe(false);
			expect(page.response.body).toContain('申请已撤回');
		});

		it('退回修改: 科研处 returns the declaration, the PI corrects it on the prefilled form, the same XM number is approved', async () => {
			let { execution, since } = await submit(formItem('KY-WF-005', '产线数字孪生研究'));
			const [declared] = await projectByNo('KY-WF-005');
			execution = await decide(execution, DEPT, since, 'approve');
			const researchMail = requestMail(RESEARCH, since);
			const requestNumber = /XM-\d{4}-\d{4}/.exec(researchMail.subject)![0];
			const link = linkIn(researchMail);
			const back = await clickDecision(engine, execution, link, 'return', '预算请压缩到 15 万元');
			expect(back.resumed).toBe(true);
			expect(back.response.body).toContain('已退回修改');
			expect(back.execution.error()).toBeUndefined();
			expect(back.execution.status).toBe('success');
			expect(await projects.get(store, declared.id)).toMatchObject({ status: 'applied' });

			// The PI's mail carries the amend link: the shipped project form, prefilled.
			const returnMail = mailsTo(PI, since).find((m) => m.subject.includes('退回修改'))!;
			expect(returnMail.text).toContain('预算请压缩到 15 万元');
			const amendLink = new URL(/(http:\/\/\S+\/form\/\S+)/.exec(returnMail.text)![1]);
			expect(amendLink.pathname).toBe('/form/research-project');
			const prefill = Object.fromEntries(amendLink.searchParams);
			expect(prefill).toMatchObject({
				projectName: '产线数字孪生研究',
				projectNo: 'KY-WF-005',
				category: '纵向 Government-funded',
				level: '市厅级 Municipal',
				piEmail: PI,
				members: 't2@college.edu.cn, t3@college.edu.cn',
				budget: '200000',
				midtermDue: '2027-09-15',
				amend: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
			});

			// What n8n's form hands the workflow: the prefilled fields, the budget corrected.
			const started = engine.subExecutions.length;
			const { amend, ...fields } = prefill;
			const corrected = await engine.run(workflow, {
				startNode: FORM,
				items: [{ ...formItem('KY-WF-005', '产线数字孪生研究'), ...fields, budget: 150000, amend }],
			});
			expect(corrected.error()).toBeUndefined();
			expect(corrected.data.resultData.lastNodeExecuted).toBe(SUBMITTED);
			expect(await projectByNo('KY-WF-005')).toHaveLength(1);
			expect(await projects.get(store, declared.id)).toMatchObject({
				budget: 150000,
				status: 'applied',
				milestones: [expect.objectContaining({ kind: 'midterm', dueOn: '2027-09-15' })],
			});
			execution = waiting.track(engine.subExecutions[started]);
			expect(execution.error()).toBeUndefined();
			expect(execution.status).toBe('waiting');

			// The 会签 stage that returned it is asked again, under the same number; the old link is dead.
			const research = mailsTo(RESEARCH, since).filter((m) => m.subject.includes(requestNumber));
			expect(research).toHaveLength(2);
			expect(research[1].text).toContain('150,000 元');
			const stale = await engine.webhook(execution, { method: 'GET', query: queryOf(link) });
			expect(stale.response.body).toContain('已退回修改');
			const resent = smtp.mails.length - 2;
			execution = await decide(execution, RESEARCH, resent, 'approve', '', false);
			execution = await decide(execution, FINANCE, resent, 'approve');
			expect(execution.status).toBe('success');
			expect(await projects.get(store, declared.id)).toMatchObject({ status: 'approved' });
			expect((await history(declared.id)).at(-1)).toMatchObject({
				to_status: 'approved',
				reason: `审批通过 Approved, ${requestNumber}`,
			});

			// The amend link works once: the same form again is refused and nothing changes.
			const replay = await engine.run(workflow, {
				startNode: FORM,
				items: [{ ...formItem('KY-WF-005', '产线数字孪生研究'), amend }],
			});
			expect(replay.data.resultData.lastNodeExecuted).toBe('修改链接无效 Amend Link Invalid');
			expect(engine.subExecutions).toHaveLength(started + 1);
			// An approved project is no longer a declaration to amend, whoever asks.
			await expect(
				projects.check(
					store,
					{ ...(await projects.get(store, declared.id)) } as never,
					actor,
					declared.id,
				),
			).rejects.toThrow(/只有申报中的项目可修改重报/);
		});

		it('a refused declaration gets a Chinese-first page naming the field and writes nothing; corrected, the same number goes through', async () => {
			const dates = await refused(
				formItem('KY-WF-BAD', '坏申报', { startDate: '2027-01-01', endDate: '2026-06-30' }),
			);
			expect(dates).toMatchObject({
				field: 'endDate',
				fieldLabel: '结束日期 End Date',
				message: expect.stringMatching(
					/^请修改「结束日期 End Date」后重新提交，本次申报未保存。\n结束日期 2026-06-30 早于开始日期 2027-01-01/,
				),
			});
			expect(await refused(formItem('KY-WF-BAD', '坏申报', { level: '' }))).toMatchObject({
				field: 'level',
				message: expect.stringContaining('纵向项目须填项目级别'),
			});
			expect(
				await refused(formItem('KY-WF-BAD', '坏申报', { piEmail: 'nobody@college.edu.cn' })),
			).toMatchObject({
				field: 'pi',
				message: expect.stringContaining('项目负责人 PI「nobody@college.edu.cn」不在人员名录中'),
			});
			// the department head would be the only one to review their own project
			expect(await refused(formItem('KY-WF-BAD', '坏申报', { piEmail: DEPT }))).toMatchObject({
				field: 'submitterEmail',
				message: expect.stringContaining('提交人不能审批自己的申请'),
			});
			const markup = await refused(
				formItem('KY-WF-BAD', '坏申报', { piEmail: '<img src=x onerror=alert(1)>' }),
			);
			expect(markup.messageHtml).toContain('&lt;img src=x onerror=alert(1)&gt;');
			expect(markup.messageHtml).not.toContain('<img');
			expect(await projectByNo('KY-WF-BAD')).toEqual([]);

			// corrected, the same number is declared and its approval starts
			const { since } = await submit(formItem('KY-WF-BAD', '修改后的申报'));
			expect(requestMail(DEPT, since).subject).toContain('修改后的申报');
			expect(await projectByNo('KY-WF-BAD')).toEqual([
				expect.objectContaining({ name: '修改后的申报', status: 'applied' }),
			]);

			// and now the number is taken: a second declaration with it is refused on the form
			expect(await refused(formItem('KY-WF-BAD', '重复申报'))).toMatchObject({
				field: 'projectNo',
				fieldLabel: '项目编号 Project No.',
				message: expect.stringMatching(/^请修改「项目编号 Project No\.」.*\n「KY-WF-BAD」已被占用/),
			});
			expect(await projectByNo('KY-WF-BAD')).toHaveLength(1);
		});

		it('the check operation answers refusals as items, and honours Continue On Fail when the store itself fails', async () => {
			const config = await freshStoreConfig(dialect);
			const own = await openStore(config);
			const local = new Engine({ credentials: storeCredentials(config) });
			try {
				await people.create(own, { name: '教师1', kind: 'teacher', email: PI }, actor);
				const params = {
					resource: 'project',
					operation: 'check',
					projectNo: '={{ $json.projectNo }}',
					name: '={{ $json.projectName }}',
					category: 'vertical',
					pi: '={{ $json.piEmail }}',
					additionalFields: {
						level: 'municipal',
						fundingBody: '市科学技术局',
						midtermDue: '={{ $json.midtermDue }}',
					},
				};
				const items = [
					formItem('KY-CHK-1', '可申报'),
					formItem('KY-CHK-2', '负责人不明', { piEmail: 'x@y.cn' }),
				];
				const checked = await local.run(registryWorkflow(params), { items });
				expect(checked.output('Registry')).toEqual([
					expect.objectContaining({
						valid: true,
						projectNo: 'KY-CHK-1',
						piName: '教师1',
						piEmail: PI,
						milestones: [expect.objectContaining({ kind: 'midterm', dueOn: '2027-09-15' })],
					}),
					expect.objectContaining({ valid: false, field: 'pi' }),
				]);
				expect(await rowCounts(own, TABLES)).toMatchObject({
					registry_project: 0,
					registry_milestone: 0,
				});

				// A store that fails (here: the milestone table gone) is no refusal: the node fails …
				await own.db.schema
					.alterTable('registry_milestone')
					.renameTo('registry_milestone_gone')
					.execute();
				const failing = await local.run(registryWorkflow(params), { items });
				expect(failing.status).toBe('error');
				expect(failing.error()).toMatch(/registry_milestone/);
				// … unless Continue On Fail, where that item carries the error and the others go on.
				const tolerant = await local.run(
					registryWorkflow(params, { onError: 'continueRegularOutput' }),
					{ items: [items[1], items[0]] },
				);
				expect(tolerant.error()).toBeUndefined();
				expect(tolerant.output('Registry')).toEqual([
					expect.objectContaining({ valid: false, field: 'pi' }),
					expect.objectContaining({ error: expect.stringMatching(/registry_milestone/) }),
				]);
			} finally {
				await own.close();
			}
		});
	},
);
