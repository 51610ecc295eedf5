import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { checkProposal } from '../../../../../core/course/check';
import { fieldProperties, readFields } from '../../../../shared/descriptions/fields';
import { toNodeError } from '../../../../shared/errors';
import { refusalOf } from '../../../../shared/refusal';
import { forEachItem } from '../../../../shared/run';
import { consortiumFor } from '../../../../shared/store';
import { courseContext, rulesProperty, show } from './common';
import { proposalFields } from './fields';

export const description: INodeProperties[] = [
	{
		displayName:
			'只校验、不保存：与“创建”相同的规则、名录与课程代码查重。通过时输出将创建的课程（valid 为 true），未通过时输出 valid 为 false、字段与说明（message 纯文本，messageHtml 已转义），供表单结束页显示。 Checks exactly what Create checks and writes nothing: on success the course as it would be created (valid: true); on a refusal valid: false with the field and the reason (message as text, messageHtml escaped) for a form ending page.',
		name: 'checkNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: show('check') },
	},
	...fieldProperties(proposalFields, show('check')),
	rulesProperty(['check']),
];

const LABELS = Object.fromEntries([
	...proposalFields.map((f) => [f.key, f.label]),
	['partners', '合作企业 Partner Enterprises'],
	['team', '课程团队 Team'],
]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const consortium = await consortiumFor(this);
	return forEachItem(this, async (i) => {
		try {
			const preview = await checkProposal(
				consortium.store,
				readFields(this, i, proposalFields),
				courseContext(this, consortium, i, true),
			);
			return { valid: true, ...preview } as IDataObject;
		} catch (error) {
			const refusal = refusalOf(error, LABELS);
			if (refusal) return refusal;
			throw toNodeError(this.getNode(), error, i);
		}
	});
}
