import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateOperationDisplayOptions } from '../../../../shared/descriptions/common';
import { addApprover } from '../../../../../core/approval';
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
		displayName: '加签审批人 Approver',
		name: 'approverEmail',
		type: 'string',
		required: true,
		default: '',
		placeholder: '李教授 <li@example.edu.cn>',
	},
	{
		displayName: '原因 Reason',
		name: 'note',
		type: 'string',
		default: '',
	},
];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['request'], operation: ['addApprover'] } },
	properties,
);

/** 加签 to the current stage; outputs the new approver's notification item. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const env = await approvalEnv(this);
	return forEachItem(this, async (i) => {
		const change = await addApprover(
			env,
			readRequestId(this, i),
			{
				person: readPerson(this, i, 'approverEmail', '加签审批人 Approver'),
				note: readNote(this, i),
			},
			workflowActor(this),
		);
		return changeItems(env, change);
	});
}
