import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { courses } from '../../../../../core/course';
import { listPagingProperties } from '../../../../shared/descriptions/common';
import { forEachItem } from '../../../../shared/run';
import { consortiumFor } from '../../../../shared/store';
import { show } from './common';
import { courseStateOptions, courseTypeOptions } from './fields';

export const description: INodeProperties[] = [
	...listPagingProperties(show('list')),
	{
		displayName: '筛选 Filters',
		name: 'filters',
		type: 'collection',
		placeholder: '添加筛选 Add Filter',
		default: {},
		displayOptions: { show: show('list') },
		options: [
			{ displayName: '状态 Status', name: 'status', type: 'options', options: courseStateOptions, default: 'draft' },
			{ displayName: '课程类型 Course Type', name: 'courseType', type: 'options', options: courseTypeOptions, default: 'core' },
			{ displayName: '课程代码 Course Code', name: 'code', type: 'string', default: '' },
			{ displayName: '开课学期 Start Term', name: 'startTerm', type: 'string', default: '' },
		],
	},
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const { store } = await consortiumFor(this);
	return forEachItem(this, async (i) => {
		const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
		const limit = returnAll ? Infinity : (this.getNodeParameter('limit', i, 50) as number);
		const filters = this.getNodeParameter('filters', i, {}) as Record<string, string>;
		const out: IDataObject[] = [];
		let after: string | null = null;
		do {
			const page: Awaited<ReturnType<typeof courses.list>> = await courses.list(store, { ...filters, after, limit: Math.min(500, limit - out.length) });
			out.push(...(page.items as IDataObject[]));
			after = page.nextCursor;
		} while (after && out.length < limit);
		return out;
	});
}
