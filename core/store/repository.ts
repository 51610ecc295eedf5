import { NotFoundError, quoted, StateError, ValidationError } from '../util/errors';
import { batchSize, filterValue, optionalText } from '../util/validate';
import { newId, nowIso } from '../util/id';
import { auditRow, diff, writeAudit, type Actor } from './audit';
import { insertMany } from './insert-many';
import { paginate, type Page } from './paginate';
import { inSavepoint } from './savepoint';
import { foreignKeysTo, mergeReferences } from './references';
import type { Store, Tx } from './store';

type Row = Record<string, unknown> & { id: string };

/**
 * A natural key read from one field, taken as it is given (text or a number, trimmed), so a
 * key given as 0 is checked for a clash too; none when the field is blank.
 */
export function fieldKey<Input extends object>(field: keyof Input & string, column: string) {
	return (input: Input): { column: string; value: string; field: string } | null => {
		const given = input[field];
		const value =
			typeof given === 'string' || typeof given === 'number' ? String(given).trim() : '';
		return value ? { column, value, field } : null;
	};
}

/** One batch of a bulk upsert: its rows, where they start in the whole, and where results go. */
interface BatchRun<Input> {
	batch: Input[];
	start: number;
	actor: Actor;
	results: BulkRowResult[];
}

/**
 * How one kind of record maps between the domain (camelCase objects that nodes emit as
 * items) and its table. Every directory-like entity reuses the same create / get / update /
 * list / upsert / delete / bulk logic through this spec.
 */
export interface EntitySpec<Input extends object, Out> {
	table: string;
	entityType: string;
	idPrefix: string;
	/** Validates a whole record and returns its columns (without id and timestamps). */
	toColumns(input: Input, tx: Tx): Promise<Record<string, unknown>>;
	fromRow(row: any): Out;
	/** The column and value that identify a record for upsert, or null if the input has none. */
	naturalKey(input: Input): { column: string; value: unknown; field: string } | null;
	/**
	 * Columns that must be unique besides the natural key (e.g. an organisation's name when
	 * its credit code is the key): checked before writing, so a clash names its field instead
	 * of surfacing as a database error.
	 */
	unique?: Array<{ column: string; field: string }>;
	/** Tables whose rows refer to this one; delete is refused while any does. */
	referencedBy?: Array<{ table: string; column: string }>;
	/** Filters a list accepts: field name → column. */
	filters?: Record<string, string>;
}

export interface BulkRowResult {
	row: number;
	result: 'created' | 'updated' | 'rejected';
	id?: string;
	field?: string;
	reason?: string;
}

export class Repository<Input extends object, Out extends { id: string }> {
	constructor(readonly spec: EntitySpec<Input, Out>) {}

	private async findRow(tx: Tx, id: string): Promise<Row | undefined> {
		return (await (tx as any)
			.selectFrom(this.spec.table)
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirst()) as Row | undefined;
	}

	private async requireRow(tx: Tx, id: string): Promise<Row> {
		const row = await this.findRow(tx, id);
		if (!row) throw new NotFoundError(this.spec.entityType, id);
		return row;
	}

	async createIn(tx: Tx, input: Input, actor: Actor): Promise<Out> {
		// A record's id is the store's to give: an `id` in the input (a copied record, hostile
		// input) must not lead `toColumns` to another record's data.
		const fields = { ...input } as Record<string, unknown>;
		delete fields.id;
		input = fields as Input;
		const columns = await this.spec.toColumns(input, tx);
		await this.assertKeyFree(tx, input, columns);
		const now = nowIso();
		const row = { id: newId(this.spec.idPrefix), ...columns, created_at: now, updated_at: now };
		await (tx as any).insertInto(this.spec.table).values(row).execute();
		await writeAudit(tx, {
			...actor,
			action: 'create',
			entityType: this.spec.entityType,
			entityId: row.id,
			changes: columns,
		});
		return this.spec.fromRow(row);
	}

	async updateIn(tx: Tx, id: string, patch: Partial<Input>, actor: Actor): Promise<Out> {
		const before = await this.requireRow(tx, id);
		// The patch never renames the record: its own id stays, whatever the patch carries.
		const merged = {
			...this.spec.fromRow(before),
			...stripUndefined(patch),
			id: before.id,
		} as unknown as Input;
		const columns = await this.spec.toColumns(merged, tx);
		await this.assertKeyFree(tx, merged, columns, id);
		const changes = diff(before, columns);
		if (Object.keys(changes).length === 0) return this.spec.fromRow(before);
		const after = { ...before, ...columns, updated_at: nowIso() };
		await (tx as any)
			.updateTable(this.spec.table)
			.set({ ...columns, updated_at: after.updated_at })
			.where('id', '=', id)
			.execute();
		await writeAudit(tx, {
			...actor,
			action: 'update',
			entityType: this.spec.entityType,
			entityId: id,
			changes,
		});
		return this.spec.fromRow(after);
	}

