import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import {
	complianceRules,
	DEFAULT_RULES,
	REPORT_NAMES,
	RULE_BASIS_LABELS,
	RULE_FIELDS,
	type ReportName,
	type ReportOptions,
} from '../../../../../core/exchange';
import { choiceList, optionalDate, optionalText } from '../../../../../core/util/validate';
import { dateInZone } from '../../../../../core/util/time';
import { vocabularyOptions } from '../../../../shared/descriptions/common';

// The report's name in the node; its sheet title is core's (report-sheets.ts). Keyed by ReportName, so a new report cannot be left out.
const REPORT_OPTION_NAMES: Record<ReportName, string> = {
	fiveYear: '五年累计实践 Five-Year Practice',
	annual: '本年度实践 Annual Practice',
	newTeachers: '新教师未安排实践 New Teachers Without Placement',
	dualQualified: '双师型占比 Dual-Qualified Share',
	stationUse: '站点使用与容量 Station Use',
	technicianHours: '技师学期课时 Technician Hours',
};

export const reportOptions = vocabularyOptions(REPORT_NAMES, REPORT_OPTION_NAMES);

/** The rule fields, built from core's list so labels, defaults and their basis cannot drift from the rules applied. */
function ruleOptions(): INodeProperties[] {
	return RULE_FIELDS.map((field): INodeProperties => {
		const value = DEFAULT_RULES[field.name];
		const base = {
			displayName: field.label,
			name: field.name,
			description: `${RULE_BASIS_LABELS[field.basis]}：${field.note}`,
		};
		if (field.kind === 'choice')
			return {
				...base,
				type: 'options' as const,
				options: field.choices!.map((c) => ({ name: c.label, value: c.value })),
				default: value as string,
			};
		if (field.kind === 'number')
			return {
				...base,
				type: 'number' as const,
				typeOptions: { numberPrecision: 2 },
				default: value as number,
			};
		return {
			...base,
			type: 'string' as const,
			default: Array.isArray(value) ? value.join(', ') : String(value),
		};
	}).sort((a, b) => (a.displayName < b.displayName ? -1 : 1));
}

const termProperty: INodeProperties = {
	displayName: '学期 Term',
	name: 'term',
	type: 'string',
	default: '',
	placeholder: '2025-2026-1',
	description:
		'技师课时只统计此学期；留空为全部学期 Technician hours for this term only; blank: every term',
};

/**
 * The report date and the rule overrides every compliance report takes (the term only where
 * technician hours are reported), each operation showing its own copy (updateOperationDisplayOptions).
 */
export const reportProperties = (operation: ReportName | 'items'): INodeProperties[] => [
	{
		displayName: '统计日期 As Of',
		name: 'asOf',
		type: 'string',
		default: '',
		placeholder: '2026-12-01',
		description:
			'留空为今天（联合体时区）；可传入定时触发的 timestamp。Blank: today in the consortium time zone; a schedule timestamp works too',
	},
	...(operation === 'technicianHours' || operation === 'items' ? [termProperty] : []),
	{
		displayName: '规则 Rules',
		name: 'rules',
		type: 'collection',
		placeholder: '修改规则 Override a Rule',
		default: {},
		description:
			'每项注明依据：国家规定（教师〔2016〕3号 第四条：专业课教师每5年累计不少于6个月；国发〔2019〕4号：每年至少1个月）或本联合体设置（公共课减半、双师型75%等）。Each rule says whether its default is a national rule or a consortium setting',
		options: ruleOptions(),
	},
];

export function readReportOptions(
	ctx: IExecuteFunctions,
	i: number,
	timeZone: string,
): ReportOptions {
	const asOf =
		optionalDate(ctx.getNodeParameter('asOf', i, ''), 'asOf', '统计日期 As Of', timeZone) ??
		dateInZone(new Date(), timeZone);
	const term = optionalText(ctx.getNodeParameter('term', i, ''), 'term', '学期 Term', 20);
	return {
		asOf,
		term,
		rules: complianceRules(ctx.getNodeParameter('rules', i, {}) as IDataObject),
	};
}

/** The reports (or sheets) chosen, each one of the six: a list from an expression is checked like the editor's choice. */
export function readReportNames(
	ctx: IExecuteFunctions,
	name: string,
	label: string,
	i: number,
): ReportName[] {
	return choiceList(ctx.getNodeParameter(name, i, REPORT_NAMES), name, label, REPORT_NAMES);
}
