import { sql, type Kysely } from 'kysely';
import type { Dialect } from './types';
import { migrations as registered } from './migrations';
import type { Migration, MigrationContext } from './migrations/migration';

export type { Migration, MigrationContext };

/** An arbitrary constant that all processes agree on for the migration advisory lock. */
const PG_MIGRATION_LOCK = 73420011;

export function migrationContext(dialect: Dialect): MigrationContext {
	return {
		dialect,
		autoIncrement: dialect === 'sqlite' ? 'integer' : 'bigserial',
		float: dialect === 'sqlite' ? 'real' : 'double precision',
	};
}

export function allMigrations(): Migration[] {
	return [...registered].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Applies pending migrations in one transaction. Two processes starting together are
 * serialised: PostgreSQL by an advisory transaction lock, SQLite by BEGIN IMMEDIATE with
 * busy_timeout. The loser then sees the winner's rows and applies nothing.
 * Returns the schema version: the name of the newest applied migration.
 */
export async function migrate(
	db: Kysely<any>,
	dialect: Dialect,
	list = allMigrations(),
): Promise<string> {
	const ctx = migrationContext(dialect);
	return db.transaction().execute(async (trx) => {
		if (dialect === 'postgres') {
			await sql`select pg_advisory_xact_lock(${PG_MIGRATION_LOCK})`.execute(trx);
		}
		await trx.schema
			.createTable('schema_migration')
			.ifNotExists()
			.addColumn('name', 'text', (c) => c.primaryKey())
			.addColumn('applied_at', 'text', (c) => c.notNull())
			.execute();
		const applied = new Set(
			(await trx.selectFrom('schema_migration').select('name').execute()).map(
				(r) => r.name as string,
			),
		);
		for (const migration of list) {
			if (applied.has(migration.name)) continue;
			await migration.up(trx, ctx);
			await trx
				.insertInto('schema_migration')
				.values({ name: migration.name, applied_at: new Date().toISOString() })
				.execute();
			applied.add(migration.name);
		}
		return [...applied].sort().at(-1) ?? '';
	});
}
