import type { INodeTypeDescription } from 'n8n-workflow';
import { nodeDescription } from '../../../shared/descriptions/node';
import * as deliverable from './deliverable';
import * as proposal from './proposal';

export const versionDescription: INodeTypeDescription = nodeDescription({
	name: 'course',
	displayName: '课程共建 Course',
	description:
		'课程共建申报、立项与建设全过程 Course co-development proposals, approval and lifecycle',
	resources: [
		{ name: '建设成果 Deliverable', value: 'deliverable' },
		{ name: '课程申报 Course Proposal', value: 'proposal' },
	],
	defaultResource: 'proposal',
	properties: [...proposal.description, ...deliverable.description],
});
