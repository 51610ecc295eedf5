import type { INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import * as events from './events/poll.operation';

/** A trigger has one thing to do; the router keeps the layout of the other nodes. */
export async function router(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	return events.execute.call(this);
}
