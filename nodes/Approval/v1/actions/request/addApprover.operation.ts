import type { INodeProperties } from 'n8n-workflow';
import { addApprover } from '../../../../../core/approval';
import { perItemOperation } from '../../../../shared/operation';
import { changeItems, readNote, readPerson, readRequestId, requestIdProperty } from './common';

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

/** 加签 to the current stage; outputs the new approver's notification item. */
export const { description, execute } = perItemOperation(
	{ resource: 'request', operation: 'addApprover' },
	properties,
	async ({ ctx, i, consortium, actor }) =>
		changeItems(
			consortium,
			await addApprover(
				consortium,
				readRequestId(ctx, i),
				{
					person: readPerson(ctx, i, 'approverEmail', '加签审批人 Approver'),
					note: readNote(ctx, i),
				},
				actor,
			),
		),
);
