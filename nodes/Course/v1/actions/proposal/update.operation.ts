import type { INodeProperties } from 'n8n-workflow';
import { updateOperationDisplayOptions } from '../../../../shared/descriptions/common';
import { courses } from '../../../../../core/course';
import { readFields, updateFieldProperties } from '../../../../shared/descriptions/fields';
import { readId } from '../../../../shared/params';
import { courseIdProperty, rulesProperty, perItem } from './common';
import { proposalFields } from './fields';

/** Only a draft or a returned proposal changes; core refuses the rest with the current state. */
const properties: INodeProperties[] = [
	courseIdProperty,
	...updateFieldProperties(proposalFields),
	rulesProperty,
];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['proposal'], operation: ['update'] } },
	properties,
);

export const execute = perItem(
	async (ctx, i, store, context) =>
		courses.update(
			store,
			readId(ctx, i),
			readFields(ctx, i, proposalFields, 'updateFields'),
			context,
		),
	{ withRules: true },
);
