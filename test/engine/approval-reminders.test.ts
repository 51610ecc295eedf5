import { closeAllStores, openStore, type Store } from '../../core/store';
import '../../core/approval';
import { freshStoreConfig, testDialects } from '../helpers/dialects';
import { shippedWorkflow } from '../helpers/registry-engine';
import { startSmtp, type LoopbackSmtp, type ReceivedMail } from '../helpers/smtp';
import { WaitingServer } from '../helpers/waiting-server';
import {
	approvalWorkflow,
	clickDecision,
	requestParameters,
	sendEmailChannel,
	stage,
} from './approval-helpers';
import { Engine, storeCredentials, type Execution } from './harness';

/**
 * The shipped `approval-reminders.json`, run as it is from its schedule trigger: 催办 for every
 * pending approver whose stage's reminder interval has passed (with the very link of their
 * first mail), and the timeout action of every overdue request, its notices mailed.
 */
const TRIGGER = '每个工作日 9 点 Weekdays 09:00';
const WORKFLOW = 'approval-reminders.json';

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000).toISOString();
const linkIn = (mail: ReceivedMail) => {
	const link = /https?:\/\/\S+token=[A-Za-z0-9_-]{43}/.exec(mail.text)?.[0];
	if (!link) throw new Error(`no link in "${mail.subject}"`);
	return link;
};
const numberIn = (mail: ReceivedMail) => /^\[([A-Z]+-\d{4}-\d{4})\]/.exec(mail.subject)?.[1];

interface Started {
	execution: Execution;
	id: string;
	number: string;
}

