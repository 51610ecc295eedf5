import type { INodePropertyOptions } from 'n8n-workflow';
import { ORGANISATION_REF, PERSON_OR_NAME_REF, PERSON_REF } from '../../../../../core/directory/lookup';
import { PATENT_STATUS_LABELS, PATENT_TYPE_LABELS } from '../../../../../core/registry';
import type { FieldDef } from '../../../../shared/descriptions/fields';

export const patentTypeOptions: INodePropertyOptions[] = Object.entries(PATENT_TYPE_LABELS).map(([value, name]) => ({ name, value }));
export const patentStatusOptions: INodePropertyOptions[] = Object.entries(PATENT_STATUS_LABELS).map(([value, name]) => ({ name, value }));

export const patentFields: FieldDef[] = [
	{ key: 'applicationNo', label: '申请号 Application No.', type: 'string', required: true, placeholder: '2017 1 0601862.3', description: '可带 CN/ZL 前缀和空格，校验位会被核对 CN/ZL prefixes and spaces are fine; the check digit is verified' },
	{ key: 'title', label: '专利名称 Title', type: 'string', required: true },
	{ key: 'filingDate', label: '申请日 Filing Date', type: 'date', required: true },
	{ key: 'type', label: '专利类型 Type', type: 'options', options: patentTypeOptions, description: '由申请号决定；填写时须与申请号一致 Decided by the number; a stated type must agree' },
	{ key: 'status', label: '状态 Status', type: 'options', options: patentStatusOptions },
	{ key: 'statusOn', label: '状态日期 Status Date', type: 'date' },
	{ key: 'grantedOn', label: '授权日 Granted On', type: 'date' },
	{ key: 'inventors', label: '发明人 Inventors', type: 'list', placeholder: '李老师, 王工', description: `${PERSON_OR_NAME_REF}，逗号或顿号分隔 separated by commas；名录外的发明人照录 inventors outside the directory are kept as written` },
	{ key: 'applicants', label: '专利权人 Applicants', type: 'list', placeholder: '市职业技术学院, 星河智能制造有限公司', description: `${ORGANISATION_REF}，可多个 joint patents list several；名录外的单位照录 kept as written if outside the directory` },
	{ key: 'agent', label: '代理机构 Agent', type: 'string' },
	{ key: 'contactId', label: '负责人 Contact', type: 'string', placeholder: 'per_…', description: `接收期限提醒的人 Who gets reminders：${PERSON_REF}；默认第一位名录中的发明人 defaults to the first inventor in the directory` },
	{ key: 'examResponseDue', label: '答复期限 Response Due', type: 'date', description: '审查意见答复期限 Deadline to answer an office action' },
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
};
