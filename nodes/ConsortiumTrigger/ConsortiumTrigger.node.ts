import {
	VersionedNodeType,
	type INodeTypeBaseDescription,
	type IVersionedNodeType,
} from 'n8n-workflow';
import { ConsortiumTriggerV1 } from './v1/ConsortiumTriggerV1.node';

export class ConsortiumTrigger extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: '联合体事件触发 Consortium Trigger',
			name: 'consortiumTrigger',
			icon: { light: 'file:consortiumTrigger.svg', dark: 'file:consortiumTrigger.dark.svg' },
			group: ['trigger'],
			description:
				'记录新增或变更、审批结果、审批超期、期限临近时启动工作流 Starts a workflow when records change, approvals are decided or overdue, or deadlines draw near',
			defaultVersion: 1,
		};
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new ConsortiumTriggerV1(baseDescription),
		};
		super(nodeVersions, baseDescription);
	}
}
