import {
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { transitionPlacement } from '../../../../../core/exchange';
import {
	recordIdProperty,
	updateOperationDisplayOptions,
} from '../../../../shared/descriptions/common';
import { readId } from '../../../../shared/params';
import { forEachItem, workflowActor } from '../../../../shared/run';
import { consortiumFor } from '../../../../shared/store';
import { gradeOptions } from '../gradeOptions';
import { statusOptions } from './fields';

const properties: INodeProperties[] = [
	recordIdProperty('实践记录 ID Placement ID'),
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
	{
		displayName: '其他字段 Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: '添加字段 Add Field',
		default: {},
		options: [
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
		],
	},
];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['placement'], operation: ['transition'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const { store } = await consortiumFor(this);
	return forEachItem(this, async (i) => {
		const to = this.getNodeParameter('status', i) as string;
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const input = {
			...extra,
			report:
				to === 'report_submitted' ? (this.getNodeParameter('report', i, '') as string) : undefined,
			grade: to === 'assessed' ? (this.getNodeParameter('grade', i) as string) : undefined,
		};
		return (await transitionPlacement(
			store,
			readId(this, i),
			to,
			input as never,
			workflowActor(this),
		)) as never;
	});
}
