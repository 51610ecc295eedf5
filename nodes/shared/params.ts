import type { IExecuteFunctions } from 'n8n-workflow';
import { batchSize, optionalBoolean, optionalNumber, requiredId } from '../../core/util/validate';
import { toNodeError } from './errors';

/**
 * A record id parameter of item `i`. An expression can hand over anything — an object, a
 * list, a 100,000-character text — so it is checked here, with the parameter named, before it
 * reaches a query (where a list or an object would become SQL of another shape or a driver error).
 */
export function readId(
	ctx: IExecuteFunctions,
	i: number,
	name = 'id',
	label = '记录 ID Record ID',
): string {
	return requiredId(ctx.getNodeParameter(name, i, ''), name, label);
}

/** Return All / Limit of a List operation: a yes or no, and a whole number of at least 1. */
export function readPaging(
	ctx: IExecuteFunctions,
	i: number,
): { returnAll: boolean; limit: number } {
	const returnAll = optionalBoolean(
		ctx.getNodeParameter('returnAll', i, false),
		'returnAll',
		'返回全部 Return All',
	);
	if (returnAll) return { returnAll, limit: Infinity };
	const limit =
		optionalNumber(ctx.getNodeParameter('limit', i, 50), 'limit', '数量上限 Limit', {
			min: 1,
			integer: true,
		}) ?? 50;
	return { returnAll, limit };
}

/**
 * A bulk operation's batch size, read once from the first item: a whole number of at least 1
 * (0 would never advance through the rows, text would skip them all).
 */
export function readBatchSize(ctx: IExecuteFunctions): number {
	try {
		return batchSize(ctx.getNodeParameter('batchSize', 0, 500));
	} catch (error) {
		throw toNodeError(ctx.getNode(), error, 0);
	}
}
