import type { IDataObject } from 'n8n-workflow';
import type { Page, Store } from '../../core/store';
import {
	filtersProperty,
	listPagingProperties,
	updateOperationDisplayOptions,
} from './descriptions/common';
import { fieldProperties, type FieldDef } from './descriptions/fields';
import type { Operation } from './entityOperations';
import { readPaging } from './params';
import { forEachItem } from './run';
import { consortiumFor } from './store';

export type ListFn = (
	store: Store,
	options: { filters?: Record<string, unknown>; after?: string | null; limit?: number },
) => Promise<Page<object>>;

/**
 * Reads keyset pages until `limit` items or the last page, asking each page for at most 500
 * and never for more than is still missing.
 */
export async function collectPages<T>(
	limit: number,
	fetchPage: (after: string | null, pageLimit: number) => Promise<Page<T>>,
): Promise<T[]> {
	const out: T[] = [];
	let after: string | null = null;
	do {
		const page = await fetchPage(after, Math.min(500, limit - out.length));
		out.push(...page.items);
		after = page.nextCursor;
	} while (after && out.length < limit);
	return out;
}

/**
 * A List operation over any keyset-paginated core list function, with Return All / Limit
 * and a filters collection: for records that are not plain repositories (joined views).
 */
export function listOperation(resource: string, list: ListFn, filters: FieldDef[]): Operation {
	return {
		description: updateOperationDisplayOptions(
			{ show: { resource: [resource], operation: ['list'] } },
			[
				...listPagingProperties(),
				filtersProperty(
					filters.map((f) => ({
						...fieldProperties([{ ...f, required: true }])[0],
						required: false,
					})),
				),
			],
		),
		async execute() {
			const { store } = await consortiumFor(this);
			return forEachItem(this, async (i) => {
				const { limit } = readPaging(this, i);
				const filterValues = this.getNodeParameter('filters', i, {}) as IDataObject;
				return collectPages(
					limit,
					async (after, pageLimit) =>
						(await list(store, {
							filters: filterValues,
							after,
							limit: pageLimit,
						})) as Page<IDataObject>,
				);
			});
		},
	};
}
