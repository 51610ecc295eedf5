import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { remind } from '../../../../../core/approval';
import { forEachItem, workflowActor } from '../../../../shared/run';
import { approvalEnv, changeItems, requestIdProperty } from './common';

export const description: INodeProperties[] = [requestIdProperty('remind')];

/** 催办: one reminder item per pending approver, with the very link of their first message. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const env = await approvalEnv(this);
	return forEachItem(this, async (i) => changeItems(env, await remind(env, this.getNodeParameter('requestId', i) as string, workflowActor(this)), 'reminder'));
}
