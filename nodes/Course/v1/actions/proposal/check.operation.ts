import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { checkProposal } from '../../../../../core/course/check';
import { fieldProperties, readFields } from '../../../../shared/descriptions/fields';
import { checkEachItem, checkNotice, labelsOf } from '../../../../shared/refusal';
import { consortiumFor } from '../../../../shared/store';
import { courseContext, rulesProperty, show } from './common';
import { proposalFields } from './fields';

export const description: INodeProperties[] = [
	checkNotice(
		{ zh: '规则、名录与课程代码查重', en: 'the rules, the directory, a free code' },
		show('check'),
	),
	...fieldProperties(proposalFields, show('check')),
	rulesProperty(['check']),
];

const LABELS = labelsOf(proposalFields, {
	partners: '合作企业 Partner Enterprises',
	team: '课程团队 Team',
});

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const consortium = await consortiumFor(this);
	return checkEachItem(this, LABELS, (i) =>
		checkProposal(
			consortium.store,
			readFields(this, i, proposalFields),
			courseContext(this, consortium, i, true),
		),
	);
}
