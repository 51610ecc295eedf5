import type { DatabaseSync, StatementSync } from 'node:sqlite';
import {
	CompiledQuery,
	SqliteAdapter,
	SqliteDriver,
	SqliteIntrospector,
	SqliteQueryCompiler,
	type DatabaseConnection,
	type Dialect,
	type Driver,
	type Kysely,
	type SqliteDatabase,
	type SqliteStatement,
} from 'kysely';
import { ValidationError } from '../util/errors';

type SqlValue = null | number | bigint | string | Uint8Array;

function toSqlValue(value: unknown): SqlValue {
	if (value === undefined || value === null) return null;
	if (typeof value === 'boolean') return value ? 1 : 0;
	if (value instanceof Date) return value.toISOString();
	// node:sqlite reads an object as named parameters ("Unknown named parameter …") and cannot
	// bind a list: whatever let one through, the caller gets a clear error, not the driver's.
	if (typeof value === 'object' && !(value instanceof Uint8Array)) {
		throw new ValidationError(
			'数据类型错误：列表或对象不能作为值 / A list or an object cannot be stored or searched as a value',
			'value',
			'type',
		);
	}
	return value as SqlValue;
}

/**
 * Adapts `node:sqlite` (built into Node ≥ 22.13, no native build) to the better-sqlite3
 * shape Kysely's SQLite driver expects. Statements are cached by SQL text: Kysely prepares
 * every query afresh, and preparing dominates the cost of small writes.
 */
class NodeSqliteDatabase implements SqliteDatabase {
	// `columns()` costs about as much as running a small query: remember it with the statement.
	private readonly statements = new Map<string, { stmt: StatementSync; reader: boolean }>();

	constructor(readonly raw: DatabaseSync) {}

	close(): void {
		this.statements.clear();
		if (this.raw.isOpen) this.raw.close();
	}

	prepare(sql: string): SqliteStatement {
		let cached = this.statements.get(sql);
		if (!cached) {
			const prepared = this.raw.prepare(sql);
			cached = { stmt: prepared, reader: prepared.columns().length > 0 };
			if (this.statements.size > 500) this.statements.clear();
			this.statements.set(sql, cached);
		}
		const { stmt, reader } = cached;
		return {
			reader,
			all: (parameters) => stmt.all(...(parameters as unknown[]).map(toSqlValue)) as unknown[],
			run: (parameters) => {
				const result = stmt.run(...(parameters as unknown[]).map(toSqlValue));
				return {
					changes: result.changes,
					lastInsertRowid: result.lastInsertRowid,
				};
			},
			iterate: (parameters) =>
				stmt.iterate(...(parameters as unknown[]).map(toSqlValue)) as IterableIterator<unknown>,
		};
	}
}

/**
 * Writes start with BEGIN IMMEDIATE: a deferred transaction that reads and then writes can
 * fail at once with SQLITE_BUSY when another process holds the lock, whereas IMMEDIATE
 * waits for busy_timeout. Two n8n processes on one file then queue instead of failing.
 */
class ImmediateSqliteDriver extends SqliteDriver {
	override async beginTransaction(connection: DatabaseConnection): Promise<void> {
		await connection.executeQuery(CompiledQuery.raw('begin immediate'));
	}
}

export class NodeSqliteDialect implements Dialect {
	constructor(private readonly database: DatabaseSync) {}

	createDriver(): Driver {
		return new ImmediateSqliteDriver({ database: new NodeSqliteDatabase(this.database) });
	}
	createQueryCompiler() {
		return new SqliteQueryCompiler();
	}
	createAdapter() {
		return new SqliteAdapter();
	}
	createIntrospector(db: Kysely<any>) {
		return new SqliteIntrospector(db);
	}
}
