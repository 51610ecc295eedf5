import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { type CourseContext, type StepOptions } from '../../../../../core/course';
import { workflowActor } from '../../../../shared/run';
import type { Consortium } from '../../../../shared/store';

export const show = (operation: string) => ({ resource: ['proposal'], operation: [operation] });

export const courseIdProperty = (operations: string[]): INodeProperties => ({
	displayName: '课程 ID Course ID',
	name: 'id',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'crs_…',
	displayOptions: { show: { resource: ['proposal'], operation: operations } },
});

/** The domain defaults, each editable here because consortia set these rules differently. */
export const rulesProperty = (operations: string[]): INodeProperties => ({
	displayName: '校验规则 Validation Rules',
	name: 'rules',
	type: 'collection',
	placeholder: '修改规则 Change Rule',
	default: {},
	displayOptions: { show: { resource: ['proposal'], operation: operations } },
	// Defaults are DEFAULT_COURSE_RULES in core/course/rules.ts.
	options: [
		{ displayName: '企业授课比例上限 Max Enterprise Share', name: 'maxEnterpriseShare', type: 'number', typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 }, default: 0.75 },
		{ displayName: '企业授课比例下限 Min Enterprise Share', name: 'minEnterpriseShare', type: 'number', typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 }, default: 0.25 },
		{
			displayName: '企业负责人须来自合作企业 Lead From a Partner',
			name: 'leadFromPartner',
			type: 'boolean',
			default: true,
			description: 'Whether the enterprise lead must work for one of the partner enterprises',
		},
		{ displayName: '最少企业成员 Min Enterprise Members', name: 'minEnterpriseMembers', type: 'number', default: 1 },
		{ displayName: '最少合作企业 Min Partner Enterprises', name: 'minPartners', type: 'number', default: 1 },
		{ displayName: '团队最多人数 Max Team Size', name: 'maxTeamSize', type: 'number', default: 10 },
		{ displayName: '团队最少人数 Min Team Size', name: 'minTeamSize', type: 'number', default: 4 },
		{ displayName: '每学分最多学时 Max Hours per Credit', name: 'maxHoursPerCredit', type: 'number', default: 18 },
		{ displayName: '每学分最少学时 Min Hours per Credit', name: 'minHoursPerCredit', type: 'number', default: 16 },
	],
});

/** Date, note and evidence recorded with every lifecycle step. */
export const stepProperties = (operations: string[], noteLabel = '备注 Note', noteRequired = false): INodeProperties[] => {
	const where = { show: { resource: ['proposal'], operation: operations } };
	return [
		{
			displayName: noteLabel,
			name: 'note',
			type: 'string',
			typeOptions: { rows: 2 },
			default: '',
			required: noteRequired,
			displayOptions: where,
		},
		{
			displayName: '日期 Date',
			name: 'date',
			type: 'string',
			default: '',
			placeholder: '2026-09-01',
			description: '生效日期，留空为今天 The date the step took effect; empty for today',
			displayOptions: where,
		},
		{
			displayName: '佐证链接 Evidence Links',
			name: 'evidence',
			type: 'string',
			default: '',
			placeholder: 'https://oa.example.com/doc/1',
			description: '多个链接用逗号分隔 Separate links with commas',
			displayOptions: where,
		},
	];
};

export function readStep(ctx: IExecuteFunctions, i: number): StepOptions {
	return {
		note: ctx.getNodeParameter('note', i, '') as string,
		date: ctx.getNodeParameter('date', i, '') as string,
		evidence: ctx.getNodeParameter('evidence', i, '') as string,
	};
}

export function courseContext(ctx: IExecuteFunctions, consortium: Consortium, i: number, withRules = false): CourseContext {
	return {
		actor: workflowActor(ctx),
		timeZone: consortium.settings.timeZone,
		rules: withRules ? (ctx.getNodeParameter('rules', i, {}) as IDataObject) : undefined,
	};
}
