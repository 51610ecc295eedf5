import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { route } from '../../../shared/router';
import * as deliverable from './deliverable';
import * as proposal from './proposal';

export const resources = {
	proposal: proposal.operations,
	deliverable: deliverable.operations,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return route.call(this, resources);
}
