import type { IDataObject, INodeProperties } from 'n8n-workflow';
import {
	checkEngagementQualification,
	DEFAULT_QUALIFICATION_RULES,
} from '../../../../../core/exchange';
import { perItemOperation } from '../../../../shared/operation';
import { engagementIdProperty } from './fields';

const properties: INodeProperties[] = [
	engagementIdProperty,
	{
		displayName: '资格规则 Rules',
		name: 'rules',
		type: 'collection',
		placeholder: '修改规则 Override a Rule',
		default: {},
		description:
			'留空则用默认：从业≥3年，且具备中级及以上职称或高级工及以上技能等级 Defaults: ≥3 years in industry and a qualifying title or skill level',
		options: [
			{
				displayName: '最少从业年限 Min Years in Industry',
				name: 'minYearsInIndustry',
				type: 'number',
				default: 3,
			},
			{
				displayName: '认可职称 Accepted Titles',
				name: 'titles',
				type: 'string',
				default: '',
				description:
					'逗号分隔，留空为默认 Comma-separated; blank: ' +
					DEFAULT_QUALIFICATION_RULES.titles.join('、'),
			},
			{
				displayName: '认可技能等级 Accepted Skill Levels',
				name: 'skillLevels',
				type: 'string',
				default: '',
				description:
					'逗号分隔，留空为默认 Comma-separated; blank: ' +
					DEFAULT_QUALIFICATION_RULES.skillLevels.join('、'),
			},
		],
	},
];

export const { description, execute } = perItemOperation(
	{ resource: 'engagement', operation: 'checkQualification' },
	properties,
	({ store, actor, param, id }) =>
		checkEngagementQualification(store, id(), param<IDataObject>('rules', {}), actor),
);
