import { NodeOperationError, type INode } from 'n8n-workflow';
import { NotFoundError, StateError, ValidationError } from '../../core/util/errors';

/**
 * Items are numbered from one in both languages, as a clerk counts rows ("第 1 项 Item 1").
 *
 * Turns a domain error into the NodeOperationError n8n shows: it names the item and, as the
 * error's description, what refused it — the field of a validation error, the current state
 * of a refused step, the kind of record not found — so an admin knows which row and which box
 * to fix.
 */
export function toNodeError(node: INode, error: unknown, itemIndex: number): NodeOperationError {
	if (error instanceof NodeOperationError) return error;
	const e = error as Error;
	if (e instanceof ValidationError) {
		return new NodeOperationError(
			node,
			`第 ${itemIndex + 1} 项 Item ${itemIndex + 1}：${e.message}`,
			{
				itemIndex,
				description: e.field ? `字段 Field: ${e.field}` : undefined,
			},
		);
	}
	if (e instanceof StateError) {
		return new NodeOperationError(
			node,
			`第 ${itemIndex + 1} 项 Item ${itemIndex + 1}：${e.message}`,
			{
				itemIndex,
				description: e.current ? `状态 State: ${e.current}` : '状态 State',
			},
		);
	}
	if (e instanceof NotFoundError) {
		return new NodeOperationError(
			node,
			`第 ${itemIndex + 1} 项 Item ${itemIndex + 1}：${e.message}`,
			{ itemIndex, description: `记录 Record: ${e.entity}` },
		);
	}
	return new NodeOperationError(node, e instanceof Error ? e : String(e), { itemIndex });
}
