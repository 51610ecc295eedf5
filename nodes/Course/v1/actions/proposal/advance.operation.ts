import type { INodeProperties } from 'n8n-workflow';
import { updateOperationDisplayOptions } from '../../../../shared/descriptions/common';
import { courses } from '../../../../../core/course';
import { readId } from '../../../../shared/params';
import { courseIdProperty, readStep, stepProperties, perItem } from './common';
import { courseStateOptions } from './fields';

const properties: INodeProperties[] = [
	courseIdProperty,
	{
		displayName: '目标状态 Next State',
		name: 'to',
		type: 'options',
		options: courseStateOptions.filter((o) => o.value !== 'draft'),
		default: 'approved',
		required: true,
		description:
			'不合流程的变更会被拒绝并说明当前状态 An illegal step is refused, naming the current state',
	},
	...stepProperties(),
];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['proposal'], operation: ['advance'] } },
	properties,
);

export const execute = perItem(async (ctx, i, store, context) =>
	courses.advance(
		store,
		readId(ctx, i),
		ctx.getNodeParameter('to', i) as string,
		readStep(ctx, i),
		context,
	),
);
