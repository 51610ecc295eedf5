import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { toNodeError } from './errors';

export type ItemResult = IDataObject | IDataObject[];

export interface EachItemOptions {
	/**
	 * Carry each input item's files (`binary`) onto its outputs, for operations that sit
	 * between a form with file fields and the Approval node that attaches them (附件): an
	 * output of only `json` would drop the files on the way.
	 */
	keepBinary?: boolean;
}

/**
 * Runs `fn` for each input item. Each item's store writes are one transaction inside `fn`,
 * so a failed item writes nothing. With "Continue On Fail" the error becomes that item's
 * output and the other items go on; otherwise the first error stops the node.
 */
export async function forEachItem(
	ctx: IExecuteFunctions,
	fn: (itemIndex: number) => Promise<ItemResult>,
	options: EachItemOptions = {},
): Promise<INodeExecutionData[]> {
	const items = ctx.getInputData();
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const result = await fn(i);
			const binary = options.keepBinary ? items[i].binary : undefined;
			for (const json of Array.isArray(result) ? result : [result])
				out.push(
					binary ? { json, binary, pairedItem: { item: i } } : { json, pairedItem: { item: i } },
				);
		} catch (error) {
			const nodeError = toNodeError(ctx.getNode(), error, i);
			if (ctx.continueOnFail()) {
				out.push({
					json: { error: nodeError.message, description: nodeError.description ?? null },
					pairedItem: { item: i },
				});
				continue;
			}
			throw nodeError;
		}
	}
	return out;
}

/** The acting identity recorded in the audit trail for changes made by a workflow. */
export function workflowActor(ctx: IExecuteFunctions): { actor: string } {
	const workflow = ctx.getWorkflow();
	return { actor: `n8n:workflow:${workflow.id ?? 'manual'}:${ctx.getNode().name}` };
}
