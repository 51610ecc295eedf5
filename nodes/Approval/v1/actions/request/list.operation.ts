import type { IDataObject, INodeProperties } from 'n8n-workflow';
import {
	listRequests,
	REQUEST_STATUSES,
	toRecord,
	type ListFilters,
} from '../../../../../core/approval';
import { REQUEST_STATUS_LABEL } from '../../../../../core/approval/labels';
import { filterValue, optionalBoolean } from '../../../../../core/util/validate';
import {
	filtersProperty,
	listPagingProperties,
	vocabularyOptions,
} from '../../../../shared/descriptions/common';
import { collectPages } from '../../../../shared/listOperation';
import { perItemOperation } from '../../../../shared/operation';
import { readPaging } from '../../../../shared/params';
import { recordJson } from '../items';

const properties: INodeProperties[] = [
	...listPagingProperties(),
	filtersProperty([
		{
			displayName: '仅待其审批 Pending for Approver Only',
			name: 'pendingOnly',
			type: 'boolean',
			default: true,
			description:
				'Whether the approver filter keeps only requests waiting for that approver / 仅该审批人待办',
		},
		{
			displayName: '创建日期止 Created To',
			name: 'createdTo',
			type: 'string',
			default: '',
			placeholder: '2026-12-31',
		},
		{
			displayName: '创建日期起 Created From',
			name: 'createdFrom',
			type: 'string',
			default: '',
			placeholder: '2026-09-01',
		},
		{
			displayName: '审批人邮箱 Approver Email',
			name: 'approver',
			type: 'string',
			default: '',
			placeholder: 'head@example.edu.cn',
		},
		{ displayName: '对象类型 Subject Type', name: 'subjectType', type: 'string', default: '' },
		{
			displayName: '已逾期 Overdue',
			name: 'overdue',
			type: 'boolean',
			default: true,
			description:
				"Whether to return only pending requests past the current stage's due time / 仅当前阶段已逾期的",
		},
		{
			displayName: '状态 Status',
			name: 'status',
			type: 'options',
			options: vocabularyOptions(REQUEST_STATUSES, REQUEST_STATUS_LABEL),
			default: 'pending',
		},
	]),
];

/** The filters, each checked for its kind before it reaches a query: text is text, a switch is yes or no. */
function readFilters(raw: IDataObject): ListFilters {
	const text = (name: string, label: string) => filterValue(raw[name], name, label) ?? undefined;
	return {
		status: text('status', '状态 Status'),
		approver: text('approver', '审批人邮箱 Approver Email'),
		subjectType: text('subjectType', '对象类型 Subject Type'),
		createdFrom: text('createdFrom', '创建日期起 Created From'),
		createdTo: text('createdTo', '创建日期止 Created To'),
		overdue: optionalBoolean(raw.overdue, 'overdue', '已逾期 Overdue'),
		pendingOnly:
			raw.pendingOnly === undefined
				? undefined
				: optionalBoolean(raw.pendingOnly, 'pendingOnly', '仅待其审批 Pending for Approver Only'),
	};
}

/** Summaries of the requests the filters select, up to the limit. */
export const { description, execute } = perItemOperation(
	{ resource: 'request', operation: 'list' },
	properties,
	async ({ ctx, i, consortium }) => {
		const { limit } = readPaging(ctx, i);
		const filters = readFilters(ctx.getNodeParameter('filters', i, {}) as IDataObject);
		const rows = await collectPages(limit, (after, pageLimit) =>
			listRequests(consortium, filters as never, { after, limit: pageLimit }),
		);
		return rows.map((row) => {
			// A summary: the record without its stages, which List does not read.
			const summary: Partial<ReturnType<typeof toRecord>> = toRecord(row, [], []);
			delete summary.stages;
			return recordJson(summary);
		});
	},
);
