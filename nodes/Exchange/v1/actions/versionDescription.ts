import type { INodeTypeDescription } from 'n8n-workflow';
import { nodeDescription } from '../../../shared/descriptions/node';
import * as compliance from './compliance';
import * as engagement from './engagement';
import * as placement from './placement';
import * as station from './station';
import * as weeklyLog from './weeklyLog';

export const versionDescription: INodeTypeDescription = nodeDescription({
	name: 'exchange',
	displayName: '校企互聘 Exchange',
	description:
		'教师下企业、技师进教室：实践站点、教师企业实践、周志、技师授课与合规统计 Teacher placements, technician teaching and compliance',
	resources: [
		{ name: '合规统计 Compliance', value: 'compliance' },
		{ name: '周志 Weekly Log', value: 'weeklyLog' },
		{ name: '实践站点 Station', value: 'station' },
		{ name: '技师授课 Engagement', value: 'engagement' },
		{ name: '教师企业实践 Placement', value: 'placement' },
	],
	defaultResource: 'placement',
	properties: [
		...station.description,
		...placement.description,
		...weeklyLog.description,
		...engagement.description,
		...compliance.description,
	],
});
