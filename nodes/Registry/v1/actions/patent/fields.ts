import type { INodePropertyOptions } from 'n8n-workflow';
import {
	ORGANISATION_REF,
	PERSON_OR_NAME_REF,
	PERSON_REF,
} from '../../../../../core/directory/lookup';
import { PATENT_STATUS_LABELS, PATENT_TYPE_LABELS } from '../../../../../core/registry';
import { recordIdProperty } from '../../../../shared/descriptions/common';
import type { FieldDef } from '../../../../shared/descriptions/fields';

export const PATENT_ID_LABEL = '专利 ID Patent ID';

export const patentIdProperty = recordIdProperty(PATENT_ID_LABEL);

export const patentTypeOptions: INodePropertyOptions[] = Object.entries(PATENT_TYPE_LABELS).map(
	([value, name]) => ({ name, value }),
);
export const patentStatusOptions: INodePropertyOptions[] = Object.entries(PATENT_STATUS_LABELS).map(
	([value, name]) => ({ name, value }),
);

export const patentFields: FieldDef[] = [
	{
		key: 'applicationNo',
		label: '申请号 Application No.',
		type: 'string',
		required: true,
		placeholder: '2017 1 0601862.3',
		description:
			'可带 CN/ZL 前缀和空格，校验位会被核对 CN/ZL prefixes and spaces are fine; the check digit is verified',
	},
	{ key: 'title', label: '专利名称 Title', type: 'string', required: true },
	{ key: 'filingDate', label: '申请日 Filing Date', type: 'date', required: true },
	{
		key: 'type',
		label: '专利类型 Type',
		type: 'options',
		options: patentTypeOptions,
		description:
			'由申请号决定；填写时须与申请号一致 Decided by the number; a stated type must agree',
	},
	{ key: 'status', label: '状态 Status', type: 'options', options: patentStatusOptions },
	{ key: 'statusOn', label: '状态日期 Status Date', type: 'date' },
	{ key: 'grantedOn', label: '授权日 Granted On', type: 'date' },
	{
		key: 'paidThroughYear',
		label: '已缴至第N年 Paid Through Year',
		type: 'number',
		description:
			'年费已缴至第几年度；下一笔为第 N+1 年。已授权专利未填时按已缴至当前年度推定并标注待核实（本联合体设置） Fees paid through patent year N; the next is N+1. Left empty on a granted patent, the current year is assumed and marked 待核实 (a consortium setting)',
	},
	{
		key: 'feeReductionRate',
		label: '费减比例 Fee Reduction',
		type: 'string',
		placeholder: '85%',
		description:
			'专利收费减缴办法：85% 或 70%，仅对授权当年起的费减年限内的年费；滞纳金按全额计 85% or 70%, only for the years below, counted from the grant year; surcharges stay on the full fee',
	},
	{
		key: 'feeReductionYears',
		label: '费减年限 Fee Reduction Years',
		type: 'number',
		description:
			'自授权当年起的年度数，默认 10（2018-08-01 起国家规定）；2018 年前的过渡情形可填 6 Patent years from the grant year; default 10 (national rule since 2018-08-01)',
	},
	{
		key: 'termExtensionDays',
		label: '期限补偿天数 Term Extension Days',
		type: 'number',
		description:
			'专利法第四十二条专利权期限补偿（仅发明专利），计入届满日 Term compensation under Patent Law art. 42 (inventions only), added to the expiry',
	},
	{
		key: 'parentApplicationNo',
		label: '原申请号 Parent Application No.',
		type: 'string',
		description:
			'分案申请填写原申请号；分案保留原申请日 For a divisional: the parent application, whose filing date it keeps',
	},
	{
		key: 'pctFilingDate',
		label: 'PCT国际申请日 PCT Filing Date',
		type: 'date',
		description:
			'PCT 进入国家阶段（申请号类型位 8/9）的国际申请日，即其申请日 The international filing date of a PCT entry, which is its filing date',
	},
	{
		key: 'inventors',
		label: '发明人 Inventors',
		type: 'list',
		placeholder: '李老师, 王工',
		description: `${PERSON_OR_NAME_REF}，逗号或顿号分隔 separated by commas；名录外的发明人照录 inventors outside the directory are kept as written`,
	},
	{
		key: 'applicants',
		label: '专利权人 Applicants',
		type: 'list',
		placeholder: '市职业技术学院, 星河智能制造有限公司',
		description: `授权前为申请人，授权后为专利权人 Applicants before grant, patentees after；${ORGANISATION_REF}，可多个 joint patents list several；名录外的单位照录 kept as written if outside the directory`,
	},
	{ key: 'agent', label: '代理机构 Agent', type: 'string' },
	{
		key: 'contactId',
		label: '负责人 Contact',
		type: 'string',
		placeholder: 'per_…',
		description: `接收期限提醒的人 Who gets reminders：${PERSON_REF}；默认第一位名录中的发明人 defaults to the first inventor in the directory`,
	},
	{
		key: 'examResponseDue',
		label: '答复期限 Response Due',
		type: 'date',
		description: '审查意见答复期限 Deadline to answer an office action',
	},
	{ key: 'examResponseNote', label: '审查意见 Office Action', type: 'string' },
	{ key: 'courseIds', label: '关联课程 Courses', type: 'list' },
	{ key: 'endReason', label: '结束原因 End Reason', type: 'string' },
	{ key: 'notes', label: '备注 Notes', type: 'string' },
];

export const patentFilters: FieldDef[] = [
	{ key: 'status', label: '状态 Status', type: 'options', options: patentStatusOptions },
	{ key: 'type', label: '专利类型 Type', type: 'options', options: patentTypeOptions },
	{ key: 'contactId', label: '负责人 Contact', type: 'string' },
	{ key: 'applicationNo', label: '申请号 Application No.', type: 'string' },
];

/** Headers found in college ledgers that are not the labels above. */
export const patentHeaderAliases: Record<string, string> = {
	申请号或专利号: 'applicationNo',
	专利号: 'applicationNo',
	申请专利号: 'applicationNo',
	专利申请号: 'applicationNo',
	发明名称: 'title',
	名称: 'title',
	申请人: 'applicants',
	'申请人/专利权人': 'applicants',
	权利人: 'applicants',
	法律状态: 'status',
	当前状态: 'status',
	授权日期: 'grantedOn',
	授权公告日: 'grantedOn',
	申请日期: 'filingDate',
	发明人姓名: 'inventors',
	代理机构名称: 'agent',
	专利权人: 'applicants',
	已缴至: 'paidThroughYear',
	已缴年度: 'paidThroughYear',
	年费已缴至: 'paidThroughYear',
	费减: 'feeReductionRate',
	费减比例: 'feeReductionRate',
	费减年限: 'feeReductionYears',
	补偿天数: 'termExtensionDays',
	期限补偿: 'termExtensionDays',
	原申请号: 'parentApplicationNo',
	分案原申请号: 'parentApplicationNo',
	国际申请日: 'pctFilingDate',
	PCT国际申请日: 'pctFilingDate',
};
