import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, writeAudit, type Store } from '../../core/store';
import { BACKSTOP_CHECKPOINT_PAGES, startCheckpointer } from '../../core/store/checkpointer';

const sizeOf = (path: string) => statSync(path).size;

async function until(condition: () => boolean, ms: number): Promise<boolean> {
	const end = Date.now() + ms;
	while (Date.now() < end) {
		if (condition()) return true;
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
	return condition();
}

/** Enough audit rows to fill a few hundred pages, far below the backstop's 10,000. */
async function writePages(store: Store) {
	const changes = { note: 'x'.repeat(3000) };
	for (let batch = 0; batch < 20; batch++) {
		await store.transaction(async (tx) => {
			for (let i = 0; i < 20; i++)
				await writeAudit(tx, {
					actor: 'test',
					action: 'fill',
					entityType: 'test',
					entityId: `${batch}-${i}`,
					changes,
				});
		});
	}
}

describe('SQLite checkpoints off the event loop', () => {
	let path: string;
	let store: Store;

	beforeEach(async () => {
		path = join(mkdtempSync(join(tmpdir(), 'checkpoint-')), 'store.sqlite');
		store = await openStore({ type: 'sqlite', sqlitePath: path });
	});
	afterEach(() => store.close());

	it("leaves the store's own connection only a far-off automatic checkpoint", async () => {
		const { sql } = await import('kysely');
		const row = (
			await sql<{ wal_autocheckpoint: number }>`PRAGMA wal_autocheckpoint`.execute(store.db)
		).rows[0];
		expect(row.wal_autocheckpoint).toBe(BACKSTOP_CHECKPOINT_PAGES);
	});

	it('copies committed pages into the database file without the committing connection checkpointing', async () => {
		// Let the worker settle the migrations first, so that only our writes are left in the WAL.
		await new Promise((resolve) => setTimeout(resolve, 500));
		const before = sizeOf(path);
		await writePages(store);
		// Far below the backstop, the store's connection never checkpoints: only the worker can grow the file.
		expect(await until(() => sizeOf(path) > before + 400 * 1024, 15_000)).toBe(true);
		const rows = await store.db
			.selectFrom('audit')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('action', '=', 'fill')
			.executeTakeFirstOrThrow();
		expect(Number(rows.n)).toBe(400);
	});

	it('the data is whole after close, and a reopened store reads it', async () => {
		await writePages(store);
		await store.close();
		store = await openStore({ type: 'sqlite', sqlitePath: path });
		const rows = await store.db
			.selectFrom('audit')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('action', '=', 'fill')
			.executeTakeFirstOrThrow();
		expect(Number(rows.n)).toBe(400);
	});

	it('calls back when its worker cannot open the file (the store then checkpoints on its own connection again)', async () => {
		let failed = false;
		const checkpointer = startCheckpointer(
			join(path, 'not-a-directory', 'x.sqlite'),
			() => (failed = true),
		);
		expect(await until(() => failed, 15_000)).toBe(true);
		await checkpointer.stop();
	});
});
