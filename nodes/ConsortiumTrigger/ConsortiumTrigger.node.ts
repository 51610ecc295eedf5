import { versionedNode } from '../shared/versionedNode';
import { ConsortiumTriggerV1 } from './v1/ConsortiumTriggerV1.node';

export class ConsortiumTrigger extends versionedNode(
	{
		displayName: '联合体事件触发 Consortium Trigger',
		name: 'consortiumTrigger',
		icon: { light: 'file:consortiumTrigger.svg', dark: 'file:consortiumTrigger.dark.svg' },
		group: ['trigger'],
		description:
			'记录新增或变更、审批结果、审批超期、期限临近时启动工作流 Starts a workflow when records change, approvals are decided or overdue, or deadlines draw near',
		defaultVersion: 1,
	},
	{ 1: ConsortiumTriggerV1 },
) {}
