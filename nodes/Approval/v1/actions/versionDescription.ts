/* eslint-disable n8n-nodes-base/node-filename-against-convention */
import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { CREDENTIAL_NAME } from '../../../shared/store';
import { resourceProperty } from '../../../shared/descriptions/node';
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
	displayName: '审批 Approval',
	name: 'approval',
	icon: { light: 'file:approval.svg', dark: 'file:approval.dark.svg' },
	group: ['transform'],
	version: 1,
	subtitle: resourceOperationSubtitle(properties),
	description:
		'多级审批，通过邮件中的安全链接决定 Multi-stage approvals decided through safe email links',
	defaults: { name: '审批 Approval' },
	inputs: ['main'],
	outputs: `={{(${configuredOutputs})($parameter)}}`,
	credentials: [{ name: CREDENTIAL_NAME, required: true, testedBy: 'consortiumStoreTest' }],
	webhooks: APPROVAL_WEBHOOKS as INodeTypeDescription['webhooks'],
	properties,
};
