import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { organisations, people } from '../../core/directory';
import { stations } from '../../core/exchange';
import { closeAllStores, openStore } from '../../core/store';
import { freshStoreConfig, testDialects } from '../helpers/dialects';
import { exchangeWorkflow } from '../helpers/exchange-engine';
import { rowCounts } from '../helpers/row-counts';
import { approvalLinkIn, mailsTo, startSmtp } from '../helpers/smtp';
import { clickDecision, formFields, linkOf, queryOf } from './approval-helpers';
import { Engine, storeCredentials, type Execution } from './harness';

const workflow = JSON.parse(
	readFileSync(join(__dirname, '../../workflows/exchange-registration.json'), 'utf8'),
);
const FORM = '教师企业实践申请 Placement Request Form';
const APPROVAL = '审批 系部→企业 Approval (Department → Host)';
const SUBMITTED = '申请已提交 Submitted';
const REFUSED = '申请未通过 Refused';
const DEPT = 'dept-head@college.example.edu.cn';
const HOST = 'hr@xinghe.example.com';
const actor = { actor: 'test:setup' };
/** Everything a placement request could write: the record, its audit, an approval and its slots. */
const TABLES = [
	'exchange_placement',
	'audit',
	'approval_request',
	'approval_stage',
	'approval_slot',
] as const;

/** What the n8n form hands the workflow on submission (form trigger v2.5: keys are the field names). */
const submission = {
	teacherEmail: 'zhang@college.example.edu.cn',
	host: '星河智能制造有限公司',
	station: '星河教师实践流动站',
	form: '顶岗/挂职 Holding a Post',
	plannedStart: '2026-07-06',
	plannedEnd: '2026-08-14',
	goals: '掌握产线调试',
	mentor: '王师傅',
	submittedAt: '2026-06-01T10:00:00.000+08:00',
	formMode: 'production',
};

