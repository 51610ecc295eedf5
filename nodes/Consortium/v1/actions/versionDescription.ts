/* eslint-disable n8n-nodes-base/node-filename-against-convention */
import { NodeConnectionTypes, type INodeTypeDescription } from 'n8n-workflow';
import * as organisation from './organisation';
import * as person from './person';
import * as scoreboard from './scoreboard';
import * as targets from './targets';
import * as indicatorEntry from './indicatorEntry';

export const versionDescription: INodeTypeDescription = {
	displayName: '产教联合体 Consortium',
	name: 'consortium',
	icon: { light: 'file:../consortium.svg', dark: 'file:../consortium.dark.svg' },
	group: ['transform'],
	version: 1,
	subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
	description: '联合体名录（单位、人员）与指标看板 Directory of organisations and people, and the KPI scoreboard',
	defaults: { name: '产教联合体 Consortium' },
	usableAsTool: true,
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'consortiumStoreApi', required: true, testedBy: 'consortiumStoreTest' }],
	properties: [
		{
			displayName: '资源 Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: '人员 Person', value: 'person' },
				{ name: '单位 Organisation', value: 'organisation' },
				{ name: '年度目标 Target', value: 'targets' },
				{ name: '指标填报 Indicator Entry', value: 'indicatorEntry' },
				{ name: '指标看板 Scoreboard', value: 'scoreboard' },
			],
			default: 'organisation',
		},
		...organisation.description,
		...person.description,
		...scoreboard.description,
		...targets.description,
		...indicatorEntry.description,
	],
};
