import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateOperationDisplayOptions } from '../../../../shared/descriptions/common';
import { revokeInbox } from '../../../../../core/approval';
import { forEachItem, workflowActor } from '../../../../shared/run';
import { approvalEnv } from './common';

const properties: INodeProperties[] = [
	{
		displayName: '审批人邮箱 Approver Email',
		name: 'email',
		type: 'string',
		placeholder: 'head@college.edu.cn',
		required: true,
		default: '',
	},
];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['request'], operation: ['revokeInbox'] } },
	properties,
);

/** 撤销待办链接: the person's inbox link stops opening; their decision links still work. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const env = await approvalEnv(this);
	return forEachItem(this, async (i) => {
		const email = this.getNodeParameter('email', i, '');
		const revoked = await revokeInbox(env, { email }, workflowActor(this));
		return { email, revoked };
	});
}
