import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import * as approval from './approval';
import * as request from './request';

/**
 * Request Approval and Resubmit answer on four outputs (Approved, Rejected, Notify, Returned)
 * and may wait;
 * the management operations never wait and answer on the single output they have.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	if (resource === 'approval' && operation === 'requestApproval')
		return approval.operations.requestApproval.execute.call(this);
	if (resource === 'approval' && operation === 'resubmit')
		return approval.operations.resubmit.execute.call(this);
	const handler =
		resource === 'request'
			? request.operations[operation as keyof typeof request.operations]
			: undefined;
	if (!handler)
		throw new NodeOperationError(
			this.getNode(),
			`不支持的操作 Unsupported operation "${operation}" for resource "${resource}"`,
		);
	return [await handler.execute.call(this)];
}
