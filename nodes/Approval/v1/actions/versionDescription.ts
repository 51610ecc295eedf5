import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { resourceProperty, storeNodeIdentity } from '../../../shared/descriptions/node';
import { resourceOperationSubtitle } from '../../../shared/descriptions/subtitle';
import * as approval from './approval';
import * as request from './request';
import { APPROVAL_WEBHOOKS } from './webhook';

/** Four named outputs for Request Approval and Resubmit, one for the management operations. */
const configuredOutputs = (parameters: { resource?: string }) =>
	parameters.resource === 'request'
		? [{ type: 'main', displayName: '结果 Result' }]
		: [
				{ type: 'main', displayName: '通过 Approved' },
				{ type: 'main', displayName: '拒绝 Rejected' },
				{ type: 'main', displayName: '通知 Notify' },
				{ type: 'main', displayName: '退回修改 Returned' },
			];

const properties: INodeProperties[] = [
	resourceProperty(
		[
			{ name: '审批 Approval', value: 'approval' },
			{ name: '审批管理 Manage Request', value: 'request' },
		],
		'approval',
	),
	...approval.description,
	...request.description,
];

export const versionDescription: INodeTypeDescription = {
	...storeNodeIdentity({
		name: 'approval',
		displayName: '审批 Approval',
		description:
			'多级审批，通过邮件中的安全链接决定 Multi-stage approvals decided through safe email links',
	}),
	subtitle: resourceOperationSubtitle(properties),
	inputs: ['main'],
	outputs: `={{(${configuredOutputs})($parameter)}}`,
	webhooks: APPROVAL_WEBHOOKS as INodeTypeDescription['webhooks'],
	properties,
};
