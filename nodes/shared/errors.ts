import { NodeOperationError, type INode } from 'n8n-workflow';
import { NotFoundError, StateError, ValidationError } from '../../core/util/errors';

/**
 * Turns a domain error into the NodeOperationError n8n shows: it names the item and, for
 * validation errors, the field, so an admin knows which row and which box to fix.
 */
export function toNodeError(node: INode, error: unknown, itemIndex: number): NodeOperationError {
	if (error instanceof NodeOperationError) return error;
	const e = error as Error;
	if (e instanceof ValidationError) {
		return new NodeOperationError(node, `第 ${itemIndex + 1} 项 Item ${itemIndex}: ${e.message}`, {
			itemIndex,
			description: e.field ? `字段 Field: ${e.field}` : undefined,
		});
	}
	if (e instanceof StateError || e instanceof NotFoundError) {
		return new NodeOperationError(node, `第 ${itemIndex + 1} 项 Item ${itemIndex}: ${e.message}`, { itemIndex });
	}
	return new NodeOperationError(node, e instanceof Error ? e : String(e), { itemIndex });
}
