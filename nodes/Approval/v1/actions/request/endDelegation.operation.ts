import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateOperationDisplayOptions } from '../../../../shared/descriptions/common';
import { endDelegation } from '../../../../../core/approval';
import { forEachItem, workflowActor } from '../../../../shared/run';
import { approvalEnv } from './common';

const properties: INodeProperties[] = [
	{
		displayName: '委托人 Approver',
		name: 'approver',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'wang@college.edu.cn',
	},
];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['request'], operation: ['endDelegation'] } },
	properties,
);

/** 结束委托: from now on the approver's turns come to them again. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const env = await approvalEnv(this);
	return forEachItem(this, async (i) => {
		const approver = this.getNodeParameter('approver', i, '');
		return { approver, ended: await endDelegation(env, { approver }, workflowActor(this)) };
	});
}
