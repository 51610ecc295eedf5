import { closeAllStores, openStore, type Store } from '../../core/store';
import { loadRecord } from '../../core/approval';
import { dateInZone, addDays } from '../../core/util/time';
import { freshStoreConfig, testDialects } from '../helpers/dialects';
import { WaitingServer } from '../helpers/waiting-server';
import {
	approvalWorkflow,
	clickDecision,
	linkOf,
	manageWorkflow,
	queryOf,
	requestParameters,
	sent,
	stage,
} from './approval-helpers';
import { Engine, storeCredentials } from './harness';

/**
 * 委托: an approver away for a date range names a deputy; an approval whose turn reaches them
 * in that range goes to the deputy, who decides it, and the record, page and audit say for whom.
 */
describe.each(testDialects())('Approval delegation in the n8n engine (%s)', (dialect) => {
	let engine: Engine;
	let store: Store;
	const waiting = new WaitingServer(() => engine);
	const today = dateInZone(new Date(), 'Asia/Shanghai');

	beforeAll(() => waiting.start());
	afterAll(async () => {
		await waiting.stop();
		await closeAllStores();
	});
	beforeEach(async () => {
		const config = await freshStoreConfig(dialect);
		engine = new Engine({
			credentials: storeCredentials(config),
			webhookWaitingBaseUrl: waiting.baseUrl,
		});
		store = await openStore(config);
	});
	afterEach(() => store.close());

	async function manage(operation: string, parameters: object) {
		const workflow = manageWorkflow(operation, parameters as never);
		return engine.run(workflow);
	}

	it('the deputy gets the turn in the range, decides, and is audited as acting for the approver', async () => {
		const set = await manage('delegate', {
			approver: '王主任 <head@x.com>',
			deputy: '李副主任 <deputy@x.com>',
			from: addDays(today, -1),
			to: addDays(today, 1),
		});
		expect(set.error()).toBeUndefined();
		const execution = waiting.track(
			await engine.run(
				approvalWorkflow(requestParameters([stage('head@x.com'), stage('dean@x.com')])),
			),
		);
		const messages = sent(execution);
		expect(messages.map((m) => m.to)).toEqual(['deputy@x.com', 'office@college.edu.cn']);
		const link = linkOf(messages, 'deputy@x.com');
		const page = await engine.webhook(execution, { method: 'GET', query: queryOf(link) });
		expect(page.response.body).toContain('您代 head@x.com 审批');

		const done = await clickDecision(engine, execution, link, 'approve', '代为同意');
		const next = done.execution.output('Send', 0);
		expect(next.map((m) => m.to)).toEqual(['dean@x.com']);
		const record = await loadRecord(store.db, String(next[0].requestNumber));
		expect(record.stages[0].approvers[0]).toMatchObject({
			email: 'deputy@x.com',
			delegatedFrom: 'head@x.com',
			status: 'approved',
		});
		const audit = await store.db
			.selectFrom('audit')
			.select(['action', 'changes'])
			.where('entity_type', '=', 'approval_slot')
			.where('action', 'in', ['delegated', 'approve'])
			.orderBy('seq')
			.execute();
		expect(audit.map((a) => [a.action, JSON.parse(a.changes ?? '{}')])).toEqual([
			['delegated', expect.objectContaining({ from: 'head@x.com', to: 'deputy@x.com' })],
			['approve', expect.objectContaining({ onBehalfOf: 'head@x.com', comment: '代为同意' })],
		]);
	});

	it('outside the range, or once ended, the approver gets their own turn', async () => {
		await manage('delegate', {
			approver: 'head@x.com',
			deputy: 'deputy@x.com',
			from: addDays(today, 2),
			to: addDays(today, 5),
		});
		const later = await engine.run(approvalWorkflow(requestParameters([stage('head@x.com')])));
		expect(sent(later).map((m) => m.to)).toContain('head@x.com');
		expect(sent(later).map((m) => m.to)).not.toContain('deputy@x.com');

		await manage('delegate', {
			approver: 'head@x.com',
			deputy: 'deputy@x.com',
			from: today,
			to: today,
		});
		const ended = await manage('endDelegation', { approver: 'head@x.com' });
		expect(ended.output('Manage')).toEqual([{ approver: 'head@x.com', ended: 1 }]);
		const after = await engine.run(approvalWorkflow(requestParameters([stage('head@x.com')])));
		expect(sent(after).map((m) => m.to)).toContain('head@x.com');
		expect(sent(after).map((m) => m.to)).not.toContain('deputy@x.com');
	});

	it('a range ending before it starts names the field, writes nothing, and honours Continue On Fail', async () => {
		const parameters = {
			approver: 'head@x.com',
			deputy: 'deputy@x.com',
			from: today,
			to: addDays(today, -3),
		};
		const failed = await manage('delegate', parameters);
		expect(failed.error()).toMatch(/第 1 项.*结束日期早于开始日期/);
		const workflow = manageWorkflow('delegate', parameters as never);
		(workflow.nodes[1] as any).onError = 'continueRegularOutput';
		const run = await engine.run(workflow);
		expect(run.error()).toBeUndefined();
		expect(run.output('Manage')[0].error).toMatch(/结束日期/);
		expect(await store.db.selectFrom('approval_delegation').selectAll().execute()).toEqual([]);
	});
});
