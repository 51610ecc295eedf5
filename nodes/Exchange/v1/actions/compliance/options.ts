import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { complianceRules, REPORT_NAMES, type ReportName, type ReportOptions } from '../../../../../core/exchange';
import { choiceList, optionalDate, optionalText } from '../../../../../core/util/validate';
import { dateInZone } from '../../../../../core/util/time';

export const REPORT_OPERATIONS = [...REPORT_NAMES, 'items'];

export const reportOptions = [
	{ name: '五年累计实践 Five-Year Practice', value: 'fiveYear' },
	{ name: '本年度实践 Annual Practice', value: 'annual' },
	{ name: '新教师未安排实践 New Teachers Without Placement', value: 'newTeachers' },
	{ name: '双师型占比 Dual-Qualified Share', value: 'dualQualified' },
	{ name: '站点使用与容量 Station Use', value: 'stationUse' },
	{ name: '技师学期课时 Technician Hours', value: 'technicianHours' },
];

const show = { resource: ['compliance'], operation: REPORT_OPERATIONS };

/** The report date and the rule overrides every compliance report takes. */
export const sharedProperties: INodeProperties[] = [
	{
		displayName: '统计日期 As Of',
		name: 'asOf',
		type: 'string',
		default: '',
		placeholder: '2026-12-01',
		description: '留空为今天（联合体时区）；可传入定时触发的 timestamp。Blank: today in the consortium time zone; a schedule timestamp works too',
		displayOptions: { show },
	},
	{
		displayName: '学期 Term',
		name: 'term',
		type: 'string',
		default: '',
		placeholder: '2025-2026-1',
		description: '技师课时只统计此学期；留空为全部学期 Technician hours for this term only; blank: every term',
		displayOptions: { show: { resource: ['compliance'], operation: ['technicianHours', 'items'] } },
	},
	{
		displayName: '规则 Rules',
		name: 'rules',
		type: 'collection',
		placeholder: '修改规则 Override a Rule',
		default: {},
		description: '默认值为国家规定：每5年6个月（1个月按30天计），公共课减半，每年1个月，双师型75% Defaults are the national rules',
		displayOptions: { show },
		options: [
			{ displayName: '公共课系数 General-Course Factor', name: 'generalFactor', type: 'number', default: 0.5 },
			{ displayName: '双师型目标 Dual-Qualified Target', name: 'dualQualifiedTarget', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0.75 },
			{ displayName: '周期内要求月数 Months per Window', name: 'windowMonths', type: 'number', default: 6 },
			{ displayName: '周期起算日 Cycle Anchor', name: 'cycleAnchor', type: 'string', default: '2016-05-11', description: '入职日期未知时五年周期的起算日 Where five-year periods start when the joining date is unknown' },
			{ displayName: '技师最少课时 Technician Min Hours', name: 'technicianMinHours', type: 'number', default: 16 },
			{ displayName: '新教师月数 New-Teacher Months', name: 'newTeacherMonths', type: 'number', default: 12 },
			{ displayName: '每年要求月数 Months per Year', name: 'annualMonths', type: 'number', default: 1 },
			{ displayName: '每月天数 Days per Month', name: 'daysPerMonth', type: 'number', default: 30 },
			{ displayName: '统计年限 Window Years', name: 'windowYears', type: 'number', default: 5 },
		],
	},
];

export function readReportOptions(ctx: IExecuteFunctions, i: number, timeZone: string): ReportOptions {
	const asOf = optionalDate(ctx.getNodeParameter('asOf', i, ''), 'asOf', '统计日期 As Of') ?? dateInZone(new Date(), timeZone);
	const term = optionalText(ctx.getNodeParameter('term', i, ''), 'term', '学期 Term', 20);
	return { asOf, term, rules: complianceRules(ctx.getNodeParameter('rules', i, {}) as IDataObject) };
}

/** The reports (or sheets) chosen, each one of the six: a list from an expression is checked like the editor's choice. */
export function readReportNames(ctx: IExecuteFunctions, name: string, label: string, i: number): ReportName[] {
	return choiceList(ctx.getNodeParameter(name, i, REPORT_NAMES), name, label, REPORT_NAMES);
}
