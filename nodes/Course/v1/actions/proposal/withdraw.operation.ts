import type { INodeProperties } from 'n8n-workflow';
import { updateOperationDisplayOptions } from '../../../../shared/descriptions/common';
import { courses } from '../../../../../core/course';
import { readId } from '../../../../shared/params';
import { courseIdProperty, readStep, stepProperties, perItem } from './common';

const properties: INodeProperties[] = [courseIdProperty, ...stepProperties('撤回原因 Reason')];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['proposal'], operation: ['withdraw'] } },
	properties,
);

export const execute = perItem(async (ctx, i, store, context) =>
	courses.withdraw(store, readId(ctx, i), readStep(ctx, i), context),
);