describe.each(testDialects())('approval reminder workflow in the n8n engine (%s)', (dialect) => {
	let smtp: LoopbackSmtp;
	let store: Store;
	let engine: Engine;
	// Resume URLs point here; it knows no execution, so a poke finds the execution gone (404).
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

	async function start(title: string, stages: object[]): Promise<Started> {
		const execution = await engine.run(
			approvalWorkflow(requestParameters(stages as never, { title, cc: '' }), sendEmailChannel),
		);
		expect(execution.error()).toBeUndefined();
		expect(execution.status).toBe('waiting');
		const row = await store.db
			.selectFrom('approval_request')
			.select(['id', 'number'])
			.where('title', '=', title)
			.executeTakeFirstOrThrow();
		return { execution, id: row.id, number: row.number };
	}
	const setStage = (r: Started, set: { started_at?: string; due_at?: string }) =>
		store.db
			.updateTable('approval_stage')
			.set(set)
			.where('request_id', '=', r.id)
			.where('status', '=', 'active')
			.execute();
	const remindAudit = async () =>
		(
			await store.db
				.selectFrom('audit')
				.select('entity_id')
				.where('action', '=', 'remind')
				.where('entity_type', '=', 'approval_request')
				.execute()
		)
			.map((a) => a.entity_id)
			.sort();
	/** The first mail a person got for a request, before any reminder. */
	const firstMail = (r: Started, to: string) =>
		smtp.mails.find(
			(m) => numberIn(m) === r.number && m.to.includes(to) && !/催办：/.test(m.subject),
		);

	it('reminds exactly the approvers whose interval passed, with their first link, expires overdue requests and mails the notices', async () => {
		const config = await freshStoreConfig(dialect);
		store = await openStore(config);
		engine = new Engine({
			credentials: { ...storeCredentials(config), smtp: smtp.credential as never },
			webhookWaitingBaseUrl: waiting.baseUrl,
		});
		try {
			const due = await start('会签到期 Joint due', [
				stage('a1@x.com, a2@x.com', { mode: 'all', remindEveryHours: 24 }),
			]);
			const remindedLately = await start('近期提醒过 Reminded lately', [
				stage('r1@x.com', { remindEveryHours: 24 }),
			]);
			const remindedLong = await start('久未提醒 Reminded long ago', [
				stage('r2@x.com', { remindEveryHours: 24 }),
			]);
			const fresh = await start('新提交 Fresh', [stage('f1@x.com', { remindEveryHours: 24 })]);
			const sequential = await start('依次 Sequential', [
				stage('s1@x.com, s2@x.com', { mode: 'sequential', remindEveryHours: 2 }),
			]);
			const noInterval = await start('不催办 No interval', [stage('n1@x.com')]);
			const escalate = await start('超时升级 Escalate', [
				stage('slow@x.com', {
					dueHours: 24,
					remindEveryHours: 24,
					timeoutAction: 'escalate',
					escalateTo: '院长 <dean@x.com>',
				}),
			]);
			const autoReject = await start('超时拒绝 Auto-reject', [
				stage('late@x.com', { dueHours: 24, timeoutAction: 'reject' }),
			]);
			const firstMails = smtp.mails.length;
			expect(firstMails).toBe(9);

			// Real time arithmetic in the store: when each stage started and its approvers were last notified, when it falls due.
			const notified = (r: Started, hours: number) =>
				store.db
					.updateTable('approval_slot')
					.set({ reminded_at: hoursAgo(hours) })
					.where('request_id', '=', r.id)
					.where('status', '=', 'pending')
					.execute();
			await setStage(due, { started_at: hoursAgo(25) });
			await notified(due, 25);
			await setStage(remindedLately, { started_at: hoursAgo(48) });
			await notified(remindedLately, 2);
			await setStage(remindedLong, { started_at: hoursAgo(72) });
			await notified(remindedLong, 30);
			await setStage(sequential, { started_at: hoursAgo(3) });
			await notified(sequential, 3);
			await setStage(noInterval, { started_at: hoursAgo(100) });
			await notified(noInterval, 100);
			for (const r of [escalate, autoReject]) {
				await setStage(r, { started_at: hoursAgo(25), due_at: hoursAgo(1) });
				await notified(r, 25);
				await store.db
					.updateTable('approval_request')
					.set({ due_at: hoursAgo(1) })
					.where('id', '=', r.id)
					.execute();
			}

			const run = await engine.run(shippedWorkflow(WORKFLOW), { startNode: TRIGGER });
			expect(run.error()).toBeUndefined();
			const mails = smtp.mails.slice(firstMails);

			// 催办: one per pending approver whose interval passed, carrying the link of their first mail
			const reminders = mails.filter((m) => /催办：/.test(m.subject));
			expect(reminders.map((m) => [numberIn(m), m.to.join()]).sort()).toEqual(
				[
					[due.number, 'a1@x.com'],
					[due.number, 'a2@x.com'],
					[remindedLong.number, 'r2@x.com'],
					[sequential.number, 's1@x.com'],
				].sort(),
			);
			// not yet due, reminded lately, or without a reminder interval: nothing
			for (const r of [remindedLately, fresh, noInterval])
				expect({
					request: r.number,
					mails: mails.filter((m) => numberIn(m) === r.number).length,
				}).toEqual({ request: r.number, mails: 0 });
			for (const reminder of reminders) {
				const request = [due, remindedLong, sequential].find(
					(r) => r.number === numberIn(reminder),
				)!;
				expect(linkIn(reminder)).toBe(linkIn(firstMail(request, reminder.to[0])!));
				expect(reminder.subject).toMatch(/催办：请审批 Reminder: approval requested/);
			}

			// the overdue requests: escalated to the dean (mailed a link of their own; the timeout runs before 催办,
			// so neither the expired approver nor the dean, whose turn just came, gets a reminder), auto-rejected
			// the auto-rejected request's execution is gone: its submitter is mailed the result here
			const others = mails.filter((m) => !/催办：/.test(m.subject));
			expect(
				others.map((m) => [
					numberIn(m),
					m.to.join(),
					/请审批 Approval requested/.test(m.subject)
						? 'request'
						: /审批结果：未通过 Result: Rejected/.test(m.subject)
							? 'result: rejected'
							: m.subject,
				]),
			).toEqual([
				[escalate.number, 'dean@x.com', 'request'],
				[autoReject.number, 'teacher@college.edu.cn', 'result: rejected'],
			]);
			const deanLink = linkIn(others[0]);
			expect(deanLink).not.toBe(linkIn(firstMail(escalate, 'slow@x.com')!));
			const requests = await store.db
				.selectFrom('approval_request')
				.select(['id', 'status', 'reason'])
				.where('id', 'in', [escalate.id, autoReject.id])
				.execute();
			expect(requests.find((r) => r.id === autoReject.id)).toMatchObject({
				status: 'rejected',
				reason: 'timeout',
			});
			expect(requests.find((r) => r.id === escalate.id)).toMatchObject({ status: 'pending' });
			const escalatedSlots = await store.db
				.selectFrom('approval_slot')
				.select(['email', 'status'])
				.where('request_id', '=', escalate.id)
				.orderBy('position')
				.execute();
			expect(escalatedSlots).toEqual([
				{ email: 'slow@x.com', status: 'expired' },
				{ email: 'dean@x.com', status: 'pending' },
			]);
			expect(
				run
					.output('超时处理 Expire Overdue')
					.map((i) => [i.requestNumber, i.result ?? i.kind, i.executionResumed]),
			).toEqual(expect.arrayContaining([[autoReject.number, 'rejected', false]]));
			expect(run.output('发送超时通知 Send Timeout Notice')).toHaveLength(2);
			expect(run.output('发送催办 Send Reminder')).toHaveLength(4);

			// the audit trail: one 'remind' per reminded request
			expect(await remindAudit()).toEqual([due.id, remindedLong.id, sequential.id].sort());

			// the next run finds nothing due: no mail, no audit row
			const again = await engine.run(shippedWorkflow(WORKFLOW), { startNode: TRIGGER });
			expect(again.error()).toBeUndefined();
			expect(smtp.mails.length).toBe(firstMails + mails.length);
			expect(await remindAudit()).toEqual([due.id, remindedLong.id, sequential.id].sort());

			// the reminded links and the dean's link still decide
			const a1 = await clickDecision(
				engine,
				due.execution,
				linkIn(reminders.find((m) => m.to.includes('a1@x.com'))!),
				'approve',
			);
			expect(a1.response.statusCode).toBe(200);
			const a2 = await clickDecision(
				engine,
				due.execution,
				linkIn(reminders.find((m) => m.to.includes('a2@x.com'))!),
				'approve',
			);
			expect(a2.resumed).toBe(true);
			expect(a2.execution.output('On Approved')[0]).toMatchObject({
				requestNumber: due.number,
				status: 'approved',
			});
			const dean = await clickDecision(engine, escalate.execution, deanLink, 'reject', '不同意');
			expect(dean.resumed).toBe(true);
			expect(dean.execution.output('On Rejected')[0]).toMatchObject({
				requestNumber: escalate.number,
				status: 'rejected',
			});
		} finally {
			await store.close();
		}
	});
});

describe('approval reminder workflow schedule', () => {
	it('fires at 09:00 Monday to Friday in the consortium time zone, as n8n compiles its rule', () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { toCronExpression } = require('n8n-nodes-base/dist/nodes/Schedule/GenericFunctions');
		const workflow = shippedWorkflow(WORKFLOW);
		const trigger = workflow.nodes.find((n: { name: string }) => n.name === TRIGGER);
		expect(trigger.type).toBe('n8n-nodes-base.scheduleTrigger');
		expect(
			trigger.parameters.rule.interval.map((i: object) =>
				toCronExpression(i, 'approvalReminders01'),
			),
		).toEqual([expect.stringMatching(/^\d+ 0 9 \* \* 1,2,3,4,5$/)]);
		expect(workflow.settings.timezone).toBe('Asia/Shanghai');
	});
});
