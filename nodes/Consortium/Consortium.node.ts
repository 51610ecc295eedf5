import { versionedNode } from '../shared/versionedNode';
import { ConsortiumV1 } from './v1/ConsortiumV1.node';

export class Consortium extends versionedNode(
	{
		displayName: '产教联合体 Consortium',
		name: 'consortium',
		icon: { light: 'file:consortium.svg', dark: 'file:consortium.dark.svg' },
		group: ['transform'],
		description:
			'联合体名录（单位、人员）与指标看板 Directory of organisations and people, and the KPI scoreboard',
		defaultVersion: 1,
	},
	{ 1: ConsortiumV1 },
) {}
