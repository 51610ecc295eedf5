/* eslint-disable n8n-nodes-base/node-filename-against-convention */
import { NodeConnectionTypes, type INodeProperties, type INodeTypeDescription } from 'n8n-workflow';
import { resourceProperty } from '../../../shared/descriptions/node';
import { resourceOperationSubtitle } from '../../../shared/descriptions/subtitle';
import * as compliance from './compliance';
import * as engagement from './engagement';
import * as placement from './placement';
import * as station from './station';
import * as weeklyLog from './weeklyLog';

const properties: INodeProperties[] = [
	resourceProperty(
		[
			{ name: '合规统计 Compliance', value: 'compliance' },
			{ name: '周志 Weekly Log', value: 'weeklyLog' },
			{ name: '实践站点 Station', value: 'station' },
			{ name: '技师授课 Engagement', value: 'engagement' },
			{ name: '教师企业实践 Placement', value: 'placement' },
		],
		'placement',
	),
	...station.description,
	...placement.description,
	...weeklyLog.description,
	...engagement.description,
	...compliance.description,
];

export const versionDescription: INodeTypeDescription = {
	displayName: '校企互聘 Exchange',
	name: 'exchange',
	icon: { light: 'file:exchange.svg', dark: 'file:exchange.dark.svg' },
	group: ['transform'],
	version: 1,
	subtitle: resourceOperationSubtitle(properties),
	description:
		'教师下企业、技师进教室：实践站点、教师企业实践、周志、技师授课与合规统计 Teacher placements, technician teaching and compliance',
	defaults: { name: '校企互聘 Exchange' },
	usableAsTool: true,
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'consortiumStoreApi', required: true, testedBy: 'consortiumStoreTest' }],
	properties,
};
