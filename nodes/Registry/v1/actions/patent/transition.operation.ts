import type { INodeProperties } from 'n8n-workflow';
import { patents } from '../../../../../core/registry';
import { transitionOperation, transitionProperties } from '../common';
import { PATENT_ID_LABEL, patentStatusOptions } from './fields';

/** 恢复 is a step back from 终止 to 授权, so it is offered beside the statuses rather than as one. */
const restoreOption = {
	name: '恢复权利 Restore Rights',
	value: 'restore',
	description:
		'因未缴年费终止后，在专利法实施细则第六条的期限内恢复 Back from termination for an unpaid fee, within the 细则 art. 6 window.',
};

const properties: INodeProperties[] = [
	...transitionProperties(
		PATENT_ID_LABEL,
		[...patentStatusOptions.filter((o) => o.value !== 'filed'), restoreOption],
		'preliminary',
	),
	{
		displayName: '收到终止通知日 Notice Received On',
		name: 'noticeReceivedOn',
		type: 'string',
		default: '',
		placeholder: '2026-09-01',
		description:
			'恢复须自收到通知之日起 2 个月内请求 Restoration must be requested within 2 months of receiving the notice',
		displayOptions: { show: { to: ['restore'] } },
	},
];

export const { description, execute } = transitionOperation(
	'patent',
	properties,
	({ store, actor, param }, id, change, today) =>
		patents.transition(
			store,
			id,
			{
				...change,
				noticeReceivedOn: change.to === 'restore' ? param('noticeReceivedOn', '') : undefined,
			},
			actor,
			today,
		),
);
