import { closeAllStores, openStore, type Store } from '../../core/store';
import '../../core/approval';
import { freshStoreConfig, testDialects } from '../helpers/dialects';
import {
	approvalWorkflow,
	formFields,
	linkOf,
	queryOf,
	requestParameters,
	sent,
	stage,
} from './approval-helpers';
import { Engine, storeCredentials, type Execution } from './harness';

describe.each(testDialects())('Approval under concurrent clicks (%s)', (dialect) => {
	let engine: Engine;
	let store: Store;

	beforeEach(async () => {
		const config = await freshStoreConfig(dialect);
		engine = new Engine({ credentials: storeCredentials(config) });
		store = await openStore(config);
	});
	afterEach(() => store.close());
	afterAll(() => closeAllStores());

	async function formOf(execution: Execution, link: string) {
		const page = await engine.webhook(execution, { method: 'GET', query: queryOf(link) });
		return formFields(page.response.body);
	}

	const decisionAudits = async () =>
		(
			await store.db
				.selectFrom('audit')
				.select(['action', 'entity_id'])
				.where('action', 'in', ['approve', 'reject'])
				.execute()
		).map((a) => a.entity_id);

	it('50 simultaneous POSTs by one approver: one decision, one resume', async () => {
		const execution = await engine.run(approvalWorkflow(requestParameters([stage('head@x.com')])));
		const link = linkOf(sent(execution), 'head@x.com');
		const form = await formOf(execution, link);
		const results = await Promise.all(
			Array.from({ length: 50 }, (_, i) =>
				engine.webhook(execution, {
					method: 'POST',
					query: queryOf(link),
					body: { ...form, decision: i % 2 ? 'reject' : 'approve', comment: `click ${i}` },
				}),
			),
		);
		expect(results.filter((r) => r.resumed)).toHaveLength(1);
		expect(
			results.filter((r) => r.response.body.includes('Your decision was recorded')),
		).toHaveLength(1);
		expect(results.filter((r) => r.response.statusCode === 410)).toHaveLength(49);
		expect(results.every((r) => r.response.statusCode < 500)).toBe(true);
		expect(await decisionAudits()).toHaveLength(1);
		const winner = results.find((r) => r.resumed)!.execution;
		const outcome = [...winner.output('On Approved'), ...winner.output('On Rejected')];
		expect(outcome).toHaveLength(1);
		const slot = await store.db.selectFrom('approval_slot').selectAll().executeTakeFirstOrThrow();
		expect(outcome[0].status).toBe(slot.status);
	});

	it('10 approvers of one 会签 stage at once: ten decisions, exactly one resume', async () => {
		const approvers = Array.from({ length: 10 }, (_, i) => `p${i}@x.com`);
		const execution = await engine.run(
			approvalWorkflow(requestParameters([stage(approvers.join(', '), { mode: 'all' })])),
		);
		const links = approvers.map((a) => linkOf(sent(execution), a));
		const forms = await Promise.all(links.map((l) => formOf(execution, l)));
		// Each approver clicks three times, all at once.
		const results = await Promise.all(
			links.flatMap((link, i) =>
				[0, 1, 2].map(() =>
					engine.webhook(execution, {
						method: 'POST',
						query: queryOf(link),
						body: { ...forms[i], decision: 'approve' },
					}),
				),
			),
		);
		expect(results.filter((r) => r.resumed)).toHaveLength(1);
		expect(
			results.filter((r) => r.response.body.includes('Your decision was recorded')),
		).toHaveLength(10);
		const audits = await decisionAudits();
		expect(audits).toHaveLength(10);
		expect(new Set(audits).size).toBe(10);
		const slots = await store.db.selectFrom('approval_slot').select('status').execute();
		expect(slots.map((s) => s.status)).toEqual(Array(10).fill('approved'));
		expect(results.find((r) => r.resumed)!.execution.output('On Approved')[0]).toMatchObject({
			status: 'approved',
		});
	});
});
