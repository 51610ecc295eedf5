import type {
	IBinaryKeyData,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
} from 'n8n-workflow';
import { toNodeError } from './errors';

/** An output item that carries files the step made, beside its `json`. */
export interface ItemWithFiles {
	json: IDataObject;
	binary: IBinaryKeyData;
}

const withFilesMark = new WeakSet<object>();

/** Marks a step's result as a whole item with files, not as the `json` of one. */
export function withFiles(json: IDataObject, binary: IBinaryKeyData): ItemWithFiles {
	const item = { json, binary };
	withFilesMark.add(item);
	return item;
}

export type ItemResult = IDataObject | IDataObject[] | ItemWithFiles;

export interface EachItemOptions {
	/**
	 * Carry each input item's files (`binary`) onto its outputs, for operations that sit
	 * between a form with file fields and the Approval node that attaches them (附件): an
	 * output of only `json` would drop the files on the way.
	 */
	keepBinary?: boolean;
	/**
	 * With "On Error: Continue (using error output)", send a failed item down the node's error
	 * branch: n8n moves an item there when it carries the error itself.
	 */
	errorOutput?: boolean;
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
			if (withFilesMark.has(result)) {
				out.push({ ...(result as ItemWithFiles), pairedItem: { item: i } });
				continue;
			}
			const binary = options.keepBinary ? items[i].binary : undefined;
			for (const json of Array.isArray(result) ? result : [result as IDataObject])
				out.push(
					binary ? { json, binary, pairedItem: { item: i } } : { json, pairedItem: { item: i } },
				);
		} catch (error) {
			const nodeError = toNodeError(ctx.getNode(), error, i);
			if (ctx.continueOnFail()) {
				out.push({
					json: { error: nodeError.message, description: nodeError.description ?? null },
					...(options.errorOutput && ctx.getNode().onError === 'continueErrorOutput'
						? { error: nodeError }
						: {}),
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
