import {
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { evaluateEngagement } from '../../../../../core/exchange';
import {
	recordIdProperty,
	updateOperationDisplayOptions,
} from '../../../../shared/descriptions/common';
import { readId } from '../../../../shared/params';
import { forEachItem, workflowActor } from '../../../../shared/run';
import { consortiumFor } from '../../../../shared/store';
import { gradeOptions } from '../gradeOptions';

const properties: INodeProperties[] = [
	recordIdProperty('授课记录 ID Engagement ID'),
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

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['engagement'], operation: ['evaluate'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const { store } = await consortiumFor(this);
	return forEachItem(
		this,
		async (i) =>
			(await evaluateEngagement(
				store,
				readId(this, i),
				{
					grade: this.getNodeParameter('grade', i) as string,
					comments: this.getNodeParameter('comments', i, '') as string,
				},
				workflowActor(this),
			)) as never,
	);
}
