import type { SelectQueryBuilder } from 'kysely';

export interface Page<T> {
	items: T[];
	/** Pass back as `after` for the next page; null when this page is the last. */
	nextCursor: string | null;
}

export const MAX_PAGE_SIZE = 1000;

/**
 * Keyset pagination by the time-ordered `id`: each page is `where id > cursor order by id
 * limit n`, so rows inserted or deleted meanwhile cause neither gaps nor repeats, and the
 * cost of a page does not grow with its depth.
 */
export async function paginate<DB, TB extends keyof DB, O extends { id: string }>(
	query: SelectQueryBuilder<DB, TB, O>,
	options: { after?: string | null; limit?: number; idColumn?: string },
): Promise<Page<O>> {
	const limit = Math.min(Math.max(1, options.limit ?? 100), MAX_PAGE_SIZE);
	const column = (options.idColumn ?? 'id') as any;
	let q = query as SelectQueryBuilder<any, any, O>;
	if (options.after) q = q.where(column, '>', options.after);
	const rows = await q
		.orderBy(column)
		.limit(limit + 1)
		.execute();
	const items = rows.slice(0, limit);
	return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
}

/** Iterates over every row, page by page, without loading the whole table. */
export async function* eachRow<DB, TB extends keyof DB, O extends { id: string }>(
	makeQuery: () => SelectQueryBuilder<DB, TB, O>,
	pageSize = 500,
): AsyncGenerator<O> {
	let after: string | null = null;
	do {
		const page: Page<O> = await paginate(makeQuery(), { after, limit: pageSize });
		yield* page.items;
		after = page.nextCursor;
	} while (after);
}
