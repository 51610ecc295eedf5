import { closeAllStores, openStore, type Store } from '../../../core/store';
import {
	createRequest,
	decide,
	expireOverdue,
	formKey,
	inspectLink,
	loadRecord,
	parseRequest,
	remindDue,
	type ApprovalEnv,
} from '../../../core/approval';
import { freshStoreConfig, testDialects } from '../../helpers/dialects';

const settings = { timeZone: 'Asia/Shanghai', linkSecret: 'unit-secret' };
const link = { linkBase: 'http://n8n/webhook-waiting/1/node', executionId: null, nodeId: null };
const spec = (prefix = 'KC', stages: object[] = [{ approvers: 'a@x.com' }]) =>
	parseRequest({ title: 't', submitterEmail: 's@x.com', numberPrefix: prefix, stages }, link);

describe.each(testDialects())('approval store (%s)', (dialect) => {
	let store: Store;
	beforeEach(async () => {
		store = await openStore(await freshStoreConfig(dialect));
	});
	afterEach(() => store.close());
	afterAll(() => closeAllStores());

	it('gives 30 concurrent creations 30 distinct numbers in sequence, per prefix', async () => {
		const env: ApprovalEnv = { store, settings, now: new Date('2026-03-01T00:00:00Z') };
		const created = await Promise.all(
			Array.from({ length: 30 }, (_, i) =>
				createRequest(env, spec(i % 3 ? 'KC' : 'ZL'), { actor: 'test' }),
			),
		);
		const kc = created
			.map((c) => c.request.number)
			.filter((n) => n.startsWith('KC'))
			.sort();
		const zl = created
			.map((c) => c.request.number)
			.filter((n) => n.startsWith('ZL'))
			.sort();
		expect(kc).toEqual(
			Array.from({ length: 20 }, (_, i) => `KC-2026-${String(i + 1).padStart(4, '0')}`),
		);
		expect(zl).toEqual(
			Array.from({ length: 10 }, (_, i) => `ZL-2026-${String(i + 1).padStart(4, '0')}`),
		);
		const next = await createRequest({ ...env, now: new Date('2026-12-31T17:00:00Z') }, spec(), {
			actor: 'test',
		});
		expect(next.request.number).toBe('KC-2027-0001');
	});

	it('stores only the token hash, and a decision records approver, time, comment, IP and user agent', async () => {
		const env: ApprovalEnv = { store, settings };
		const { request, change } = await createRequest(env, spec(), { actor: 'test' });
		const slot = change.opened[0];
		const { deriveToken } = await import('../../../core/approval/tokens');
		const token = deriveToken(settings.linkSecret, slot.id, slot.token_salt!);
		const raw = JSON.stringify(await store.db.selectFrom('approval_slot').selectAll().execute());
		expect(raw).not.toContain(token);
		expect((await inspectLink(env, token)).state).toBe('open');
		const view = await decide(env, {
			token,
			formKey: formKey(settings.linkSecret, token),
			decision: 'approve',
			comment: '好',
			ip: '10.0.0.1',
			userAgent: 'UA',
		});
		expect(view).toMatchObject({
			state: 'recorded',
			deliver: true,
			change: { outcome: 'approved' },
		});
		const record = await loadRecord(store.db, request.number);
		expect(record.stages[0].approvers[0]).toMatchObject({
			email: 'a@x.com',
			status: 'approved',
			comment: '好',
			ip: '10.0.0.1',
			userAgent: 'UA',
			decidedAt: expect.any(String),
		});
	});

	it('expire overdue applies timeout actions only to stages past their due time', async () => {
		const t0 = new Date('2026-05-01T00:00:00Z');
		const env: ApprovalEnv = { store, settings, now: t0 };
		const due = await createRequest(
			env,
			spec('KC', [{ approvers: 'a@x.com', dueHours: 24, timeoutAction: 'reject' }]),
			{ actor: 'test' },
		);
		await createRequest(
			env,
			spec('KC', [{ approvers: 'a@x.com', dueHours: 72, timeoutAction: 'reject' }]),
			{ actor: 'test' },
		);
		const changes = await expireOverdue(
			{ ...env, now: new Date(t0.getTime() + 25 * 3600_000) },
			{ actor: 'schedule' },
		);
		expect(changes.map((c) => [c.requestId, c.outcome])).toEqual([[due.request.id, 'rejected']]);
		expect(await loadRecord(store.db, due.request.id)).toMatchObject({
			status: 'rejected',
			reason: 'timeout',
		});
	});

	it('remind due picks only approvers whose stage reminder interval has passed since the last notice', async () => {
		const t0 = new Date('2026-06-01T00:00:00Z');
		const env: ApprovalEnv = { store, settings, now: t0 };
		const daily = await createRequest(
			env,
			spec('KC', [{ approvers: 'a@x.com, b@x.com', mode: 'all', remindEveryHours: 24 }]),
			{ actor: 'test' },
		);
		await createRequest(env, spec('KC', [{ approvers: 'c@x.com', remindEveryHours: 0 }]), {
			actor: 'test',
		});
		expect(
			await remindDue({ ...env, now: new Date(t0.getTime() + 23 * 3600_000) }, { actor: 's' }),
		).toEqual([]);
		const first = await remindDue(
			{ ...env, now: new Date(t0.getTime() + 25 * 3600_000) },
			{ actor: 's' },
		);
		expect(first.map((c) => [c.requestId, c.opened.map((s) => s.email)])).toEqual([
			[daily.request.id, ['a@x.com', 'b@x.com']],
		]);
		expect(first[0].opened.map((s) => s.token_salt)).toEqual(
			daily.change.opened.map((s) => s.token_salt),
		);
		expect(
			await remindDue({ ...env, now: new Date(t0.getTime() + 30 * 3600_000) }, { actor: 's' }),
		).toEqual([]);
	});

	it("remind due counts from when an approver's turn came, and tolerates a schedule firing a little early", async () => {
		const t0 = new Date('2026-06-01T00:00:00Z');
		const at = (hours: number): ApprovalEnv => ({
			store,
			settings,
			now: new Date(t0.getTime() + hours * 3600_000),
		});
		const created = await createRequest(
			at(0),
			spec('KC', [{ approvers: 'a@x.com, b@x.com', mode: 'sequential', remindEveryHours: 24 }]),
			{ actor: 'test' },
		);
		const { deriveToken } = await import('../../../core/approval/tokens');
		const first = created.change.opened[0];
		const token = deriveToken(settings.linkSecret, first.id, first.token_salt!);
		// a@x.com decides after 29 hours: b@x.com's turn comes then, not when the stage started
		expect(
			(
				await decide(at(29), {
					token,
					formKey: formKey(settings.linkSecret, token),
					decision: 'approve',
				})
			).state,
		).toBe('recorded');
		expect(await remindDue(at(30), { actor: 's' })).toEqual([]);
		// a daily run fires a few seconds before 24 hours have passed: still due, not put off a day
		const daily = await remindDue(at(29 + 24 - 0.01), { actor: 's' });
		expect(daily.map((c) => c.opened.map((s) => s.email))).toEqual([['b@x.com']]);
		expect(await remindDue(at(29 + 24 + 23), { actor: 's' })).toEqual([]);
		expect(
			(await remindDue(at(29 + 48 - 0.01), { actor: 's' })).map((c) =>
				c.opened.map((s) => s.email),
			),
		).toEqual([['b@x.com']]);
	});

	it('of two reminder runs at the same moment, exactly one reminds each approver', async () => {
		const t0 = new Date('2026-06-01T00:00:00Z');
		const requests = [];
		for (let i = 0; i < 5; i++)
			requests.push(
				await createRequest(
					{ store, settings, now: t0 },
					spec('KC', [{ approvers: 'a@x.com, b@x.com', mode: 'all', remindEveryHours: 24 }]),
					{ actor: 'test' },
				),
			);
		const later: ApprovalEnv = { store, settings, now: new Date(t0.getTime() + 25 * 3600_000) };
		const runs = await Promise.all([
			remindDue(later, { actor: 'run-1' }),
			remindDue(later, { actor: 'run-2' }),
			remindDue(later, { actor: 'run-3' }),
		]);
		const reminded = runs.flat().flatMap((c) => c.opened.map((s) => `${c.requestId}|${s.email}`));
		expect(reminded.sort()).toEqual(
			requests.flatMap((r) => [`${r.request.id}|a@x.com`, `${r.request.id}|b@x.com`]).sort(),
		);
		const audit = await store.db
			.selectFrom('audit')
			.select('entity_id')
			.where('action', '=', 'remind')
			.execute();
		expect(audit.map((a) => a.entity_id).sort()).toEqual(requests.map((r) => r.request.id).sort());
	});
});
