/**
 * Polls a trigger node the way n8n's poll loop does: a real n8n-core `PollContext` on the
 * workflow, calling the node type's `poll()`. `mode` 'manual' is the editor's "fetch test
 * event"; 'trigger' is an active workflow's tick.
 */
import 'reflect-metadata';
import { PollContext } from 'n8n-core';
import { Workflow, type IDataObject, type IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { nodeTypes, type Engine } from './harness';

export interface PollTarget {
	id: string;
	name?: string;
	nodes: any[];
	connections: any;
}

export async function pollNode(
	engine: Engine,
	json: PollTarget,
	nodeName: string,
	mode: 'trigger' | 'manual' = 'trigger',
): Promise<IDataObject[] | null> {
	const workflow = new Workflow({
		id: json.id,
		name: json.name,
		nodes: structuredClone(json.nodes),
		connections: structuredClone(json.connections),
		nodeTypes,
		active: mode === 'trigger',
		settings: {},
	});
	const node = workflow.getNode(nodeName);
	if (!node) throw new Error(`No node ${nodeName}`);
	// The engine's credentials helper, so the trigger opens the same store as the workflow.
	const additionalData = {
		credentialsHelper: (engine as unknown as { credentialsHelper: unknown }).credentialsHelper,
		variables: {},
		executionId: undefined,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
	} as unknown as IWorkflowExecuteAdditionalData;
	const context = new PollContext(
		workflow,
		node,
		additionalData,
		mode,
		mode === 'manual' ? 'manual' : 'activate',
	);
	const nodeType = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	const result = await nodeType.poll!.call(context);
	return result === null ? null : result[0].map((item) => item.json);
}

/** A workflow of one Consortium Trigger (parameters exactly as given) feeding a No-Op. */
export function triggerWorkflow(id: string, parameters: object): PollTarget & { name: string } {
	return {
		id,
		name: `trigger ${id}`,
		nodes: [
			{
				id: 'trigger-node-1',
				name: 'On Change',
				type: 'n8n-nodes-consortium.consortiumTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters,
				credentials: { consortiumStoreApi: { id: 'consortium-store', name: 'store' } },
			},
			{
				id: 'sink',
				name: 'Sink',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [200, 0],
				parameters: {},
			},
		],
		connections: { 'On Change': { main: [[{ node: 'Sink', type: 'main', index: 0 }]] } },
	};
}
