import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { markDelivered, resubmit, type ApprovalEnv } from '../../../../../core/approval';
import { toNodeError } from '../../../../shared/errors';
import { workflowActor } from '../../../../shared/run';
import { consortiumFor } from '../../../../shared/store';
import { updateOperationDisplayOptions } from '../../../../shared/descriptions/common';
import { outputsFor } from '../items';
import { amendTokenProperty } from '../amendToken';
import { approverLinkBase } from '../links';
import { continueWaiting, withPairing } from './requestApproval.operation';

/**
 * 重新提交 Resubmit: the submitter's correction of a returned request, under its number. It runs
 * in the amend form's execution, which from then on waits for the request exactly as the
 * Request Approval node's execution did (the one that returned ended on Returned): its Notify
 * items go out, come back into this node, and it resumes on Approved, Rejected or Returned.
 */
const properties: INodeProperties[] = [
	amendTokenProperty,
	{
		displayName: '标题 Title',
		name: 'title',
		type: 'string',
		default: '',
		description: '修改后的标题；留空则不变 The corrected title; empty keeps it',
	},
	{
		displayName: '摘要字段 Summary Fields',
		name: 'subjectFields',
		type: 'json',
		default: '',
		description:
			'修改后的摘要字段（同发起审批）；留空则不变 The corrected summary fields, as Request Approval takes them; empty keeps them',
	},
];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['approval'], operation: ['resubmit'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const { store, settings, publicBaseUrl } = await consortiumFor(this);
	const env: ApprovalEnv = { store, settings };
	try {
		const returned = await continueWaiting(this, env);
		if (returned) return returned;
		const { request, change } = await resubmit(
			env,
			{
				token: this.getNodeParameter('amendToken', 0, ''),
				title: this.getNodeParameter('title', 0, ''),
				fields: this.getNodeParameter('subjectFields', 0, ''),
				...(await approverLinkBase(this, store, publicBaseUrl)),
				executionId: this.getExecutionId() ?? null,
				nodeId: this.getNode().id,
			},
			workflowActor(this),
		);
		// Every stage from the one reopened was skipped on the corrected fields: the result is here.
		if (change.outcome === 'approved' || change.outcome === 'rejected')
			await markDelivered(env, request.id);
		return withPairing(await outputsFor(env, change));
	} catch (error) {
		throw toNodeError(this.getNode(), error, 0);
	}
}
