/* eslint-disable n8n-nodes-base/node-filename-against-convention */
import { NodeConnectionTypes, type INodeTypeDescription } from 'n8n-workflow';
import { storeCredentials } from '../../../shared/descriptions/node';
import { optionsSubtitle } from '../../../shared/descriptions/subtitle';
import * as events from './events/poll.operation';

export const versionDescription: INodeTypeDescription = {
	displayName: '联合体事件触发 Consortium Trigger',
	name: 'consortiumTrigger',
	icon: { light: 'file:consortiumTrigger.svg', dark: 'file:consortiumTrigger.dark.svg' },
	group: ['trigger'],
	version: 1,
	subtitle: optionsSubtitle(events.description.find((p) => p.name === 'events')!),
	description:
		'记录新增或变更、审批结果、审批超期、期限临近时启动工作流 Starts a workflow when records change, approvals are decided or overdue, or deadlines draw near',
	defaults: { name: '联合体事件触发 Consortium Trigger' },
	polling: true,
	inputs: [],
	outputs: [NodeConnectionTypes.Main],
	credentials: storeCredentials,
	properties: events.description,
};
