import type { IDataObject } from 'n8n-workflow';
import type { Engine, Execution } from '../engine/harness';
import { oneNodeWorkflow } from './one-node';

/** A one-node workflow: Start → Exchange with `parameters`, run on `items`. */
export function exchangeWorkflow(parameters: IDataObject, extra: IDataObject = {}) {
	return oneNodeWorkflow('n8n-nodes-consortium.exchange', 'Exchange', parameters, extra);
}

export async function runExchange(
	engine: Engine,
	parameters: IDataObject,
	items: IDataObject[] = [{}],
): Promise<{ run: Execution; out: IDataObject[] }> {
	const run = await engine.run(exchangeWorkflow(parameters), { items });
	return { run, out: run.output('Exchange') };
}
