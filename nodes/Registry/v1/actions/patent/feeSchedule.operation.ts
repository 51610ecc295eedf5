import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateOperationDisplayOptions } from '../../../../shared/descriptions/common';
import { patents } from '../../../../../core/registry';
import { optionalDate } from '../../../../../core/util/validate';
import { readId } from '../../../../shared/params';
import { forEachItem } from '../../../../shared/run';
import { consortiumFor } from '../../../../shared/store';
import { todayIn } from '../common';

const properties: INodeProperties[] = [
	{
		displayName: '专利 ID Patent ID',
		name: 'id',
		type: 'string',
		required: true,
		default: '',
	},
	{
		displayName: '截至日期 As Of',
		name: 'asOf',
		type: 'string',
		default: '',
		placeholder: '2026-09-01',
		description: '按哪一天判断各年度状态，留空为今天 The day states are judged on; empty for today',
	},
];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['patent'], operation: ['feeSchedule'] } },
	properties,
);

/** One item per patent year: due date, grace end, amount, and whether it is paid, due, in grace or lost. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const { store, settings } = await consortiumFor(this);
	return forEachItem(this, async (i) => {
		const id = readId(this, i);
		const asOf =
			optionalDate(
				this.getNodeParameter('asOf', i, ''),
				'asOf',
				'截至日期 As Of',
				settings.timeZone,
			) ?? todayIn(settings.timeZone);
		const { entries, flaggedForTermination, paidThroughAssumed } = await patents.feeSchedule(
			store,
			id,
			asOf,
		);
		// The Chinese state label comes first so a spreadsheet of this output reads 宽限期内, not in_grace.
		return entries.map(
			({ year, stateLabel, ...e }) =>
				({
					patentId: id,
					asOf,
					year,
					stateLabel,
					...e,
					flaggedForTermination,
					paidThroughAssumed,
				}) as IDataObject,
		);
	});
}
