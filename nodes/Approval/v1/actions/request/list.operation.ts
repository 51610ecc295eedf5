import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { listRequests, toRecord } from '../../../../../core/approval';
import { listPagingProperties } from '../../../../shared/descriptions/common';
import { forEachItem } from '../../../../shared/run';
import { approvalEnv, show } from './common';

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
			{ displayName: '仅待其审批 Pending for Approver Only', name: 'pendingOnly', type: 'boolean', default: true, description: 'Whether the approver filter keeps only requests waiting for that approver / 仅该审批人待办' },
			{ displayName: '创建日期止 Created To', name: 'createdTo', type: 'string', default: '', placeholder: '2026-12-31' },
			{ displayName: '创建日期起 Created From', name: 'createdFrom', type: 'string', default: '', placeholder: '2026-09-01' },
			{ displayName: '审批人邮箱 Approver Email', name: 'approver', type: 'string', default: '', placeholder: 'head@example.edu.cn' },
			{ displayName: '对象类型 Subject Type', name: 'subjectType', type: 'string', default: '' },
			{ displayName: '已逾期 Overdue', name: 'overdue', type: 'boolean', default: true, description: 'Whether to return only pending requests past the current stage\'s due time / 仅当前阶段已逾期的' },
			{
				displayName: '状态 Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: '审批中 Pending', value: 'pending' },
					{ name: '已通过 Approved', value: 'approved' },
					{ name: '未通过 Rejected', value: 'rejected' },
				],
				default: 'pending',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const env = await approvalEnv(this);
	return forEachItem(this, async (i) => {
		const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
		const limit = returnAll ? Infinity : (this.getNodeParameter('limit', i, 50) as number);
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const out: IDataObject[] = [];
		let after: string | null = null;
		do {
			const page = await listRequests(env, filters as never, { after, limit: Math.min(500, limit - out.length) });
			for (const row of page.items) {
				const summary: Partial<ReturnType<typeof toRecord>> = toRecord(row, [], []);
				delete summary.stages;
				out.push({ result: row.status, ...summary } as unknown as IDataObject);
			}
			after = page.nextCursor;
		} while (after && out.length < limit);
		return out;
	});
}
