import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import {
	COURSE_RULE_FIELDS,
	DEFAULT_COURSE_RULES,
	hoursPerCreditFor,
	type CourseContext,
	type StepOptions,
} from '../../../../../core/course';
import { courseTypeOptions } from './fields';
import type { Store } from '../../../../../core/store';
import { forEachItem, workflowActor } from '../../../../shared/run';
import { consortiumFor, type Consortium } from '../../../../shared/store';

export const courseIdProperty: INodeProperties = {
	displayName: '课程 ID Course ID',
	name: 'id',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'crs_…',
};

/** The domain defaults from core, each editable here because consortia set these rules differently. */
const BOOLEAN = 'boolean' as const;
const ROW_TYPE = 'intensive_practice' as const;

function ruleOptions(): INodeProperties[] {
	const scalar = COURSE_RULE_FIELDS.map(({ name, label, note }): INodeProperties => {
		const value = DEFAULT_COURSE_RULES[name];
		const share = name === 'minEnterpriseShare' || name === 'maxEnterpriseShare';
		// The default comes from core, which the lint rule's literal check cannot see.
		if (typeof value === 'boolean')
			return {
				displayName: label,
				name,
				type: BOOLEAN,
				default: value,
				description: `Whether the rule applies (${note})`,
			};
		return {
			displayName: label,
			name,
			type: 'number',
			default: value,
			description: note,
			...(share ? { typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 } } : {}),
		};
	});
	// A new row starts as the type a consortium most often edits, with core's ratio for it.
	const { min: rowMin, max: rowMax } = hoursPerCreditFor(DEFAULT_COURSE_RULES, ROW_TYPE);
	const table: INodeProperties = {
		displayName: '各课程类型学时学分比 Hours per Credit by Course Type',
		name: 'hoursPerCredit',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: '添加课程类型 Add Course Type',
		default: {},
		description: `每行替换该课程类型的默认比值；默认集中实践课每学分 ${rowMin}–${rowMax} 学时（一周计1学分，本联合体设置） Each row replaces the default ratio for its course type`,
		options: [
			{
				name: 'rows',
				displayName: '课程类型 Course Type',
				values: [
					{
						displayName: '课程类型 Course Type',
						name: 'courseType',
						type: 'options',
						options: courseTypeOptions,
						default: ROW_TYPE,
					},
					{
						displayName: '每学分最少学时 Min Hours per Credit',
						name: 'min',
						type: 'number',
						default: rowMin,
					},
					{
						displayName: '每学分最多学时 Max Hours per Credit',
						name: 'max',
						type: 'number',
						default: rowMax,
					},
				],
			},
		],
	};
	return [...scalar, table].sort((a, b) => (a.displayName < b.displayName ? -1 : 1));
}

/** The domain defaults, each editable here because consortia set these rules differently. */
export const rulesProperty: INodeProperties = {
	displayName: '校验规则 Validation Rules',
	name: 'rules',
	type: 'collection',
	placeholder: '修改规则 Change Rule',
	default: {},
	options: ruleOptions(),
};

/** Date, note and evidence recorded with every lifecycle step. */
export const stepProperties = (
	noteLabel = '备注 Note',
	noteRequired = false,
): INodeProperties[] => [
	{
		displayName: noteLabel,
		name: 'note',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		required: noteRequired,
	},
	{
		displayName: '日期 Date',
		name: 'date',
		type: 'string',
		default: '',
		placeholder: '2026-09-01',
		description: '生效日期，留空为今天 The date the step took effect; empty for today',
	},
	{
		displayName: '佐证链接 Evidence Links',
		name: 'evidence',
		type: 'string',
		default: '',
		placeholder: 'https://oa.example.com/doc/1',
		description: '多个链接用逗号分隔 Separate links with commas',
	},
];

export function readStep(ctx: IExecuteFunctions, i: number): StepOptions {
	return {
		note: ctx.getNodeParameter('note', i, '') as string,
		date: ctx.getNodeParameter('date', i, '') as string,
		evidence: ctx.getNodeParameter('evidence', i, '') as string,
	};
}

export function courseContext(
	ctx: IExecuteFunctions,
	consortium: Consortium,
	i: number,
	withRules = false,
): CourseContext {
	return {
		actor: workflowActor(ctx),
		timeZone: consortium.settings.timeZone,
		rules: withRules ? (ctx.getNodeParameter('rules', i, {}) as IDataObject) : undefined,
	};
}

/**
 * The execute of an operation that does one course step per item: `act` gets the item's index,
 * the store and the course context; its result is the item. With `keepBinary`, the form's files
 * (课程大纲) go on with the item, for the Approval node to attach.
 */
export function perItem(
	act: (
		ctx: IExecuteFunctions,
		i: number,
		store: Store,
		context: CourseContext,
	) => Promise<unknown>,
	{ withRules = false, keepBinary = false } = {},
) {
	return async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
		const consortium = await consortiumFor(this);
		return forEachItem(
			this,
			async (i) =>
				(await act(
					this,
					i,
					consortium.store,
					courseContext(this, consortium, i, withRules),
				)) as IDataObject,
			{ keepBinary },
		);
	};
}