	/** Creates or updates by natural key (e.g. credit code, email); reports which. */
	async upsertIn(
		tx: Tx,
		input: Input,
		actor: Actor,
	): Promise<{ record: Out; result: 'created' | 'updated' }> {
		const key = this.spec.naturalKey(input);
		// Without a natural key nothing can match: the record is new (and validation names any missing field).
		if (!key) return { record: await this.createIn(tx, input, actor), result: 'created' };
		// The key is looked up before the record is validated: checked as text first, so a NUL
		// or an object in it is refused naming its field, not by the driver.
		const keyValue =
			typeof key.value === 'string'
				? optionalText(key.value, key.field, key.field, 500)
				: key.value;
		const existing = (await (tx as any)
			.selectFrom(this.spec.table)
			.select('id')
			.where(key.column, '=', keyValue)
			.executeTakeFirst()) as { id: string } | undefined;
		if (existing)
			return { record: await this.updateIn(tx, existing.id, input, actor), result: 'updated' };
		return { record: await this.createIn(tx, input, actor), result: 'created' };
	}

	private async assertKeyFree(
		tx: Tx,
		input: Input,
		columns: Record<string, unknown>,
		exceptId?: string,
	): Promise<void> {
		const key = this.spec.naturalKey(input);
		const checks = [
			...(key ? [{ column: key.column, field: key.field, value: key.value }] : []),
			...(this.spec.unique ?? []).map((u) => ({ ...u, value: columns[u.column] })),
		];
		for (const check of checks) {
			if (check.value === null || check.value === undefined) continue;
			let q = (tx as any)
				.selectFrom(this.spec.table)
				.select('id')
				.where(check.column, '=', check.value);
			if (exceptId) q = q.where('id', '!=', exceptId);
			const clash = await q.executeTakeFirst();
			if (clash) {
				throw new ValidationError(
					`「${String(check.value)}」已被占用（${clash.id}） / ${check.field} "${String(check.value)}" is already used by ${clash.id}`,
					check.field,
					'duplicate',
				);
			}
		}
	}

	create(store: Store, input: Input, actor: Actor): Promise<Out> {
		return store.transaction((tx) => this.createIn(tx, input, actor));
	}

	update(store: Store, id: string, patch: Partial<Input>, actor: Actor): Promise<Out> {
		return store.transaction((tx) => this.updateIn(tx, id, patch, actor));
	}

	upsert(store: Store, input: Input, actor: Actor) {
		return store.transaction((tx) => this.upsertIn(tx, input, actor));
	}

	async get(store: Store, id: string): Promise<Out> {
		return this.spec.fromRow(await this.requireRow(store.db as unknown as Tx, id));
	}

	async list(
		store: Store,
		options: { filters?: Record<string, unknown>; after?: string | null; limit?: number } = {},
	): Promise<Page<Out>> {
		let q = (store.db as any).selectFrom(this.spec.table).selectAll();
		for (const [field, given] of Object.entries(options.filters ?? {})) {
			const value = filterValue(given, field, `筛选 Filter ${field}`);
			if (value === null) continue;
			const column = this.spec.filters?.[field];
			if (!column)
				throw new ValidationError(
					`未知筛选条件 ${quoted(field)} / Unknown filter ${quoted(field)}`,
					field,
				);
			q = q.where(column, '=', value);
		}
		const page = await paginate(q, { after: options.after, limit: options.limit });
		return { items: page.items.map((r: any) => this.spec.fromRow(r)), nextCursor: page.nextCursor };
	}

	async delete(store: Store, id: string, actor: Actor): Promise<{ id: string; deleted: true }> {
		return store.transaction(async (tx) => {
			const before = await this.requireRow(tx, id);
			const references = mergeReferences(
				this.spec.referencedBy ?? [],
				await foreignKeysTo(tx, store.dialect, this.spec.table),
			);
			for (const ref of references) {
				const used = await (tx as any)
					.selectFrom(ref.table)
					.selectAll()
					.where(ref.column, '=', id)
					.limit(1)
					.executeTakeFirst();
				if (used) {
					throw new StateError(
						`${this.spec.entityType} ${id} is still referred to by ${ref.table} ${used.id ?? ''}; it cannot be deleted / 仍被引用，不能删除`,
					);
				}
			}
			await (tx as any).deleteFrom(this.spec.table).where('id', '=', id).execute();
			await writeAudit(tx, {
				...actor,
				action: 'delete',
				entityType: this.spec.entityType,
				entityId: id,
				changes: before,
			});
			return { id, deleted: true as const };
		});
	}

