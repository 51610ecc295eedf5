import type { INodeTypeDescription } from 'n8n-workflow';
import { nodeDescription } from '../../../shared/descriptions/node';
import * as deadline from './deadline';
import * as patent from './patent';
import * as project from './project';

export const versionDescription: INodeTypeDescription = nodeDescription({
	name: 'registry',
	displayName: '专利与项目 Registry',
	description:
		'专利、科研项目登记及年费、节点等期限 Patents, research projects and their deadlines',
	resources: [
		{ name: '专利 Patent', value: 'patent' },
		{ name: '期限 Deadline', value: 'deadline' },
		{ name: '科研项目 Research Project', value: 'project' },
	],
	defaultResource: 'patent',
	properties: [...patent.description, ...project.description, ...deadline.description],
});
