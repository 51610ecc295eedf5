import { versionedNode } from '../shared/versionedNode';
import { ApprovalV1 } from './v1/ApprovalV1.node';

export class Approval extends versionedNode(
	{
		displayName: '审批 Approval',
		name: 'approval',
		icon: { light: 'file:approval.svg', dark: 'file:approval.dark.svg' },
		group: ['transform'],
		description:
			'多级审批，通过邮件中的安全链接决定 Multi-stage approvals decided through safe email links',
		defaultVersion: 1,
	},
	{ 1: ApprovalV1 },
) {}
