import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import { ValidationError } from '../util/errors';
import type { Database } from './schema';
import type { Dialect, StoreConfig } from './types';
import { BACKSTOP_CHECKPOINT_PAGES, startCheckpointer } from './checkpointer';
import { migrate } from './migrate';
import { NodeSqliteDialect } from './sqlite-dialect';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;

export interface Store {
	readonly db: Db;
	readonly dialect: Dialect;
	/** The newest applied migration. */
	readonly schemaVersion: string;
	/** Runs `fn` in one transaction: everything it writes, audit rows included, commits or nothing does. */
	transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
	close(): Promise<void>;
}

/** n8n keeps its own files in `<N8N_USER_FOLDER or home>/.n8n`; the embedded store sits beside them. */
export function defaultSqlitePath(): string {
	const userFolder = process.env.N8N_USER_FOLDER || homedir();
	return join(userFolder, '.n8n', 'consortium.sqlite');
}

/**
 * Switches the file to WAL. Should the lock stay taken past the busy wait (another process
 * migrating the new file), tries again for up to 10 s more before giving up.
 */
async function toWal(raw: import('node:sqlite').DatabaseSync): Promise<void> {
	for (let attempt = 0; ; attempt++) {
		try {
			raw.exec('PRAGMA journal_mode = WAL');
			return;
		} catch (error) {
			if (attempt >= 100 || !/locked|busy/i.test(String((error as Error)?.message))) throw error;
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}
}

interface Opened {
	db: Db;
	/** Stops what runs beside the connection; the connection itself closes with `db.destroy()`. */
	release?: () => Promise<void>;
}

async function createKysely(config: StoreConfig): Promise<Opened> {
	if (config.type === 'postgres') {
		// Loaded lazily so that SQLite-only installs never touch pg.
		const { Pool } = await import('pg');
		const pool = new Pool({
			host: config.host || '127.0.0.1',
			port: config.port || 5432,
			database: config.database,
			user: config.user,
			password: config.password,
			ssl: config.ssl ? { rejectUnauthorized: false } : undefined,
			max: config.maxConnections ?? 10,
		});
		// An idle connection dies when PostgreSQL restarts; pg reports it on the pool, and an
		// unheard 'error' event would end n8n's process. The pool reconnects on next use.
		pool.on('error', () => undefined);
		guardNulParameters(pool);
		return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }) };
	}
	const { DatabaseSync } = await import('node:sqlite');
	const path = config.sqlitePath || defaultSqlitePath();
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const raw = new DatabaseSync(path);
	// The wait first: switching a fresh file to WAL needs its lock for a moment, and a second
	// process opening the same new store at that instant must wait, not fail "database is locked".
	raw.exec('PRAGMA busy_timeout = 10000');
	await toWal(raw);
	raw.exec('PRAGMA synchronous = NORMAL');
	raw.exec('PRAGMA foreign_keys = ON');
	const db = new Kysely<Database>({ dialect: new NodeSqliteDialect(raw) });
	if (path === ':memory:') return { db };
	raw.exec(`PRAGMA wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`);
	const checkpointer = startCheckpointer(path, () => {
		if (raw.isOpen) raw.exec('PRAGMA wal_autocheckpoint = 1000');
	});
	return { db, release: () => checkpointer.stop() };
}

/**
 * PostgreSQL cannot hold NUL in text and answers such a parameter with a driver error. Fields
 * refuse control characters when validated; this catches what reaches a query by any other
 * path (an id typed into a lookup), as a clear error before anything is sent.
 */
function guardNulParameters(pool: { connect: (...args: any[]) => Promise<any> }): void {
	const connect = pool.connect.bind(pool);
	pool.connect = async (...args: any[]) => {
		const client = await connect(...args);
		if (!client.consortiumGuarded) {
			const query = client.query.bind(client);
			client.query = (text: unknown, parameters?: unknown, ...rest: unknown[]) => {
				if (
					Array.isArray(parameters) &&
					parameters.some((p) => typeof p === 'string' && p.includes('\u0000'))
				) {
					throw new ValidationError(
						'文本含有空字符，无法保存 / Text contains a NUL character, which cannot be stored',
						'text',
						'control_chars',
					);
				}
				return query(text, parameters, ...rest);
			};
			client.consortiumGuarded = true;
		}
		return client;
	};
}

/** Opens a store and brings its schema up to date. Prefer `getStore`, which caches. */
export async function openStore(config: StoreConfig): Promise<Store> {
	const { db, release } = await createKysely(config);
	const close = async () => {
		await release?.();
		await db.destroy();
	};
	let schemaVersion: string;
	try {
		schemaVersion = await migrate(db, config.type);
	} catch (error) {
		await close();
		throw error;
	}
	return {
		db,
		dialect: config.type,
		schemaVersion,
		transaction: (fn) => db.transaction().execute(fn),
		close,
	};
}

/**
 * Kept on globalThis: the built nodes share one copy of this module (dist/shared.js), but any
 * other copy loaded in the same process (a test's own module registry, a bundle built another
 * way) must still share one connection per credential.
 */
const CACHE_KEY = Symbol.for('n8n-nodes-consortium.stores');
const cache: Map<string, Promise<Store>> = ((globalThis as Record<symbol, unknown>)[CACHE_KEY] ??=
	new Map()) as Map<string, Promise<Store>>;

// Every node run and link click asks for its store: remember each identity's hash.
const hashedIdentities = new Map<string, string>();

function cacheKey(config: StoreConfig): string {
	const identity = JSON.stringify(
		config.type === 'postgres'
			? [
					config.type,
					config.host,
					config.port,
					config.database,
					config.user,
					config.password,
					config.ssl,
				]
			: [config.type, config.sqlitePath || defaultSqlitePath()],
	);
	let key = hashedIdentities.get(identity);
	if (!key) {
		key = createHash('sha256').update(identity).digest('hex');
		if (hashedIdentities.size > 100) hashedIdentities.clear();
		hashedIdentities.set(identity, key);
	}
	return key;
}

const HOOK_KEY = Symbol.for('n8n-nodes-consortium.shutdownHooked');
function hookShutdown(): void {
	const global = globalThis as Record<symbol, unknown>;
	if (global[HOOK_KEY]) return;
	global[HOOK_KEY] = true;
	// n8n has no shutdown hook for community nodes: close pools when the process is told to stop.
	const closeAll = () => void closeAllStores();
	process.once('SIGTERM', closeAll);
	process.once('SIGINT', closeAll);
	process.once('beforeExit', closeAll);
}

/** One connection (SQLite) or pool (PostgreSQL) per credential, opened and migrated once. */
export function getStore(config: StoreConfig): Promise<Store> {
	const key = cacheKey(config);
	let store = cache.get(key);
	if (!store) {
		store = openStore(config);
		cache.set(key, store);
		store.catch(() => cache.delete(key));
		hookShutdown();
	}
	return store;
}

export async function closeAllStores(): Promise<void> {
	const stores = [...cache.values()];
	cache.clear();
	await Promise.all(
		stores.map(async (s) => {
			try {
				await (await s).close();
			} catch {
				// Already closed or never opened: nothing to release.
			}
		}),
	);
}
