import type { INodeProperties } from 'n8n-workflow';
import { noticeProperty } from '../../../../shared/descriptions/common';
import { redeliverResults } from '../../../../../core/approval';
import { perItemOperation } from '../../../../shared/operation';
import { resultMailItem } from '../items';
import { failedExecutionIdProperty, readFailedExecutionId } from './common';

const properties: INodeProperties[] = [
	noticeProperty(
		'redeliverNotice',
		'放在审批工作流的错误工作流（Error Trigger 之后）。n8n 丢失了携带审批结果的执行时（例如队列模式下 worker 被强制终止），把结果再交付一次，每个审批最多一次。 Put this in the error workflow of your approval workflows, after an Error Trigger: when n8n loses the execution that carried a result (a worker killed in queue mode), it hands the result out once more, at most once per request.',
	),
	{
		...failedExecutionIdProperty,
		description: 'Error Trigger 给出的执行 ID The execution ID the Error Trigger reports',
	},
];

/** One item per result handed out again (`resultMailItem`), marked as redelivered. */
export const { description, execute } = perItemOperation(
	{ resource: 'request', operation: 'redeliver' },
	properties,
	async ({ ctx, i, consortium, actor }) => {
		const executionId = readFailedExecutionId(ctx, i);
		const records = await redeliverResults(consortium, executionId, actor);
		return records.map((record) =>
			resultMailItem(record, { redelivered: true, failedExecutionId: executionId }),
		);
	},
);
