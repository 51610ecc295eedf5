import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { sql } from 'kysely';
import {
	allMigrations,
	closeAllStores,
	getStore,
	migrate,
	openStore,
	paginate,
	resolveSettings,
	transition,
	writeAudit,
	type Store,
	type StoreConfig,
} from '../../core/store';
import { organisations, people } from '../../core/directory';
import { freshStoreConfig, testDialects } from '../helpers/dialects';

const actor = { actor: 'test' };

/** Runs a test/helpers script in its own Node process against a store. */
function runHelper(
	script: string,
	target: StoreConfig,
	env: Record<string, string> = {},
): Promise<string> {
	return new Promise<string>((resolve, reject) => {
		const child = spawn(
			process.execPath,
			['-r', 'ts-node/register/transpile-only', join(__dirname, '../helpers', script)],
			{
				env: { ...process.env, ...env, STORE_CONFIG: JSON.stringify(target) },
			},
		);
		let out = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (out += d));
		child.on('exit', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(out))));
	});
}

describe.each(testDialects())('store conformance on %s', (dialect) => {
	let config: StoreConfig;
	let store: Store;

	beforeEach(async () => {
		config = await freshStoreConfig(dialect);
		store = await openStore(config);
	});
	afterEach(async () => {
		await store.close();
	});
	afterAll(() => closeAllStores());

	it('migrates from empty to the newest version, and a re-run applies nothing', async () => {
		const names = allMigrations().map((m) => m.name);
		expect(store.schemaVersion).toBe(names.at(-1));
		const applied = await store.db
			.selectFrom('schema_migration')
			.select('name')
			.orderBy('name')
			.execute();
		expect(applied.map((r) => r.name)).toEqual(names);
		const again = await migrate(store.db, dialect);
		expect(again).toBe(store.schemaVersion);
		expect(await store.db.selectFrom('schema_migration').select('name').execute()).toHaveLength(
			names.length,
		);
	});

	it('two processes migrating the same empty store at once both succeed, each migration applied once', async () => {
		const target = await freshStoreConfig(dialect);
		const [a, b] = await Promise.all([
			runHelper('migrate-once.ts', target),
			runHelper('migrate-once.ts', target),
		]);
		const last = allMigrations().at(-1)!.name;
		expect(a).toBe(last);
		expect(b).toBe(last);
		const second = await openStore(target);
		const rows = await second.db.selectFrom('schema_migration').select('name').execute();
		expect(rows).toHaveLength(allMigrations().length);
		await second.close();
	});

	it('two processes writing at once both finish: writers queue instead of failing busy', async () => {
		const [a, b] = await Promise.all([
			runHelper('write-many.ts', config, { COUNT: '150', TAG: 'A' }),
			runHelper('write-many.ts', config, { COUNT: '150', TAG: 'B' }),
		]);
		expect([a, b]).toEqual(['150', '150']);
		const rows = await store.db.selectFrom('organisation').select('name').execute();
		expect(rows).toHaveLength(300);
		const audits = await store.db.selectFrom('audit').select('actor').execute();
		expect(audits.filter((r) => r.actor === 'A')).toHaveLength(150);
		expect(audits.filter((r) => r.actor === 'B')).toHaveLength(150);
	});

	it('a conditional transition loses under a concurrent winner', async () => {
		const org = await organisations.create(store, { name: '甲公司', kind: 'enterprise' }, actor);
		// Two transactions race to move the same row out of "enterprise"; exactly one wins.
		const attempt = (to: string) =>
			store.transaction((tx) =>
				transition(tx, {
					table: 'organisation',
					id: org.id,
					from: 'enterprise',
					to,
					column: 'kind',
				}),
			);
		const results = await Promise.all([
			attempt('school'),
			attempt('research'),
			attempt('government'),
		]);
		expect(results.filter(Boolean)).toHaveLength(1);
		const row = await store.db
			.selectFrom('organisation')
			.select('kind')
			.where('id', '=', org.id)
			.executeTakeFirstOrThrow();
		expect(['school', 'research', 'government'][results.indexOf(true)]).toBe(row.kind);
	});

	it('writes one audit row per change, in the same transaction', async () => {
		const org = await organisations.create(store, { name: '乙公司', kind: 'enterprise' }, actor);
		await organisations.update(store, org.id, { contactName: '王工' }, actor);
		await organisations.update(store, org.id, { contactName: '王工' }, actor); // no change, no row
		const p = await people.create(
			store,
			{ name: '李老师', kind: 'teacher', organisationId: org.id, email: 'li@example.com' },
			actor,
		);
		await people.delete(store, p.id, actor);
		const rows = await store.db.selectFrom('audit').selectAll().orderBy('seq').execute();
		expect(rows.map((r) => [r.entity_type, r.action])).toEqual([
			['organisation', 'create'],
			['organisation', 'update'],
			['person', 'create'],
			['person', 'delete'],
		]);
		expect(JSON.parse(rows[1].changes!)).toEqual({ contact_name: [null, '王工'] });
		expect(rows.every((r) => r.actor === 'test')).toBe(true);
	});

	it('a failed transaction leaves no partial write, audit included', async () => {
		const before = await store.db
			.selectFrom('audit')
			.select(sql<number>`count(*)`.as('n'))
			.executeTakeFirstOrThrow();
		await expect(
			store.transaction(async (tx) => {
				await organisations.createIn(tx, { name: '丙公司', kind: 'enterprise' }, actor);
				await writeAudit(tx, { actor: 'test', action: 'extra', entityType: 'x', entityId: 'y' });
				await organisations.createIn(tx, { name: '丙公司', kind: 'enterprise' }, actor); // duplicate name
			}),
		).rejects.toThrow(/already used/);
		expect(await store.db.selectFrom('organisation').selectAll().execute()).toHaveLength(0);
		const after = await store.db
			.selectFrom('audit')
			.select(sql<number>`count(*)`.as('n'))
			.executeTakeFirstOrThrow();
		expect(Number(after.n)).toBe(Number(before.n));
	});

	it('paginates 10,000 rows without gaps or repeats, with rows inserted meanwhile', async () => {
		const now = new Date().toISOString();
		const ids: string[] = [];
		const { newId } = await import('../../core/util/id');
		await store.transaction(async (tx) => {
			for (let chunk = 0; chunk < 10000; chunk += 500) {
				const rows = Array.from({ length: 500 }, (_, i) => {
					const id = newId('org');
					ids.push(id);
					return {
						id,
						name: `单位${chunk + i}`,
						kind: 'enterprise',
						roles: '[]',
						created_at: now,
						updated_at: now,
					};
				});
				await tx.insertInto('organisation').values(rows).execute();
			}
		});
		const seen: string[] = [];
		let after: string | null = null;
		let pages = 0;
		do {
			const page: { items: Array<{ id: string }>; nextCursor: string | null } = await paginate(
				store.db.selectFrom('organisation').select(['id', 'name']),
				{ after, limit: 777 },
			);
			seen.push(...page.items.map((r) => r.id));
			after = page.nextCursor;
			if (++pages === 3) {
				// A row created mid-listing sorts after everything seen so far, so it is listed once.
				const late = await organisations.create(store, { name: '迟到单位', kind: 'school' }, actor);
				ids.push(late.id);
			}
		} while (after);
		expect(seen).toHaveLength(10001);
		expect(new Set(seen).size).toBe(10001);
		expect(seen).toEqual([...ids].sort());
	});

	it('an empty link secret is generated once and shared by every store on the same data; a given one wins', async () => {
		const other = await openStore(config);
		const [a, b] = await Promise.all([
			resolveSettings(store, {}),
			resolveSettings(other, { linkSecret: '  ' }),
		]);
		expect(a.linkSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(b.linkSecret).toBe(a.linkSecret);
		expect((await resolveSettings(store, {})).linkSecret).toBe(a.linkSecret);
		expect((await resolveSettings(store, { linkSecret: 'given' })).linkSecret).toBe('given');
		expect(
			await store.db
				.selectFrom('setting')
				.select('value')
				.where('key', '=', 'link_secret')
				.execute(),
		).toEqual([{ value: a.linkSecret }]);
		await other.close();
	});

	it('caches one store per credential', async () => {
		const a = await getStore(config);
		const b = await getStore({ ...config });
		expect(a).toBe(b);
	});

	it('bulk upsert reports each row, and a rejected row writes nothing', async () => {
		const rows = [
			{ name: '丁公司', kind: 'enterprise', creditCode: '91350100M000100Y43' },
			{ name: '戊公司', kind: 'enterprise', creditCode: '91350100M000100Y44' },
			{ name: '丁公司', kind: 'enterprise', creditCode: '91350100M000100Y43', contactName: '张三' },
			{ name: '', kind: 'school' },
		] as any[];
		const results = await organisations.bulkUpsert(store, rows, actor, 2);
		expect(results.map((r) => r.result)).toEqual(['created', 'rejected', 'updated', 'rejected']);
		expect(results[1]).toMatchObject({ field: 'creditCode' });
		expect(results[3]).toMatchObject({ field: 'name' });
		const all = await store.db.selectFrom('organisation').selectAll().execute();
		expect(all).toHaveLength(1);
		expect(all[0].contact_name).toBe('张三');
		const audits = await store.db.selectFrom('audit').select('action').orderBy('seq').execute();
		expect(audits.map((a) => a.action)).toEqual(['create', 'update']);
	});
});
