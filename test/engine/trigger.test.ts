import { Client } from 'pg';
import { organisations } from '../../core/directory';
import {
	closeAllStores,
	openStore,
	writeAudit,
	type Store,
	type StoreConfig,
} from '../../core/store';
import { freshStoreConfig, testDialects } from '../helpers/dialects';
import { Engine, storeCredentials } from './harness';
import { pollNode, triggerWorkflow as pollWorkflow } from './poll';

const actor = { actor: 'test:other-process' };

/** Watches organisations and people unless told otherwise. */
const triggerWorkflow = (id: string, parameters: object = {}) =>
	pollWorkflow(id, {
		events: ['recordChanged'],
		recordKinds: ['organisation', 'person'],
		...parameters,
	});

const createOrgWorkflow = {
	id: 'wf-writer',
	name: 'writer',
	nodes: [
		{
			id: 'start',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: 'create',
			name: 'Create Org',
			type: 'n8n-nodes-consortium.consortium',
			typeVersion: 1,
			position: [200, 0],
			parameters: {
				resource: 'organisation',
				operation: 'create',
				name: '={{ $json.org }}',
				kind: 'enterprise',
			},
			credentials: { consortiumStoreApi: { id: 'consortium-store', name: 'store' } },
		},
	],
	connections: { Start: { main: [[{ node: 'Create Org', type: 'main', index: 0 }]] } },
};

/** Another process writing to the store: its own connection, not the nodes' cached one. */
async function writeOrgs(config: StoreConfig, names: string[]): Promise<string[]> {
	const store = await openStore(config);
	try {
		const ids: string[] = [];
		for (const name of names)
			ids.push((await organisations.create(store, { name, kind: 'enterprise' }, actor)).id);
		return ids;
	} finally {
		await store.close();
	}
}

async function auditIds(store: Store, entityIds: string[]): Promise<string[]> {
	const rows = await store.db
		.selectFrom('audit')
		.select('id')
		.where('entity_id', 'in', entityIds)
		.orderBy('seq')
		.execute();
	return rows.map((r) => r.id);
}

