import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateOperationDisplayOptions } from '../../../../shared/descriptions/common';
import { redeliverResults } from '../../../../../core/approval';
import { readId } from '../../../../shared/params';
import { forEachItem, workflowActor } from '../../../../shared/run';
import { resultMailItem } from '../items';
import { approvalEnv } from './common';

const properties: INodeProperties[] = [
	{
		displayName:
			'放在审批工作流的错误工作流（Error Trigger 之后）。n8n 丢失了携带审批结果的执行时（例如队列模式下 worker 被强制终止），把结果再交付一次，每个审批最多一次。 Put this in the error workflow of your approval workflows, after an Error Trigger: when n8n loses the execution that carried a result (a worker killed in queue mode), it hands the result out once more, at most once per request.',
		name: 'redeliverNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: '失败的执行 ID Failed Execution ID',
		name: 'executionId',
		type: 'string',
		required: true,
		default: '={{ $json.execution.id }}',
		description: 'Error Trigger 给出的执行 ID The execution ID the Error Trigger reports',
	},
];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['request'], operation: ['redeliver'] } },
	properties,
);

/** One item per result handed out again (`resultMailItem`), marked as redelivered. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const env = await approvalEnv(this);
	return forEachItem(this, async (i) => {
		const executionId = readId(this, i, 'executionId', '失败的执行 ID Failed Execution ID');
		const records = await redeliverResults(env, executionId, workflowActor(this));
		return records.map((record) =>
			resultMailItem(record, { redelivered: true, failedExecutionId: executionId }),
		);
	});
}
