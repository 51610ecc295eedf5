import type { INodeProperties } from 'n8n-workflow';
import {
	ENGAGEMENT_STATUS_LABELS,
	ENGAGEMENT_STATUSES,
	transitionEngagement,
} from '../../../../../core/exchange';
import { vocabularyOptions } from '../../../../shared/descriptions/common';
import { perItemOperation } from '../../../../shared/operation';
import { engagementIdProperty } from './fields';

const properties: INodeProperties[] = [
	engagementIdProperty,
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

export const { description, execute } = perItemOperation(
	{ resource: 'engagement', operation: 'transition' },
	properties,
	({ store, actor, param, id }) =>
		transitionEngagement(store, id(), param('status'), { reason: param('reason', '') }, actor),
);
