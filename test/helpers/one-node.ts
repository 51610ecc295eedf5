import type { IDataObject } from 'n8n-workflow';

/** A workflow of one node of `type`, named `name`, after a manual Start: run it on any items. */
export function oneNodeWorkflow(
	type: string,
	name: string,
	parameters: IDataObject,
	extra: IDataObject = {},
) {
	return {
		name: `${name} node`,
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
				id: 'node',
				name,
				type,
				typeVersion: 1,
				position: [200, 0],
				parameters,
				credentials: { consortiumStoreApi: { id: 'consortium-store', name: 'Consortium Store' } },
				...extra,
			},
		],
		connections: { Start: { main: [[{ node: name, type: 'main', index: 0 }]] } },
	};
}
