import type { INodeProperties } from 'n8n-workflow';
import { endDelegation } from '../../../../../core/approval';
import { perItemOperation } from '../../../../shared/operation';

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

/** 结束委托: from now on the approver's turns come to them again. */
export const { description, execute } = perItemOperation(
	{ resource: 'request', operation: 'endDelegation' },
	properties,
	async ({ consortium, actor, param }) => {
		const approver = param('approver', '');
		return { approver, ended: await endDelegation(consortium, { approver }, actor) };
	},
);
