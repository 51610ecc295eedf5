/* eslint-disable n8n-nodes-base/node-filename-against-convention */
import { NodeConnectionTypes, type INodeTypeDescription } from 'n8n-workflow';
import { CREDENTIAL_NAME } from '../../../shared/store';
import * as deliverable from './deliverable';
import * as proposal from './proposal';

export const versionDescription: INodeTypeDescription = {
	displayName: '课程共建 Course',
	name: 'course',
	icon: { light: 'file:../course.svg', dark: 'file:../course.dark.svg' },
	group: ['transform'],
	version: 1,
	subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
	description: '课程共建申报、立项与建设全过程 Course co-development proposals, approval and lifecycle',
	defaults: { name: '课程共建 Course' },
	usableAsTool: true,
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: CREDENTIAL_NAME, required: true, testedBy: 'consortiumStoreTest' }],
	properties: [
		{
			displayName: '资源 Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: '课程申报 Course Proposal', value: 'proposal' },
				{ name: '建设成果 Deliverable', value: 'deliverable' },
			],
			default: 'proposal',
		},
		...proposal.description,
		...deliverable.description,
	],
};
