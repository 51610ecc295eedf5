import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { Store } from '../../core/store';
import { updateOperationDisplayOptions } from './descriptions/common';
import type { Operation } from './entityOperations';
import { readId } from './params';
import { forEachItem, workflowActor, type EachItemOptions, type ItemResult } from './run';
import { consortiumFor, type Consortium } from './store';

/** What an operation's per-item step is given: one input item, the consortium, its store. */
export interface ItemContext {
	ctx: IExecuteFunctions;
	/** The item's index, for parameters and errors. */
	i: number;
	consortium: Consortium;
	store: Store;
	/** The audit identity of this workflow's node. */
	actor: { actor: string };
	/** The item's value of a parameter; `fallback` where the parameter may be hidden. */
	param<T = string>(name: string, fallback?: T): T;
	/** The item's record ID (`id` parameter), trimmed and checked. */
	id(): string;
}

export interface OperationPlace {
	resource: string;
	operation: string;
}

/** An operation's properties, shown under its resource and operation alone. */
export function operationDescription(
	place: OperationPlace,
	properties: INodeProperties[],
): INodeProperties[] {
	return updateOperationDisplayOptions(
		{ show: { resource: [place.resource], operation: [place.operation] } },
		properties,
	);
}

/**
 * An operation run item by item through `forEachItem` whose step opens what it needs itself:
 * one that reads no store, or one whose store failing must fail the item, not the node.
 */
export function itemOperation(
	place: OperationPlace,
	properties: INodeProperties[],
	step: (ctx: IExecuteFunctions, i: number) => Promise<ItemResult>,
	options: EachItemOptions = {},
): Operation {
	return {
		description: operationDescription(place, properties),
		async execute() {
			return forEachItem(this, (i) => step(this, i), options);
		},
	};
}

/**
 * An operation that does one store step per input item: its properties shown under
 * `place` alone, and an execute that runs `step` per item through `forEachItem` (one
 * transaction an item, "Continue On Fail" honoured). `step`'s result is the item's output.
 */
export function perItemOperation(
	place: OperationPlace,
	properties: INodeProperties[],
	step: (item: ItemContext) => Promise<unknown>,
	options: EachItemOptions = {},
): Operation {
	return {
		description: operationDescription(place, properties),
		async execute() {
			const consortium = await consortiumFor(this);
			const actor = workflowActor(this);
			return forEachItem(
				this,
				async (i) =>
					(await step({
						ctx: this,
						i,
						consortium,
						store: consortium.store,
						actor,
						param: <T>(name: string, fallback?: T) =>
							(fallback === undefined
								? this.getNodeParameter(name, i)
								: this.getNodeParameter(name, i, fallback)) as T,
						id: () => readId(this, i),
					})) as ItemResult,
				options,
			);
		},
	};
}