describe.each(testDialects())(
	'exchange registration workflow in the n8n engine (%s)',
	(dialect) => {
		afterAll(() => closeAllStores());

		async function setUp() {
			const config = await freshStoreConfig(dialect);
			const store = await openStore(config);
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
				{ name: '星河教师实践流动站', organisationId: host.id, capacity: 3, contactEmail: HOST },
				actor,
			);
			// an enterprise nobody answers for: its stage of the approval would have no approver
			await organisations.create(store, { name: '无人接洽有限公司', kind: 'enterprise' }, actor);
			await people.create(
				store,
				{
					name: '张老师',
					kind: 'teacher',
					email: 'zhang@college.example.edu.cn',
					department: '机电系',
					courseCategory: 'professional',
				},
				actor,
			);
			// the department head is a teacher too, and would approve their own placement
			await people.create(
				store,
				{ name: '系主任', kind: 'teacher', email: DEPT, department: '机电系' },
				actor,
			);
			const smtp = await startSmtp();
			const engine = new Engine({
				credentials: { ...storeCredentials(config), smtp: smtp.credential },
				workflows: [workflow],
			});
			return { store, smtp, engine };
		}

		/** The form answers on its ending page; the approval waits in the execution it started. */
		async function submit(engine: Engine, item: typeof submission): Promise<Execution> {
			const started = engine.subExecutions.length;
			const form = await engine.run(workflow, { startNode: FORM, items: [item] });
			expect(form.error()).toBeUndefined();
			expect(form.data.resultData.lastNodeExecuted).toBe(SUBMITTED);
			expect(engine.subExecutions).toHaveLength(started + 1);
			const execution = engine.subExecutions[started];
			expect(execution.error()).toBeUndefined();
			expect(execution.status).toBe('waiting');
			return execution;
		}

		/** A refused request ends on the form's refusal page with nothing written, started or sent. */
		async function refused(
			{ store, smtp, engine }: Awaited<ReturnType<typeof setUp>>,
			change: Record<string, string>,
		) {
			const before = await rowCounts(store, TABLES);
			const mails = smtp.mails.length;
			const started = engine.subExecutions.length;
			const form = await engine.run(workflow, {
				startNode: FORM,
				items: [{ ...submission, ...change }],
			});
			expect(form.error()).toBeUndefined();
			expect(form.data.resultData.lastNodeExecuted).toBe(REFUSED);
			expect(form.runs('创建实践记录 Create Placement')).toHaveLength(0);
			expect(engine.subExecutions).toHaveLength(started);
			expect(await rowCounts(store, TABLES)).toEqual(before);
			expect(smtp.mails.length).toBe(mails);
			const [page] = form.output(REFUSED);
			expect(page.valid).toBe(false);
			return page;
		}

		/** The messages of the Approval node's latest run that had any (a run that only waits has none). */
		const notices = (execution: Execution) => {
			const runs = execution.runs(APPROVAL).filter((outputs) => (outputs[2] ?? []).length > 0);
			return (runs.at(-1)?.[2] ?? []).map((item) => item.json);
		};

		async function decide(
			engine: Engine,
			execution: Execution,
			approver: string,
			decision: 'approve' | 'reject',
		) {
			const link = linkOf(notices(execution), approver);
			const page = await engine.webhook(execution, { method: 'GET', query: queryOf(link) });
			expect(page.resumed).toBe(false);
			const step = await engine.webhook(execution, {
				method: 'POST',
				query: queryOf(link),
				body: { ...formFields(page.response.body), decision, comment: '同意' },
			});
			expect(step.resumed).toBe(true);
			return { page: page.response.body, execution: step.execution };
		}

		it('form → checked → placement → 系部 → host enterprise → approved in the ledger, with every message sent by SMTP', async () => {
			const { store, smtp, engine } = await setUp();
			try {
				let execution = await submit(engine, submission);
				const [placement] = execution.output('审批流程开始 Approval Starts');
				expect(placement).toMatchObject({
					status: 'planned',
					form: 'post',
					plannedStart: '2026-07-06',
					plannedEnd: '2026-08-14',
					hostContactEmail: HOST,
					mentorName: '王师傅',
				});

				const first = await decide(engine, execution, DEPT, 'approve');
				// The decision page shows what the approver needs: the dates, the host and the form.
				expect(first.page).toContain('2026-07-06 — 2026-08-14');
				expect(first.page).toContain('星河智能制造有限公司 · 星河教师实践流动站');
				expect(first.page).toContain('顶岗/挂职 Holding a Post');
				execution = first.execution;
				expect(execution.status).toBe('waiting');
				expect(notices(execution).map((n) => n.to)).toEqual([HOST]);

				const second = await decide(engine, execution, HOST, 'approve');
				execution = second.execution;
				expect(execution.status).toBe('success');
				const [ledger] = execution.output('登记台账 Record Approval in Ledger');
				expect(ledger).toMatchObject({
					id: placement.id,
					status: 'approved',
					statusReason: expect.stringMatching(/^审批通过 Approved: SJ-\d{4}-0001$/),
				});

				const row = await store.db
					.selectFrom('exchange_placement')
					.select(['status'])
					.where('id', '=', placement.id as string)
					.executeTakeFirstOrThrow();
				expect(row.status).toBe('approved');
				const recipients = smtp.parsed.map((m) => m.to.value[0].address);
				expect(recipients).toEqual(
					expect.arrayContaining([
						DEPT,
						HOST,
						'zhang@college.example.edu.cn',
						'secretariat@consortium.example.cn',
					]),
				);
				expect(smtp.parsed.find((m) => m.to.value[0].address === DEPT)!.html).toContain(
					'星河智能制造有限公司',
				);
			} finally {
				await smtp.close();
				await store.close();
			}
		});

		it('退回修改: the host returns the request, the teacher corrects the dates on the prefilled form, the same SJ number is approved', async () => {
			const { store, smtp, engine } = await setUp();
			try {
				let execution = await submit(engine, submission);
				const [placement] = execution.output('审批流程开始 Approval Starts');
				execution = (await decide(engine, execution, DEPT, 'approve')).execution;
				const link = linkOf(notices(execution), HOST);
				const back = await clickDecision(
					engine,
					execution,
					link,
					'return',
					'请把结束日期改到 8 月 7 日',
				);
				expect(back.resumed).toBe(true);
				expect(back.execution.error()).toBeUndefined();
				expect(back.execution.status).toBe('success');
				const number = /SJ-\d{4}-\d{4}/.exec(back.response.body)![0];

				// The teacher's mail carries the amend link: the shipped request form, prefilled.
				const returnMail = mailsTo(smtp, submission.teacherEmail).find((m) =>
					m.subject.includes('退回修改'),
				)!;
				expect(returnMail.text).toContain('请把结束日期改到 8 月 7 日');
				const amendLink = new URL(/(http:\/\/\S+\/form\/\S+)/.exec(returnMail.text)![1]);
				expect(amendLink.pathname).toBe('/form/exchange-placement');
				const { amend, ...prefill } = Object.fromEntries(amendLink.searchParams);
				expect(prefill).toEqual({
					teacherEmail: submission.teacherEmail,
					host: submission.host,
					station: submission.station,
					form: submission.form,
					plannedStart: submission.plannedStart,
					plannedEnd: submission.plannedEnd,
					goals: submission.goals,
					mentor: submission.mentor,
				});

				const since = smtp.mails.length;
				execution = await submit(engine, {
					...submission,
					...prefill,
					plannedEnd: '2026-08-07',
					amend,
				} as typeof submission);
				const rows = await store.db.selectFrom('exchange_placement').selectAll().execute();
				expect(rows).toHaveLength(1);
				expect(rows[0]).toMatchObject({
					id: placement.id,
					planned_end: '2026-08-07',
					status: 'planned',
				});

				// Only the host, who returned it, is asked again, under the same number.
				const [again, ...more] = mailsTo(smtp, HOST, since);
				expect(more).toEqual([]);
				expect(again.subject).toContain(number);
				expect(again.text).toContain('2026-08-07');
				const fresh = approvalLinkIn(again);
				const done = await clickDecision(engine, execution, fresh, 'approve');
				expect(done.resumed).toBe(true);
				expect(done.execution.error()).toBeUndefined();
				expect(done.execution.status).toBe('success');
				const [ledger] = done.execution.output('登记台账 Record Approval in Ledger');
				expect(ledger).toMatchObject({ id: placement.id, status: 'approved' });
				expect(ledger.statusReason).toBe(`审批通过 Approved: ${number}`);

				// The amend link works once.
				const replay = await engine.run(workflow, {
					startNode: FORM,
					items: [{ ...submission, amend }],
				});
				expect(replay.data.resultData.lastNodeExecuted).toBe('修改链接无效 Amend Link Invalid');
			} finally {
				await smtp.close();
				await store.close();
			}
		});

		it('a rejection by the host cancels the placement', async () => {
			const { store, smtp, engine } = await setUp();
			try {
				let execution = await submit(engine, submission);
				execution = (await decide(engine, execution, DEPT, 'approve')).execution;
				execution = (await decide(engine, execution, HOST, 'reject')).execution;
				expect(execution.status).toBe('success');
				const [cancelled] = execution.output('取消实践 Cancel Placement');
				expect(cancelled).toMatchObject({
					status: 'cancelled',
					statusReason: expect.stringMatching(/^审批未通过 Rejected: SJ-/),
				});
				expect(execution.output('登记台账 Record Approval in Ledger')).toEqual([]);
			} finally {
				await smtp.close();
				await store.close();
			}
		});

		it('a refused request gets a Chinese-first page naming the field and writes nothing; corrected, it goes through', async () => {
			const setup = await setUp();
			const { store, smtp } = setup;
			try {
				const unknown = await refused(setup, { teacherEmail: 'nobody@college.example.edu.cn' });
				expect(unknown).toMatchObject({
					field: 'teacherId',
					fieldLabel: '教师 Teacher',
					message: expect.stringMatching(
						/^请修改「教师 Teacher」后重新提交，本次申报未保存。\n教师「nobody@college.example.edu.cn」不在名录中/,
					),
				});
				expect(
					(await refused(setup, { plannedStart: '2026-08-20', plannedEnd: '2026-08-14' })).field,
				).toBe('plannedEnd');
				expect((await refused(setup, { station: '不存在的站点' })).message).toContain(
					'实践站点「不存在的站点」不存在',
				);
				// the department head would approve their own placement at the first stage
				expect(await refused(setup, { teacherEmail: DEPT })).toMatchObject({
					field: 'submitterEmail',
					message: expect.stringContaining('提交人不能审批自己的申请'),
				});
				// nobody could confirm for this host, so its stage of the approval could not start
				expect(await refused(setup, { host: '无人接洽有限公司', station: '' })).toMatchObject({
					field: 'hostId',
					message: expect.stringMatching(
						/^请修改「接收企业 Host Enterprise」.*\n接收企业「无人接洽有限公司」没有联系人邮箱/,
					),
				});
				const markup = await refused(setup, { host: '<img src=x onerror=alert(1)>' });
				expect(markup.messageHtml).toContain('&lt;img src=x onerror=alert(1)&gt;');
				expect(markup.messageHtml).not.toContain('<img');
				expect(await store.db.selectFrom('exchange_placement').select('id').execute()).toEqual([]);

				// the same request, corrected, is saved and its approval starts
				const execution = await submit(setup.engine, submission);
				expect(notices(execution).map((n) => n.to)).toContain(DEPT);
				expect(await store.db.selectFrom('exchange_placement').select('status').execute()).toEqual([
					{ status: 'planned' },
				]);
			} finally {
				await smtp.close();
				await store.close();
			}
		});

		it('the check operation answers refusals as items, and honours Continue On Fail when the store itself fails', async () => {
			const { store, smtp, engine } = await setUp();
			try {
				const params = {
					resource: 'placement',
					operation: 'check',
					teacherId: '={{ $json.teacherEmail }}',
					hostId: '={{ $json.host }}',
					form: '={{ $json.form }}',
					plannedStart: '={{ $json.plannedStart }}',
					plannedEnd: '={{ $json.plannedEnd }}',
					additionalFields: { stationId: '={{ $json.station }}' },
				};
				const items = [submission, { ...submission, teacherEmail: 'nobody@x.cn' }];
				const checked = await engine.run(exchangeWorkflow(params), { items });
				expect(checked.output('Exchange')).toEqual([
					expect.objectContaining({ valid: true, teacherName: '张老师', hostContactEmail: HOST }),
					expect.objectContaining({ valid: false, field: 'teacherId' }),
				]);
				expect(await rowCounts(store, TABLES)).toMatchObject({ exchange_placement: 0 });

				// A store that fails (here: the station table gone) is no refusal: the node fails …
				await store.db.schema
					.alterTable('exchange_station')
					.renameTo('exchange_station_gone')
					.execute();
				const failing = await engine.run(exchangeWorkflow(params), { items });
				expect(failing.status).toBe('error');
				expect(failing.error()).toMatch(/exchange_station/);
				// … unless Continue On Fail, where that item carries the error and the others go on.
				const tolerant = await engine.run(
					exchangeWorkflow(params, { onError: 'continueRegularOutput' }),
					{ items: [{ ...submission, teacherEmail: 'nobody@x.cn' }, submission] },
				);
				expect(tolerant.error()).toBeUndefined();
				expect(tolerant.output('Exchange')).toEqual([
					expect.objectContaining({ valid: false, field: 'teacherId' }),
					expect.objectContaining({ error: expect.stringMatching(/exchange_station/) }),
				]);
			} finally {
				await smtp.close();
				await store.close();
			}
		});
	},
);
