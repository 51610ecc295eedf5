import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { transitionPlacement } from '../../../../../core/exchange';
import { additionalFieldsProperty } from '../../../../shared/additionalFields';
import { perItemOperation } from '../../../../shared/operation';
import { gradeOptions } from '../gradeOptions';
import { placementIdProperty, statusOptions } from './fields';

const properties: INodeProperties[] = [
	placementIdProperty,
	{
		displayName: '目标状态 New Status',
		name: 'status',
		type: 'options',
		options: statusOptions.filter((o) => o.value !== 'planned'),
		default: 'approved',
		description:
			'计划→批准→实践中→交报告→企业考核→结束，或取消 Planned → approved → in progress → report submitted → assessed → closed, or cancelled',
	},
	{
		displayName: '实践报告 Report',
		name: 'report',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		displayOptions: { show: { status: ['report_submitted'] } },
	},
	{
		displayName: '企业考核等级 Assessment Grade',
		name: 'grade',
		type: 'options',
		options: gradeOptions,
		default: 'good',
		displayOptions: { show: { status: ['assessed'] } },
	},
	additionalFieldsProperty([
		{
			displayName: '考核意见 Assessment Comments',
			name: 'comments',
			type: 'string',
			default: '',
		},
		{
			displayName: '系部评价 Department Grade',
			name: 'departmentGrade',
			type: 'options',
			options: gradeOptions,
			default: 'good',
		},
		{
			displayName: '系部意见 Department Comments',
			name: 'departmentComments',
			type: 'string',
			default: '',
		},
		{ displayName: '说明 Reason', name: 'reason', type: 'string', default: '' },
	]),
];

export const { description, execute } = perItemOperation(
	{ resource: 'placement', operation: 'transition' },
	properties,
	({ store, actor, param, id }) => {
		const to = param('status');
		const input = {
			...param<IDataObject>('additionalFields', {}),
			report: to === 'report_submitted' ? param('report', '') : undefined,
			grade: to === 'assessed' ? param('grade') : undefined,
		};
		return transitionPlacement(store, id(), to, input as never, actor);
	},
);
