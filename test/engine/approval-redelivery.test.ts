import { closeAllStores, openStore, type Store } from '../../core/store';
import '../../core/approval';
import { freshStoreConfig, testDialects } from '../helpers/dialects';
import { shippedWorkflow } from '../helpers/registry-engine';
import { startSmtp, type LoopbackSmtp } from '../helpers/smtp';
import { WaitingServer } from '../helpers/waiting-server';
import {
	approvalWorkflow,
	clickDecision,
	linkOf,
	requestParameters,
	sent,
	stage,
} from './approval-helpers';
import { Engine, storeCredentials } from './harness';

/**
 * The shipped `approval-redelivery.json`, run from its Error Trigger as n8n runs an error
 * workflow when it loses the execution that carried a result: the submitter is mailed the
 * result, the record comes out on the Approved or Rejected branch, and a second error run
 * for the same execution hands out nothing.
 */
const TRIGGER = '审批工作流出错时 On Approval Workflow Error';
const lostExecution = (id: string) => ({
	execution: {
		id,
		mode: 'webhook',
		error: {
			message: 'This execution failed to be processed too many times and will no longer retry.',
		},
	},
	workflow: { id: 'courseProposalApproval01', name: '课程共建审批' },
});

describe.each(testDialects())(
	'approval result redelivery workflow in the n8n engine (%s)',
	(dialect) => {
		let smtp: LoopbackSmtp;
		let store: Store;
		let engine: Engine;
		const waiting = new WaitingServer(() => engine);

		beforeAll(async () => {
			smtp = await startSmtp();
			await waiting.start();
		});
		afterAll(async () => {
			await waiting.stop();
			await smtp.close();
			await closeAllStores();
		});

		it('mails the submitter the result of a lost execution once, and puts its record on the branch of its result', async () => {
			const config = await freshStoreConfig(dialect);
			store = await openStore(config);
			engine = new Engine({
				credentials: { ...storeCredentials(config), smtp: smtp.credential as never },
				webhookWaitingBaseUrl: waiting.baseUrl,
			});
			const approvedRun = await engine.run(
				approvalWorkflow(requestParameters([stage('head@x.com')], { title: '补投 通过 Approved' })),
			);
			const rejectedRun = await engine.run(
				approvalWorkflow(requestParameters([stage('head@x.com')], { title: '补投 退回 Rejected' })),
			);
			waiting.track(approvedRun);
			waiting.track(rejectedRun);
			expect(
				(
					await clickDecision(
						engine,
						approvedRun,
						linkOf(sent(approvedRun), 'head@x.com'),
						'approve',
						'同意 <b>好</b>',
					)
				).resumed,
			).toBe(true);
			expect(
				(
					await clickDecision(
						engine,
						rejectedRun,
						linkOf(sent(rejectedRun), 'head@x.com'),
						'reject',
						'预算不足',
					)
				).resumed,
			).toBe(true);
			const numbers = await store.db
				.selectFrom('approval_request')
				.select(['number', 'title'])
				.orderBy('number')
				.execute();

			const workflow = shippedWorkflow('approval-redelivery.json');
			const first = await engine.run(workflow, {
				startNode: TRIGGER,
				items: [lostExecution(approvedRun.id)],
			});
			expect(first.error()).toBeUndefined();
			const second = await engine.run(workflow, {
				startNode: TRIGGER,
				items: [lostExecution(rejectedRun.id)],
			});
			expect(second.error()).toBeUndefined();
			expect(
				first
					.output('已通过（补投）Approved, Redelivered')
					.map((r) => [r.requestNumber, (r.record as any).subject.title]),
			).toEqual([[numbers[0].number, '补投 通过 Approved']]);
			expect(first.output('未通过（补投）Rejected, Redelivered')).toEqual([]);
			expect(
				second
					.output('未通过（补投）Rejected, Redelivered')
					.map((r) => [r.requestNumber, r.result]),
			).toEqual([[numbers[1].number, 'rejected']]);

			expect(smtp.mails.map((m) => [m.to.join(), m.subject.slice(0, 14)])).toEqual([
				['teacher@college.edu.cn', `[${numbers[0].number}]`],
				['teacher@college.edu.cn', `[${numbers[1].number}]`],
			]);
			expect(smtp.mails[0].subject).toMatch(/审批结果（补发 Resent）：已通过/);
			expect(smtp.mails[0].text).toContain('系统故障后补发');
			expect(smtp.mails[0].html).toContain('同意 &lt;b&gt;好&lt;/b&gt;');
			expect(smtp.mails[1].subject).toMatch(/未通过/);

			// n8n may run the error workflow again for the same execution: nothing more goes out
			const again = await engine.run(workflow, {
				startNode: TRIGGER,
				items: [lostExecution(approvedRun.id)],
			});
			expect(again.error()).toBeUndefined();
			expect(again.output('已通过（补投）Approved, Redelivered')).toEqual([]);
			expect(smtp.mails).toHaveLength(2);
			const audit = await store.db
				.selectFrom('audit')
				.select('entity_id')
				.where('action', '=', 'redeliver')
				.execute();
			expect(audit).toHaveLength(2);
		});
		it('tells the submitter and the secretariat when an execution fails with its approval undecided, the secretariat alone when it had started none', async () => {
			const config = await freshStoreConfig(dialect);
			store = await openStore(config);
			engine = new Engine({
				credentials: { ...storeCredentials(config), smtp: smtp.credential as never },
				webhookWaitingBaseUrl: waiting.baseUrl,
			});
			const pending = await engine.run(
				approvalWorkflow(
					requestParameters([stage('head@x.com')], { title: '失败 <b>未决</b> Pending' }),
				),
			);
			const [{ number }] = await store.db.selectFrom('approval_request').select('number').execute();
			const from = smtp.mails.length;
			const workflow = shippedWorkflow('approval-redelivery.json');
			const failed = {
				execution: {
					id: pending.id,
					mode: 'integrated',
					lastNodeExecuted: '发送审批邮件 Send Notification',
					error: { message: 'connect ECONNREFUSED 127.0.0.1:25' },
				},
				workflow: { id: 'courseProposalApproval01', name: '课程共建审批' },
			};
			const run = await engine.run(workflow, { startNode: TRIGGER, items: [failed] });
			expect(run.error()).toBeUndefined();
			const orphan = await engine.run(workflow, {
				startNode: TRIGGER,
				items: [{ ...failed, execution: { ...failed.execution, id: 'no-such-execution' } }],
			});
			expect(orphan.error()).toBeUndefined();
			const mails = smtp.mails.slice(from);
			expect(mails.map((m) => [m.to.join(), m.cc.join(), m.subject])).toEqual([
				[
					'teacher@college.edu.cn',
					'secretariat@consortium.example.cn',
					`【处理失败】[${number}] 失败 <b>未决</b> Pending Processing failed`,
				],
				['secretariat@consortium.example.cn', '', '【处理失败】课程共建审批 Processing failed'],
			]);
			expect(mails[0].text).toContain('ECONNREFUSED');
			expect(mails[0].html).toContain('失败 &lt;b&gt;未决&lt;/b&gt; Pending');
			expect(mails[0].html).not.toContain('<b>未决');
		});
	},
);