	/**
	 * Upserts many rows, one transaction per batch. Rows are validated first; the natural
	 * keys of a batch are looked up in one query; new records (and their audit rows) go in
	 * as multi-row inserts, existing ones are updated one by one behind a savepoint. A rejected
	 * row writes nothing while the rows around it go through. If the database refuses the fast
	 * path (a constraint validation could not foresee), the batch is redone row by row.
	 */
	async bulkUpsert(
		store: Store,
		rows: Input[],
		actor: Actor,
		batchSizeGiven: unknown = 500,
	): Promise<BulkRowResult[]> {
		const size = batchSize(batchSizeGiven);
		const results: BulkRowResult[] = new Array(rows.length);
		for (let start = 0; start < rows.length; start += size) {
			const batch = rows.slice(start, start + size);
			const run: BatchRun<Input> = { batch, start, actor, results };
			try {
				await store.transaction((tx) => this.upsertBatchFast(tx, run));
			} catch {
				await store.transaction((tx) => this.upsertBatchRowByRow(tx, run));
			}
		}
		return results;
	}

	private async upsertBatchFast(
		tx: Tx,
		{ batch, start, actor, results }: BatchRun<Input>,
	): Promise<void> {
		type Prepared = {
			row: number;
			input: Input;
			columns: Record<string, unknown>;
			key: ReturnType<EntitySpec<Input, Out>['naturalKey']>;
		};
		const prepared: Prepared[] = [];
		for (let i = 0; i < batch.length; i++) {
			try {
				prepared.push({
					row: start + i,
					input: batch[i],
					columns: await this.spec.toColumns(batch[i], tx),
					key: this.spec.naturalKey(batch[i]),
				});
			} catch (error) {
				results[start + i] = rejectedRow(start + i, error);
			}
		}
		const keyOf = (k: { column: string; value: unknown }) => `${k.column}\u0000${String(k.value)}`;
		const existing = new Map<string, string>();
		const valuesByColumn = new Map<string, unknown[]>();
		for (const p of prepared)
			if (p.key)
				valuesByColumn.set(p.key.column, [
					...(valuesByColumn.get(p.key.column) ?? []),
					p.key.value,
				]);
		for (const [column, values] of valuesByColumn) {
			const found = await (tx as any)
				.selectFrom(this.spec.table)
				.select(['id', column])
				.where(column, 'in', values)
				.execute();
			for (const f of found) existing.set(keyOf({ column, value: f[column] }), f.id);
		}
		const now = nowIso();
		const inserts: Record<string, unknown>[] = [];
		const audits: ReturnType<typeof auditRow>[] = [];
		const updates: Array<Prepared & { id: string }> = [];
		for (const p of prepared) {
			const id = p.key ? existing.get(keyOf(p.key)) : undefined;
			if (id) {
				updates.push({ ...p, id });
				continue;
			}
			const row = { id: newId(this.spec.idPrefix), ...p.columns, created_at: now, updated_at: now };
			inserts.push(row);
			audits.push(
				auditRow({
					...actor,
					action: 'create',
					entityType: this.spec.entityType,
					entityId: row.id,
					changes: p.columns,
				}),
			);
			if (p.key) existing.set(keyOf(p.key), row.id);
			results[p.row] = { row: p.row, result: 'created', id: row.id };
		}
		await insertMany(tx, this.spec.table, inserts);
		await insertMany(tx, 'audit', audits);
		for (const u of updates) {
			const outcome = await inSavepoint(tx, () => this.updateIn(tx, u.id, u.input, actor));
			results[u.row] = outcome.ok
				? { row: u.row, result: 'updated', id: u.id }
				: rejectedRow(u.row, outcome.error);
		}
	}

	private async upsertBatchRowByRow(
		tx: Tx,
		{ batch, start, actor, results }: BatchRun<Input>,
	): Promise<void> {
		for (let i = 0; i < batch.length; i++) {
			const row = start + i;
			const outcome = await inSavepoint(tx, () => this.upsertIn(tx, batch[i], actor));
			results[row] = outcome.ok
				? { row, result: outcome.value.result, id: outcome.value.record.id }
				: rejectedRow(row, outcome.error);
		}
	}
}

/** A row a bulk write refused, with the field and reason its error names. */
export function rejectedRow(row: number, error: unknown): BulkRowResult {
	const e = error as Error & { field?: string };
	return { row, result: 'rejected', field: e.field, reason: e.message };
}

function stripUndefined<T extends object>(patch: T): Partial<T> {
	return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
