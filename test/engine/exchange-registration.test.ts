import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { organisations, people } from '../../core/directory';
import { stations } from '../../core/exchange';
import { closeAllStores, openStore } from '../../core/store';
import { freshStoreConfig, testDialects } from '../helpers/dialects';
import { startSmtp } from '../helpers/smtp';
import { formFields, linkOf, queryOf } from './approval-helpers';
import { Engine, storeCredentials, type Execution } from './harness';

const workflow = JSON.parse(
	readFileSync(join(__dirname, '../../workflows/exchange-registration.json'), 'utf8'),
);
const FORM = '教师企业实践申请 Placement Request Form';
const APPROVAL = '审批 系部→企业 Approval (Department → Host)';
const DEPT = 'dept-head@college.example.edu.cn';
const HOST = 'hr@xinghe.example.com';
const actor = { actor: 'test:setup' };

const submission = {
	'教师邮箱 Teacher Email': 'zhang@college.example.edu.cn',
	'接收企业 Host Enterprise': '星河智能制造有限公司',
	'实践站点 Station': '星河教师实践流动站',
	'实践形式 Form': '顶岗/挂职 Holding a Post',
	'计划开始 Planned Start': '2026-07-06',
	'计划结束 Planned End': '2026-08-14',
	'实践目标 Goals': '掌握产线调试',
	'企业导师 Mentor': '王师傅',
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
			const smtp = await startSmtp();
			const engine = new Engine({
				credentials: { ...storeCredentials(config), smtp: smtp.credential },
			});
			return { store, smtp, engine };
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

		it('form → placement → 系部 → host enterprise → approved in the ledger, with every message sent by SMTP', async () => {
			const { store, smtp, engine } = await setUp();
			try {
				let execution = await engine.run(workflow, { startNode: FORM, items: [submission] });
				expect(execution.error()).toBeUndefined();
				expect(execution.status).toBe('waiting');
				const [placement] = execution.output('创建实践记录 Create Placement');
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

		it('a rejection by the host cancels the placement', async () => {
			const { store, smtp, engine } = await setUp();
			try {
				let execution = await engine.run(workflow, { startNode: FORM, items: [submission] });
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

		it('an unknown teacher on the form stops before any approval is opened', async () => {
			const { store, smtp, engine } = await setUp();
			try {
				const execution = await engine.run(workflow, {
					startNode: FORM,
					items: [{ ...submission, '教师邮箱 Teacher Email': 'nobody@college.example.edu.cn' }],
				});
				expect(execution.error()).toMatch(
					/教师「nobody@college.example.edu.cn」不在名录中.*teacherId/,
				);
				expect(await store.db.selectFrom('exchange_placement').select('id').execute()).toEqual([]);
				expect(smtp.parsed).toEqual([]);
			} finally {
				await smtp.close();
				await store.close();
			}
		});
	},
);
