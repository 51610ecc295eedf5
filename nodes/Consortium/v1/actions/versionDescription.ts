import type { INodeTypeDescription } from 'n8n-workflow';
import { nodeDescription } from '../../../shared/descriptions/node';
import * as organisation from './organisation';
import * as person from './person';
import * as scoreboard from './scoreboard';
import * as targets from './targets';
import * as indicatorEntry from './indicatorEntry';
import * as calendar from './calendar';

export const versionDescription: INodeTypeDescription = nodeDescription({
	name: 'consortium',
	displayName: '产教联合体 Consortium',
	description:
		'联合体名录（单位、人员）与指标看板 Directory of organisations and people, and the KPI scoreboard',
	resources: [
		{ name: '人员 Person', value: 'person' },
		{ name: '单位 Organisation', value: 'organisation' },
		{ name: '年度目标 Target', value: 'targets' },
		{ name: '指标填报 Indicator Entry', value: 'indicatorEntry' },
		{ name: '指标看板 Scoreboard', value: 'scoreboard' },
		{ name: '工作日历 Calendar', value: 'calendar' },
	],
	defaultResource: 'organisation',
	properties: [
		...organisation.description,
		...person.description,
		...scoreboard.description,
		...targets.description,
		...indicatorEntry.description,
		...calendar.description,
	],
});
