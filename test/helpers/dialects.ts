import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreConfig } from '../../core/store';

/**
 * The dialects the conformance suites run on. SQLite always; PostgreSQL whenever
 * CONSORTIUM_PG_URL is set — `npm test` starts a throwaway cluster and sets it, and
 * CONSORTIUM_REQUIRE_PG=1 (CI) turns its absence into a failure instead of a quiet skip.
 */
export function testDialects(): Array<'sqlite' | 'postgres'> {
	if (process.env.CONSORTIUM_PG_URL) return ['sqlite', 'postgres'];
	if (process.env.CONSORTIUM_REQUIRE_PG === '1')
		throw new Error('CONSORTIUM_REQUIRE_PG=1 but CONSORTIUM_PG_URL is not set');
	return ['sqlite'];
}

function pgBase(): URL {
	return new URL(process.env.CONSORTIUM_PG_URL!);
}

/** A fresh, empty store location: a new SQLite file, or a new PostgreSQL database. */
export async function freshStoreConfig(dialect: 'sqlite' | 'postgres'): Promise<StoreConfig> {
	if (dialect === 'sqlite') {
		return {
			type: 'sqlite',
			sqlitePath: join(mkdtempSync(join(tmpdir(), 'consortium-store-')), 'store.sqlite'),
		};
	}
	const url = pgBase();
	const database = `t_${randomBytes(6).toString('hex')}`;
	const { Client } = await import('pg');
	const admin = new Client({ connectionString: url.toString() });
	await admin.connect();
	await admin.query(`create database ${database}`);
	await admin.end();
	return {
		type: 'postgres',
		host: url.hostname,
		port: Number(url.port || 5432),
		user: decodeURIComponent(url.username),
		password: decodeURIComponent(url.password),
		database,
	};
}
