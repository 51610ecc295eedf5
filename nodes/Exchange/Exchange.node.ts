import { versionedNode } from '../shared/versionedNode';
import { ExchangeV1 } from './v1/ExchangeV1.node';

export class Exchange extends versionedNode(
	{
		displayName: '校企互聘 Exchange',
		name: 'exchange',
		icon: { light: 'file:exchange.svg', dark: 'file:exchange.dark.svg' },
		group: ['transform'],
		description:
			'教师下企业、技师进教室：实践站点、教师企业实践、周志、技师授课与合规统计 Teacher placements, technician teaching and compliance',
		defaultVersion: 1,
	},
	{ 1: ExchangeV1 },
) {}
