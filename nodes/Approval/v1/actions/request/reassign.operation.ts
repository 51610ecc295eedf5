import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateOperationDisplayOptions } from '../../../../shared/descriptions/common';
import { reassign } from '../../../../../core/approval';
import { requiredText } from '../../../../../core/util/validate';
import { forEachItem, workflowActor } from '../../../../shared/run';
import {
	approvalEnv,
	changeItems,
	readNote,
	readPerson,
	readRequestId,
	requestIdProperty,
} from './common';

const properties: INodeProperties[] = [
	requestIdProperty,
	{
		displayName: '原审批人邮箱 From Email',
		name: 'fromEmail',
		type: 'string',
		required: true,
		default: '',
	},
	{
		displayName: '转交给 To',
		name: 'toEmail',
		type: 'string',
		required: true,
		default: '',
		placeholder: '王主任 <wang@example.edu.cn>',
	},
	{
		displayName: '原因 Reason',
		name: 'note',
		type: 'string',
		default: '',
	},
];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['request'], operation: ['reassign'] } },
	properties,
);

/** 转交: the old link dies; the new approver's notification item is the output. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const env = await approvalEnv(this);
	return forEachItem(this, async (i) => {
		const change = await reassign(
			env,
			readRequestId(this, i),
			{
				from: requiredText(
					this.getNodeParameter('fromEmail', i, ''),
					'fromEmail',
					'原审批人邮箱 From Email',
					300,
				),
				to: readPerson(this, i, 'toEmail', '转交给 To'),
				note: readNote(this, i),
			},
			workflowActor(this),
		);
		return changeItems(env, change);
	});
}
