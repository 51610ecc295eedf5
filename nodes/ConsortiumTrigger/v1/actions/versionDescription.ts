import { NodeConnectionTypes, type INodeTypeDescription } from 'n8n-workflow';
import { storeNodeIdentity } from '../../../shared/descriptions/node';
import { optionsSubtitle } from '../../../shared/descriptions/subtitle';
import * as events from './events/poll.operation';

export const versionDescription: INodeTypeDescription = {
	...storeNodeIdentity(
		{
			name: 'consortiumTrigger',
			displayName: '联合体事件触发 Consortium Trigger',
			description:
				'记录新增或变更、审批结果、审批超期、期限临近时启动工作流 Starts a workflow when records change, approvals are decided or overdue, or deadlines draw near',
		},
		'trigger',
	),
	subtitle: optionsSubtitle(events.description.find((p) => p.name === 'events')!),
	polling: true,
	inputs: [],
	outputs: [NodeConnectionTypes.Main],
	properties: events.description,
};