describe.each(testDialects())('ConsortiumTrigger in the n8n engine (%s)', (dialect) => {
	afterEach(() => closeAllStores());

	it('starts at the end of the trail, misses nothing written while n8n was down, and never repeats an event', async () => {
		const config = await freshStoreConfig(dialect);
		await writeOrgs(config, ['启用前的单位']);
		const wf = triggerWorkflow('wf-restart');
		let engine = new Engine({ credentials: storeCredentials(config) });
		expect(await pollNode(engine, wf, 'On Change')).toBeNull();

		const written = await engine.run(createOrgWorkflow, {
			items: [{ org: '甲公司' }, { org: '乙公司' }],
		});
		expect(written.error()).toBeUndefined();
		const first = (await pollNode(engine, wf, 'On Change'))!;
		expect(first.map((e) => e.event)).toEqual(['record.created', 'record.created']);
		expect(first.map((e) => (e.changes as any).name)).toEqual(['甲公司', '乙公司']);
		expect(first[0]).toMatchObject({
			kind: 'organisation',
			entityType: 'organisation',
			action: 'create',
		});
		expect(first[0].actor).toContain('Create Org');
		expect(await pollNode(engine, wf, 'On Change')).toBeNull();

		// The emitted items run the rest of the workflow.
		const downstream = await engine.run(wf, { startNode: 'On Change', items: first });
		expect(downstream.output('Sink').map((e) => e.eventId)).toEqual(first.map((e) => e.eventId));

		// n8n stops: connections close, and records are written meanwhile by someone else.
		await closeAllStores();
		const whileDown = await writeOrgs(config, ['丙公司', '丁公司', '戊公司']);
		engine = new Engine({ credentials: storeCredentials(config) });
		const afterRestart = (await pollNode(engine, wf, 'On Change'))!;
		expect(afterRestart.map((e) => e.entityId)).toEqual(whileDown);
		expect(await pollNode(engine, wf, 'On Change')).toBeNull();

		const store = await openStore(config);
		const created = await store.db
			.selectFrom('organisation')
			.select('id')
			.where('name', '!=', '启用前的单位')
			.execute();
		const expected = await auditIds(
			store,
			created.map((c) => c.id),
		);
		const emitted = [...first, ...afterRestart].map((e) => e.eventId);
		expect(emitted).toEqual(expected);
		expect(new Set(emitted).size).toBe(emitted.length);
		const cursor = await store.db.selectFrom('event_cursor').selectAll().execute();
		expect(cursor.map((c) => c.key)).toEqual(['wf-restart:trigger-node-1']);
		await store.close();
	});

	it('gives each of two workflows every event, each at its own pace', async () => {
		const config = await freshStoreConfig(dialect);
		const engine = new Engine({ credentials: storeCredentials(config) });
		const a = triggerWorkflow('wf-a');
		const b = triggerWorkflow('wf-b');
		expect(await pollNode(engine, a, 'On Change')).toBeNull();
		expect(await pollNode(engine, b, 'On Change')).toBeNull();
		const one = await writeOrgs(config, ['一号', '二号']);
		const fromA = (await pollNode(engine, a, 'On Change'))!;
		const two = await writeOrgs(config, ['三号']);
		const fromB = (await pollNode(engine, b, 'On Change'))!;
		const fromA2 = (await pollNode(engine, a, 'On Change'))!;
		expect(fromA.map((e) => e.entityId)).toEqual(one);
		expect(fromA2.map((e) => e.entityId)).toEqual(two);
		expect(fromB.map((e) => e.entityId)).toEqual([...one, ...two]);
		expect(fromB.map((e) => e.eventId)).toEqual([...fromA, ...fromA2].map((e) => e.eventId));
		expect(await pollNode(engine, a, 'On Change')).toBeNull();
		expect(await pollNode(engine, b, 'On Change')).toBeNull();
	});

	it('drains a backlog in pages of the configured size and filters by kind and action', async () => {
		const config = await freshStoreConfig(dialect);
		const engine = new Engine({ credentials: storeCredentials(config) });
		const paged = triggerWorkflow('wf-paged', { maxEvents: 2 });
		const updatesOnly = triggerWorkflow('wf-updates', { actions: 'update' });
		const people = triggerWorkflow('wf-people', { recordKinds: ['person'] });
		for (const wf of [paged, updatesOnly, people])
			expect(await pollNode(engine, wf, 'On Change')).toBeNull();
		const ids = await writeOrgs(config, ['A', 'B', 'C', 'D', 'E']);
		const store = await openStore(config);
		await organisations.update(store, ids[2], { contactName: '张三' }, actor);
		await store.close();
		const pages: string[][] = [];
		for (let i = 0; i < 4; i++)
			pages.push(
				((await pollNode(engine, paged, 'On Change')) ?? []).map((e) => e.entityId as string),
			);
		expect(pages).toEqual([ids.slice(0, 2), ids.slice(2, 4), [ids[4], ids[2]], []]);
		const updates = (await pollNode(engine, updatesOnly, 'On Change'))!;
		expect(updates).toHaveLength(1);
		expect(updates[0]).toMatchObject({
			event: 'record.updated',
			entityId: ids[2],
			changes: { contact_name: [null, '张三'] },
		});
		expect(await pollNode(engine, people, 'On Change')).toBeNull();
	});

	it('"fetch test event" shows the newest real event without moving the cursor', async () => {
		const config = await freshStoreConfig(dialect);
		const engine = new Engine({ credentials: storeCredentials(config) });
		const wf = triggerWorkflow('wf-manual');
		await expect(pollNode(engine, wf, 'On Change', 'manual')).rejects.toThrow(/No matching event/);
		expect(await pollNode(engine, wf, 'On Change')).toBeNull();
		const ids = await writeOrgs(config, ['旧单位', '新单位']);
		const sample = (await pollNode(engine, wf, 'On Change', 'manual'))!;
		expect(sample).toHaveLength(1);
		expect(sample[0]).toMatchObject({ event: 'record.created', entityId: ids[1] });
		const live = (await pollNode(engine, wf, 'On Change'))!;
		expect(live.map((e) => e.entityId)).toEqual(ids);
		expect(live[1].eventId).toBe(sample[0].eventId);
	});

	it("emits an approval decided as its own event, once, and not the approval's other steps", async () => {
		const config = await freshStoreConfig(dialect);
		const engine = new Engine({ credentials: storeCredentials(config) });
		const wf = triggerWorkflow('wf-decided', { events: ['approvalDecided'] });
		expect(await pollNode(engine, wf, 'On Change')).toBeNull();
		const store = await openStore(config);
		await store.transaction(async (tx) => {
			await writeAudit(tx, {
				actor: 'head@example.com',
				action: 'approve',
				entityType: 'approval_slot',
				entityId: 'slt_1',
			});
			await writeAudit(tx, {
				actor: 'head@example.com',
				action: 'stage_approved',
				entityType: 'approval_stage',
				entityId: 'stg_1',
			});
			await writeAudit(tx, {
				actor: 'head@example.com',
				action: 'approved',
				entityType: 'approval_request',
				entityId: 'apr_1',
				changes: { status: ['pending', 'approved'], reason: 'decided' },
			});
		});
		await store.transaction((tx) =>
			writeAudit(tx, {
				actor: 'dean@example.com',
				action: 'rejected',
				entityType: 'approval_request',
				entityId: 'apr_2',
				changes: { status: ['pending', 'rejected'] },
			}),
		);
		await store.close();
		const events = (await pollNode(engine, wf, 'On Change'))!;
		expect(events.map((e) => [e.event, e.kind, e.entityId, e.action])).toEqual([
			['approval.decided', 'approval', 'apr_1', 'approved'],
			['approval.decided', 'approval', 'apr_2', 'rejected'],
		]);
		expect(events[0].changes).toEqual({ status: ['pending', 'approved'], reason: 'decided' });
		expect(await pollNode(engine, wf, 'On Change')).toBeNull();
	});

	it('fires a deadline entering the window once, and an overdue approval stage once', async () => {
		const config = await freshStoreConfig(dialect);
		const engine = new Engine({ credentials: storeCredentials(config) });
		const wf = triggerWorkflow('wf-clock', {
			events: ['deadlineWindow', 'approvalOverdue'],
			windowDays: 30,
		});
		const store = await openStore(config);
		const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
			new Date(),
		);
		const inDays = (n: number) =>
			new Date(Date.parse(`${today}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
		const deadline = (id: string, due: string) => ({
			id,
			kind: 'annual_fee',
			due_on: due,
			subject_type: 'registry_patent',
			subject_id: `pat_${id}`,
			subject_no: 'ZL202010601862.3',
			subject_title: `专利 ${id}`,
			owner_id: null,
			detail: null,
		});
		await (store.db as any)
			.insertInto('registry_deadline')
			.values([
				deadline('near', inDays(10)),
				deadline('far', inDays(45)),
				deadline('past', inDays(-1)),
			])
			.execute();
		const now = new Date().toISOString();
		await (store.db as any)
			.insertInto('approval_request')
			.values({
				id: 'apr_1',
				number: 'KC-2026-001',
				subject_type: 'course',
				subject_id: null,
				title: '课程立项审批',
				subject_fields: '[]',
				submitter_email: 's@example.com',
				submitter_name: null,
				cc: '[]',
				status: 'pending',
				reason: null,
				reason_note: null,
				current_stage: 0,
				due_at: '2020-01-01T00:00:00.000Z',
				auto_pass: 0,
				link_base: null,
				execution_id: null,
				node_id: null,
				created_at: now,
				updated_at: now,
				decided_at: null,
			})
			.execute();
		await (store.db as any)
			.insertInto('approval_stage')
			.values({
				id: 'stg_1',
				request_id: 'apr_1',
				idx: 0,
				name: '教研室 Teaching Office',
				mode: 'any',
				quorum: null,
				status: 'active',
				skip_if: null,
				due_hours: 24,
				remind_hours: null,
				timeout_action: 'escalate',
				escalate_to: '[]',
				escalated: 0,
				due_at: '2020-01-01T00:00:00.000Z',
				started_at: now,
				finished_at: null,
			})
			.execute();

		const first = (await pollNode(engine, wf, 'On Change'))!;
		expect(first.map((e) => `${e.event}:${e.entityId}`).sort()).toEqual([
			'approval.overdue:apr_1',
			'deadline.window:pat_near',
		]);
		const near = first.find((e) => e.event === 'deadline.window')!;
		expect(near).toMatchObject({
			due: inDays(10),
			title: '专利 near',
			detail: { deadlineKind: 'annual_fee', daysLeft: 10 },
		});
		expect(near.eventId).toBe(`deadline:registry_patent:pat_near:annual_fee:${inDays(10)}`);
		expect(await pollNode(engine, wf, 'On Change')).toBeNull();

		// The far deadline comes within the window; the stage's deadline is extended and passes again.
		await (store.db as any)
			.updateTable('registry_deadline')
			.set({ due_on: inDays(20) })
			.where('id', '=', 'far')
			.execute();
		await (store.db as any)
			.updateTable('approval_stage')
			.set({ due_at: '2021-01-01T00:00:00.000Z' })
			.where('id', '=', 'stg_1')
			.execute();
		const second = (await pollNode(engine, wf, 'On Change'))!;
		expect(second.map((e) => e.eventId).sort()).toEqual([
			`deadline:registry_patent:pat_far:annual_fee:${inDays(20)}`,
			'overdue:stg_1:2021-01-01T00:00:00.000Z',
		]);
		expect(await pollNode(engine, wf, 'On Change')).toBeNull();
		await store.close();
	});
});

const pgOnly = testDialects().includes('postgres') ? ['postgres' as const] : [];

describe.each(pgOnly)('ConsortiumTrigger with concurrent writers (%s)', (dialect) => {
	afterEach(() => closeAllStores());

	async function connect(config: StoreConfig): Promise<Client> {
		const client = new Client({
			host: config.host,
			port: config.port,
			user: config.user,
			password: config.password,
			database: config.database,
		});
		await client.connect();
		return client;
	}

	const auditInsert = (seqSql: string) =>
		`insert into audit (seq, id, at, actor, action, entity_type, entity_id) values (${seqSql}, $1, now()::text, 'test:slow-writer', 'create', 'organisation', $2)`;

	it('neither loses nor repeats a row whose transaction commits after a later row', async () => {
		const config = await freshStoreConfig(dialect);
		const engine = new Engine({ credentials: storeCredentials(config) });
		const wf = triggerWorkflow('wf-concurrent');
		expect(await pollNode(engine, wf, 'On Change')).toBeNull();

		const slow = await connect(config);
		try {
			await slow.query('begin');
			await slow.query(auditInsert(`nextval('audit_seq_seq')`), ['aud_slow_1', 'org_slow_1']);
			// A later row commits while the slow transaction is still open: it goes out, the
			// uncommitted one waits without holding it back.
			const [fast] = await writeOrgs(config, ['快公司']);
			const during = (await pollNode(engine, wf, 'On Change'))!;
			expect(during.map((e) => e.entityId)).toEqual([fast]);
			await slow.query('commit');
			const after = (await pollNode(engine, wf, 'On Change'))!;
			expect(after.map((e) => e.entityId)).toEqual(['org_slow_1']);
			expect(after[0].auditSeq).toBeLessThan(during[0].auditSeq as number);
			expect(await pollNode(engine, wf, 'On Change')).toBeNull();
		} finally {
			await slow.end();
		}
	});

	it('keeps a row whose seq was drawn before, but whose transaction id came after, a row already emitted', async () => {
		const config = await freshStoreConfig(dialect);
		const engine = new Engine({ credentials: storeCredentials(config) });
		const wf = triggerWorkflow('wf-seq-race');
		expect(await pollNode(engine, wf, 'On Change')).toBeNull();

		// The slow writer draws its seq first but only gets a transaction id when it writes.
		const slow = await connect(config);
		try {
			await slow.query('begin');
			const { rows } = await slow.query(`select nextval('audit_seq_seq')::int as seq`);
			const [fast] = await writeOrgs(config, ['先提交的公司']);
			await slow.query(auditInsert('$3'), ['aud_slow_2', 'org_slow_2', rows[0].seq]);
			// The committed later row is emitted while the lower seq is still uncommitted …
			const during = (await pollNode(engine, wf, 'On Change'))!;
			expect(during.map((e) => e.entityId)).toEqual([fast]);
			await slow.query('commit');
			// … and the lower seq still comes out once it commits: a "seq > cursor" reader would lose it.
			const after = (await pollNode(engine, wf, 'On Change'))!;
			expect(after.map((e) => e.entityId)).toEqual(['org_slow_2']);
			expect(after[0].auditSeq).toBeLessThan(during[0].auditSeq as number);
			expect(await pollNode(engine, wf, 'On Change')).toBeNull();
		} finally {
			await slow.end();
		}
	});

	it('lets two pollers of the same cursor (two n8n mains) emit each event once between them', async () => {
		const config = await freshStoreConfig(dialect);
		const engine = new Engine({ credentials: storeCredentials(config) });
		const wf = triggerWorkflow('wf-multi-main');
		expect(await pollNode(engine, wf, 'On Change')).toBeNull();
		const ids = await writeOrgs(config, ['一', '二', '三', '四']);
		const results = await Promise.all([
			pollNode(engine, wf, 'On Change'),
			pollNode(engine, wf, 'On Change'),
			pollNode(engine, wf, 'On Change'),
		]);
		const emitted = results.flatMap((r) => r ?? []).map((e) => e.entityId);
		expect(emitted.sort()).toEqual([...ids].sort());
	});
});
