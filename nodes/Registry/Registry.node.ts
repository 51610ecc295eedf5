import { versionedNode } from '../shared/versionedNode';
import { RegistryV1 } from './v1/RegistryV1.node';

export class Registry extends versionedNode(
	{
		displayName: '专利与项目 Registry',
		name: 'registry',
		icon: { light: 'file:registry.svg', dark: 'file:registry.dark.svg' },
		group: ['transform'],
		description:
			'专利、科研项目登记及年费、节点等期限 Patents, research projects and their deadlines',
		defaultVersion: 1,
	},
	{ 1: RegistryV1 },
) {}
