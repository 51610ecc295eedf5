import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateOperationDisplayOptions } from '../../../../shared/descriptions/common';
import { checkProposal } from '../../../../../core/course/check';
import { fieldProperties, readFields } from '../../../../shared/descriptions/fields';
import { amendingIdProperty, readAmendingId } from '../../../../shared/amending';
import { checkEachItem, checkNotice, labelsOf } from '../../../../shared/refusal';
import { consortiumFor } from '../../../../shared/store';
import { courseContext, rulesProperty } from './common';
import { proposalFields } from './fields';

const properties: INodeProperties[] = [
	checkNotice({ zh: '规则、名录与课程代码查重', en: 'the rules, the directory, a free code' }),
	...fieldProperties(proposalFields),
	amendingIdProperty(
		'修改中的课程 ID Course Being Amended',
		'退回修改后重新提交时填写：按修改该课程校验，其课程代码不算占用 When a returned course is corrected: check as its update, so its own code is not taken',
	),
	rulesProperty,
];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['proposal'], operation: ['check'] } },
	properties,
);

const LABELS = labelsOf(proposalFields, {
	partners: '合作企业 Partner Enterprises',
	team: '课程团队 Team',
});

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const consortium = await consortiumFor(this);
	// The form's files (课程大纲) go on with the item, for the Approval node to attach.
	return checkEachItem(
		this,
		LABELS,
		(i) =>
			checkProposal(
				consortium.store,
				readFields(this, i, proposalFields),
				courseContext(this, consortium, i, true),
				readAmendingId(this, i),
			),
		{ keepBinary: true },
	);
}
