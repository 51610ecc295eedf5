/* eslint-disable n8n-nodes-base/node-filename-against-convention */
import { NodeConnectionTypes, type INodeTypeDescription } from 'n8n-workflow';
import { CREDENTIAL_NAME } from '../../../shared/store';
import * as deadline from './deadline';
import * as patent from './patent';
import * as project from './project';

export const versionDescription: INodeTypeDescription = {
	displayName: '专利与项目 Registry',
	name: 'registry',
	icon: { light: 'file:../registry.svg', dark: 'file:../registry.dark.svg' },
	group: ['transform'],
	version: 1,
	subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
	description: '专利、科研项目登记及年费、节点等期限 Patents, research projects and their deadlines',
	defaults: { name: '专利与项目 Registry' },
	usableAsTool: true,
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: CREDENTIAL_NAME, required: true, testedBy: 'consortiumStoreTest' }],
	properties: [
		{
			displayName: '资源 Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: '专利 Patent', value: 'patent' },
				{ name: '科研项目 Research Project', value: 'project' },
				{ name: '期限 Deadline', value: 'deadline' },
			],
			default: 'patent',
		},
		...patent.description,
		...project.description,
		...deadline.description,
	],
};
