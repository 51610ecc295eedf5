import {
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import {
	ENGAGEMENT_STATUS_LABELS,
	ENGAGEMENT_STATUSES,
	transitionEngagement,
} from '../../../../../core/exchange';
import {
	recordIdProperty,
	vocabularyOptions,
	updateOperationDisplayOptions,
} from '../../../../shared/descriptions/common';
import { readId } from '../../../../shared/params';
import { forEachItem, workflowActor } from '../../../../shared/run';
import { consortiumFor } from '../../../../shared/store';

const properties: INodeProperties[] = [
	recordIdProperty('授课记录 ID Engagement ID'),
	{
		displayName: '目标状态 New Status',
		name: 'status',
		type: 'options',
		// Planned is where an engagement starts; evaluated is reached by the evaluate operation.
		options: vocabularyOptions(ENGAGEMENT_STATUSES, ENGAGEMENT_STATUS_LABELS).filter(
			(o) => o.value !== 'planned' && o.value !== 'evaluated',
		),
		default: 'approved',
	},
	{
		displayName: '说明 Reason',
		name: 'reason',
		type: 'string',
		default: '',
	},
];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['engagement'], operation: ['transition'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const { store } = await consortiumFor(this);
	return forEachItem(
		this,
		async (i) =>
			(await transitionEngagement(
				store,
				readId(this, i),
				this.getNodeParameter('status', i) as string,
				{ reason: this.getNodeParameter('reason', i, '') as string },
				workflowActor(this),
			)) as never,
	);
}
