import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { endDelegation } from '../../../../../core/approval';
import { forEachItem, workflowActor } from '../../../../shared/run';
import { approvalEnv, forOperation } from './common';

export const description: INodeProperties[] = [
	{
		displayName: '委托人 Approver',
		name: 'approver',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'wang@college.edu.cn',
		displayOptions: { show: forOperation('endDelegation') },
	},
];

/** 结束委托: from now on the approver's turns come to them again. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const env = await approvalEnv(this);
	return forEachItem(this, async (i) => {
		const approver = this.getNodeParameter('approver', i, '');
		return { approver, ended: await endDelegation(env, { approver }, workflowActor(this)) };
	});
}
