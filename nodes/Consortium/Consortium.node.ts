import {
	VersionedNodeType,
	type INodeTypeBaseDescription,
	type IVersionedNodeType,
} from 'n8n-workflow';
import { ConsortiumV1 } from './v1/ConsortiumV1.node';

export class Consortium extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: '产教联合体 Consortium',
			name: 'consortium',
			icon: { light: 'file:consortium.svg', dark: 'file:consortium.dark.svg' },
			group: ['transform'],
			description:
				'联合体名录（单位、人员）与指标看板 Directory of organisations and people, and the KPI scoreboard',
			defaultVersion: 1,
		};
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new ConsortiumV1(baseDescription),
		};
		super(nodeVersions, baseDescription);
	}
}
