import type { INodeProperties } from 'n8n-workflow';
import { updateOperationDisplayOptions } from '../../../../shared/descriptions/common';
import { courses } from '../../../../../core/course';
import { readId } from '../../../../shared/params';
import { courseIdProperty, readStep, rulesProperty, stepProperties, perItem } from './common';

const properties: INodeProperties[] = [
	courseIdProperty,
	{
		displayName: '同时进入审批 Enter Approval',
		name: 'enterApproval',
		type: 'boolean',
		default: true,
		description:
			'Whether to move on to 审批中 Under Approval in the same step, as when an Approval node follows',
	},
	...stepProperties(),
	rulesProperty,
];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['proposal'], operation: ['submit'] } },
	properties,
);

export const execute = perItem(
	async (ctx, i, store, context) =>
		courses.submit(
			store,
			readId(ctx, i),
			{
				...readStep(ctx, i),
				enterApproval: ctx.getNodeParameter('enterApproval', i, true) as boolean,
			},
			context,
		),
	{ withRules: true, keepBinary: true },
);
