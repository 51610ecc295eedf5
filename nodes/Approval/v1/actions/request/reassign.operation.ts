import type { INodeProperties } from 'n8n-workflow';
import { reassign } from '../../../../../core/approval';
import { requiredText } from '../../../../../core/util/validate';
import { perItemOperation } from '../../../../shared/operation';
import { changeItems, readNote, readPerson, readRequestId, requestIdProperty } from './common';

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

/** 转交: the old link dies; the new approver's notification item is the output. */
export const { description, execute } = perItemOperation(
	{ resource: 'request', operation: 'reassign' },
	properties,
	async ({ ctx, i, consortium, actor }) =>
		changeItems(
			consortium,
			await reassign(
				consortium,
				readRequestId(ctx, i),
				{
					from: requiredText(
						ctx.getNodeParameter('fromEmail', i, ''),
						'fromEmail',
						'原审批人邮箱 From Email',
						300,
					),
					to: readPerson(ctx, i, 'toEmail', '转交给 To'),
					note: readNote(ctx, i),
				},
				actor,
			),
		),
);
