import type { INodeProperties } from 'n8n-workflow';
import { updateOperationDisplayOptions } from '../../../../shared/descriptions/common';
import { courses } from '../../../../../core/course';
import { fieldProperties, readFields } from '../../../../shared/descriptions/fields';
import { rulesProperty, perItem } from './common';
import { proposalFields } from './fields';

const properties: INodeProperties[] = [...fieldProperties(proposalFields), rulesProperty];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['proposal'], operation: ['create'] } },
	properties,
);

export const execute = perItem(
	async (ctx, i, store, context) =>
		courses.create(store, readFields(ctx, i, proposalFields), context),
	{ withRules: true, keepBinary: true },
);
