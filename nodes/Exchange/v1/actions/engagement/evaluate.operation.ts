import type { INodeProperties } from 'n8n-workflow';
import { evaluateEngagement } from '../../../../../core/exchange';
import { perItemOperation } from '../../../../shared/operation';
import { gradeOptions } from '../gradeOptions';
import { engagementIdProperty } from './fields';

const properties: INodeProperties[] = [
	engagementIdProperty,
	{
		displayName: '系部评价 Department Grade',
		name: 'grade',
		type: 'options',
		options: gradeOptions,
		default: 'good',
	},
	{
		displayName: '评价意见 Comments',
		name: 'comments',
		type: 'string',
		default: '',
	},
];

export const { description, execute } = perItemOperation(
	{ resource: 'engagement', operation: 'evaluate' },
	properties,
	({ store, actor, param, id }) =>
		evaluateEngagement(
			store,
			id(),
			{ grade: param('grade'), comments: param('comments', '') },
			actor,
		),
);
