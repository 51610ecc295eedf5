import type { INodeProperties } from 'n8n-workflow';
import { updateOperationDisplayOptions } from '../../../../shared/descriptions/common';
import { courses } from '../../../../../core/course';
import { readId } from '../../../../shared/params';
import { courseIdProperty, readStep, stepProperties, perItem } from './common';

/** After a rejection (or during approval) the proposal goes back, editable, with the reason. */
const properties: INodeProperties[] = [
	courseIdProperty,
	...stepProperties('退回原因 Reason', true),
];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['proposal'], operation: ['returnToDraft'] } },
	properties,
);

export const execute = perItem(async (ctx, i, store, context) =>
	courses.returnToDraft(store, readId(ctx, i), readStep(ctx, i), context),
);
