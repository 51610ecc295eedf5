import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import type { Operation } from './entityOperations';

export type ResourceMap = Record<string, Record<string, Pick<Operation, 'execute'>>>;

/** Dispatches to `actions/<resource>/<operation>.operation.ts` by the node's parameters. */
export async function route(
	this: IExecuteFunctions,
	resources: ResourceMap,
): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = resources[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(
			this.getNode(),
			`不支持的操作 Unsupported operation "${operation}" for resource "${resource}"`,
		);
	}
	return [await handler.execute.call(this)];
}
