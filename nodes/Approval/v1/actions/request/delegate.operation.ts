import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateOperationDisplayOptions } from '../../../../shared/descriptions/common';
import { setDelegation } from '../../../../../core/approval';
import { forEachItem, workflowActor } from '../../../../shared/run';
import { approvalEnv } from './common';

const person = (name: string, displayName: string, placeholder: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	required: true,
	default: '',
	placeholder,
});

const day = (name: string, displayName: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	required: true,
	default: '',
	placeholder: '2026-10-01',
	description: '联合体时区的日期，含当天 A date in the consortium time zone, inclusive',
});

const properties: INodeProperties[] = [
	person('approver', '委托人 Approver', '王主任 <wang@college.edu.cn>'),
	person('deputy', '受托人 Deputy', '李副主任 <li@college.edu.cn>'),
	day('from', '开始日期 From'),
	day('to', '结束日期 To'),
];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['request'], operation: ['delegate'] } },
	properties,
);

/** 委托: approvals whose turn reaches the approver in the range go to the deputy. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const env = await approvalEnv(this);
	return forEachItem(this, async (i) => {
		const read = (name: string) => this.getNodeParameter(name, i, '');
		const delegation = await setDelegation(
			env,
			{ approver: read('approver'), deputy: read('deputy'), from: read('from'), to: read('to') },
			workflowActor(this),
		);
		return { ...delegation };
	});
}
