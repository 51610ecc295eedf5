import type { IDataObject } from 'n8n-workflow';
import type { Page, Store } from '../../core/store';
import { listPagingProperties, updateOperationDisplayOptions } from './descriptions/common';
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
 * A List operation over any keyset-paginated core list function, with Return All / Limit
 * and a filters collection: for records that are not plain repositories (joined views).
 */
export function listOperation(resource: string, list: ListFn, filters: FieldDef[]): Operation {
	return {
		description: updateOperationDisplayOptions(
			{ show: { resource: [resource], operation: ['list'] } },
			[
				...listPagingProperties(),
				{
					displayName: '筛选 Filters',
					name: 'filters',
					type: 'collection',
					placeholder: '添加筛选 Add Filter',
					default: {},
					options: filters.map((f) => ({
						...fieldProperties([{ ...f, required: true }])[0],
						required: false,
					})),
				},
			],
		),
		async execute() {
			const { store } = await consortiumFor(this);
			return forEachItem(this, async (i) => {
				const { limit } = readPaging(this, i);
				const filterValues = this.getNodeParameter('filters', i, {}) as IDataObject;
				const out: IDataObject[] = [];
				let after: string | null = null;
				do {
					const page = (await list(store, {
						filters: filterValues,
						after,
						limit: Math.min(500, limit - out.length),
					})) as Page<IDataObject>;
					out.push(...page.items);
					after = page.nextCursor;
				} while (after && out.length < limit);
				return out;
			});
		},
	};
}
