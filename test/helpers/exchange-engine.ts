import type { IDataObject } from 'n8n-workflow';
import type { Engine, Execution } from '../engine/harness';

/** A one-node workflow: Start → Exchange with `parameters`, run on `items`. */
export function exchangeWorkflow(parameters: IDataObject, extra: IDataObject = {}) {
	return {
		name: 'exchange-op',
		nodes: [
			{
				id: 'start',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'exchange',
				name: 'Exchange',
				type: 'n8n-nodes-consortium.exchange',
				typeVersion: 1,
				position: [200, 0],
				parameters,
				credentials: { consortiumStoreApi: { id: 'consortium-store', name: 'Consortium Store' } },
				...extra,
			},
		],
		connections: { Start: { main: [[{ node: 'Exchange', type: 'main', index: 0 }]] } },
	};
}

export async function runExchange(
	engine: Engine,
	parameters: IDataObject,
	items: IDataObject[] = [{}],
): Promise<{ run: Execution; out: IDataObject[] }> {
	const run = await engine.run(exchangeWorkflow(parameters), { items });
	return { run, out: run.output('Exchange') };
}
