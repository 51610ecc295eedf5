import { recordLinkEndpoint } from '../../core/approval';
import { closeAllStores, openStore, type Store } from '../../core/store';
import { freshStoreConfig, testDialects } from '../helpers/dialects';
import { shippedWorkflow } from '../helpers/registry-engine';
import { WaitingServer } from '../helpers/waiting-server';
import {
	approvalWorkflow,
	formFields,
	linkOf,
	manageWorkflow,
	requestParameters,
	sent,
	stage,
} from './approval-helpers';
import { Engine, storeCredentials } from './harness';

/**
 * 待办 inbox: one personal link at the permanent endpoint (the shipped `approval-links.json`)
 * lists every request waiting on an approver across workflows, oldest first; its entries are
 * the approver's own decision links, so deciding from the inbox is deciding by link.
 */
describe.each(testDialects())('Approval inbox at the permanent endpoint (%s)', (dialect) => {
	let engine: Engine;
	let store: Store;
	const waiting = new WaitingServer(() => engine);
	const links = shippedWorkflow('approval-links.json');

	beforeAll(async () => {
		await waiting.start();
		waiting.links = { workflow: links, node: links.nodes[0].name };
	});
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
		await recordLinkEndpoint(store, waiting.linkEndpoint);
	});
	afterEach(() => store.close());

	const page = async (link: string, init: RequestInit = {}) => {
		const res = await fetch(link, init);
		return { status: res.status, body: await res.text() };
	};
	const entryLinks = (html: string) =>
		[...html.matchAll(/<a class="open" href="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
	async function manage(operation: string, parameters: object) {
		const run = await engine.run(manageWorkflow(operation, parameters as never));
		expect(run.error()).toBeUndefined();
		return run.output('Manage');
	}
	async function start(workflowId: string, title: string) {
		const workflow = {
			...approvalWorkflow(requestParameters([stage('head@x.com')], { title })),
			id: workflowId,
		};
		const execution = waiting.track(await engine.run(workflow));
		expect(execution.status).toBe('waiting');
		return linkOf(sent(execution), 'head@x.com');
	}

	it('lists what waits on one approver across workflows, oldest first, and never decides', async () => {
		const first = await start('wf-course', '课程立项 一');
		const second = await start('wf-project', '科研项目 二');
		const third = await start('wf-course', '课程立项 三');
		await start('wf-project', '他人的审批').catch(() => undefined);

		const [issued] = await manage('inboxLink', { email: 'Head@X.com', days: 7 });
		expect(issued).toMatchObject({
			email: 'head@x.com',
			to: 'head@x.com',
			subject: expect.stringContaining('待办'),
		});
		const inbox = String(issued.link);
		expect(inbox.startsWith(`${waiting.linkEndpoint}?inbox=`)).toBe(true);
		expect(String(issued.html)).toContain('打开待办');

		const shown = await page(inbox);
		expect(shown.status).toBe(200);
		expect(shown.body).toContain('待办审批');
		// the fourth request waits on head@x.com too: four entries, in the order they were made
		const entries = entryLinks(shown.body);
		expect(entries.slice(0, 3)).toEqual([first, second, third]);
		// a scanner's GET and HEAD of the inbox decide nothing
		expect((await page(inbox, { method: 'HEAD' })).status).toBe(200);
		const pending = await store.db
			.selectFrom('approval_slot')
			.select('status')
			.where('email', '=', 'head@x.com')
			.execute();
		expect(pending.every((s) => s.status === 'pending')).toBe(true);

		// deciding an entry is deciding by its link; the inbox then lists the rest
		const form = formFields((await page(entries[1])).body);
		const decided = await page(entries[1], {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ ...form, decision: 'approve' }).toString(),
		});
		expect(decided.status).toBe(200);
		expect(entryLinks((await page(inbox)).body)).toEqual(entries.filter((link) => link !== second));

		// a POST to the inbox address decides nothing and shows our page
		const posted = await page(inbox, { method: 'POST' });
		expect(posted.body).toContain('n8n-nodes-consortium approval page');
		expect(entryLinks((await page(inbox)).body)).toHaveLength(entries.length - 1);
	});

	it('a new link replaces the old; revoked, expired and forged links show our page', async () => {
		await start('wf-course', '课程立项');
		const [old] = await manage('inboxLink', { email: 'head@x.com' });
		const [fresh] = await manage('inboxLink', { email: 'head@x.com' });
		expect((await page(String(old.link))).status).toBe(410);
		expect((await page(String(fresh.link))).status).toBe(200);

		const forged = String(fresh.link).replace(/inbox=.{5}/, 'inbox=AAAAA');
		const unknown = await page(forged);
		expect([unknown.status, unknown.body.includes('链接无效')]).toEqual([404, true]);

		await store.db
			.updateTable('approval_inbox')
			.set({ expires_at: new Date(Date.now() - 1000).toISOString() })
			.where('revoked_at', 'is', null)
			.execute();
		const expired = await page(String(fresh.link));
		expect([expired.status, expired.body.includes('已过期')]).toEqual([410, true]);

		const [again] = await manage('inboxLink', { email: 'head@x.com' });
		expect(await manage('revokeInbox', { email: 'head@x.com' })).toEqual([
			{ email: 'head@x.com', revoked: 1 },
		]);
		const revoked = await page(String(again.link));
		expect([revoked.status, revoked.body.includes('已失效')]).toEqual([410, true]);
		const audit = await store.db
			.selectFrom('audit')
			.select('action')
			.where('entity_type', '=', 'approval_inbox')
			.execute();
		expect(audit.map((a) => a.action).sort()).toEqual([
			'issue_inbox',
			'issue_inbox',
			'issue_inbox',
			'revoke_inbox',
		]);
	});

	it('the owner sets and ends a 委托 delegation from the inbox page; a POST without its anti-forgery field changes nothing', async () => {
		const [issued] = await manage('inboxLink', { email: 'head@x.com' });
		const inbox = String(issued.link);
		const shown = await page(inbox);
		expect(shown.body).toContain('委托代理 Delegation');
		const formKey = /name="formKey" value="([^"]+)"/.exec(shown.body)![1];
		const post = (fields: Record<string, string>) =>
			page(inbox, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams(fields).toString(),
			});
		const delegations = () => store.db.selectFrom('approval_delegation').selectAll().execute();
		const today = new Date().toISOString().slice(0, 10);
		const far = '2099-12-31';

		// a forged or missing anti-forgery field, or another inbox's, is refused
		const forged = await post({ action: 'delegate', deputy: 'deputy@x.com', from: today, to: far });
		expect([forged.status, forged.body.includes('页面已过期')]).toEqual([403, true]);
		// a bad range names the field and keeps what was typed
		const backwards = await post({
			formKey,
			action: 'delegate',
			deputy: 'deputy@x.com',
			from: far,
			to: today,
		});
		expect(backwards.status).toBe(422);
		expect(backwards.body).toContain('结束日期早于开始日期');
		expect(backwards.body).toContain('value="deputy@x.com"');
		const self = await post({
			formKey,
			action: 'delegate',
			deputy: 'head@x.com',
			from: today,
			to: far,
		});
		expect([self.status, self.body.includes('受托人不能是委托人本人')]).toEqual([422, true]);
		expect(await delegations()).toEqual([]);

		const set = await post({
			formKey,
			action: 'delegate',
			deputy: 'deputy@x.com',
			from: today,
			to: far,
		});
		expect(set.status).toBe(200);
		expect(set.body).toContain('已委托');
		expect(set.body).toContain('结束委托');
		expect(await delegations()).toMatchObject([
			{ email: 'head@x.com', deputy_email: 'deputy@x.com', to_date: far, revoked_at: null },
		]);
		// the delegation acts: a request reaching the head now goes to the deputy
		const run = waiting.track(
			await engine.run(
				approvalWorkflow(requestParameters([stage('head@x.com')], { title: '代审' })),
			),
		);
		expect(sent(run).map((m) => m.to)).toContain('deputy@x.com');
		expect(sent(run).map((m) => m.to)).not.toContain('head@x.com');
		// the audit names the owner, who acted through their inbox
		const audit = await store.db
			.selectFrom('audit')
			.select(['action', 'actor'])
			.where('entity_type', '=', 'approval_delegation')
			.execute();
		expect(audit).toEqual([{ action: 'delegate', actor: 'head@x.com' }]);

		const ended = await post({ formKey, action: 'endDelegation' });
		expect([ended.status, ended.body.includes('委托已结束')]).toEqual([200, true]);
		expect((await delegations()).every((d) => d.revoked_at)).toBe(true);
		expect((await page(inbox)).body).toContain('设置委托');
	});

	it('催办 with the inbox: one mail per approver naming every reminded request, with a fresh inbox link that lists them', async () => {
		const started = async (title: string) => {
			const run = waiting.track(
				await engine.run(
					approvalWorkflow(
						requestParameters([stage('head@x.com', { remindEveryHours: 24 })], { title }),
					),
				),
			);
			expect(run.status).toBe('waiting');
		};
		await started('课程立项 甲');
		await started('科研项目 乙');
		const longAgo = new Date(Date.now() - 25 * 3600_000).toISOString();
		await store.db.updateTable('approval_slot').set({ reminded_at: longAgo }).execute();
		const [old] = await manage('inboxLink', { email: 'head@x.com' });

		// without the links workflow there is no inbox link: refused before anything is recorded
		await store.db.deleteFrom('setting').where('key', '=', 'approval_link_endpoint').execute();
		const refused = await engine.run(manageWorkflow('remind', { remindWith: 'inbox' }));
		expect(refused.error()).toMatch(/第 1 项.*审批链接工作流未启用/);
		const slots = () => store.db.selectFrom('approval_slot').select('reminded_at').execute();
		expect((await slots()).every((s) => s.reminded_at === longAgo)).toBe(true);
		await recordLinkEndpoint(store, waiting.linkEndpoint);

		const items = await manage('remind', { remindWith: 'inbox' });
		const numbers = (
			await store.db.selectFrom('approval_request').select('number').orderBy('number').execute()
		).map((r) => r.number);
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({
			to: 'head@x.com',
			kind: 'reminder',
			requests: numbers,
			subject: expect.stringContaining('【催办】2 项审批等待您处理'),
		});
		expect(String(items[0].text)).toContain('课程立项 甲');
		expect((await slots()).every((s) => s.reminded_at !== longAgo)).toBe(true);
		const shown = await page(String(items[0].link));
		expect(entryLinks(shown.body)).toHaveLength(2);
		// the fresh link replaced the one issued before
		expect((await page(String(old.link))).status).toBe(410);
		// reminded just now: a second run reminds nobody
		expect(await manage('remind', { remindWith: 'inbox' })).toEqual([]);
	});

	it('a bad email names the field, writes nothing, and honours Continue On Fail', async () => {
		const workflow = manageWorkflow('inboxLink', { email: 'not-an-email' });
		const failed = await engine.run(workflow);
		expect(failed.error()).toMatch(/第 1 项.*审批人邮箱/);
		(workflow.nodes[1] as any).onError = 'continueRegularOutput';
		const run = await engine.run(workflow);
		expect(run.error()).toBeUndefined();
		expect(run.output('Manage')[0].error).toMatch(/审批人邮箱/);
		expect(await store.db.selectFrom('approval_inbox').selectAll().execute()).toEqual([]);
	});
});
