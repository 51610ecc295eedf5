import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { patents } from '../../../../../core/registry';
import { optionalDate } from '../../../../../core/util/validate';
import { perItemOperation } from '../../../../shared/operation';
import { todayIn } from '../common';
import { patentIdProperty } from './fields';

const properties: INodeProperties[] = [
	patentIdProperty,
	{
		displayName: '截至日期 As Of',
		name: 'asOf',
		type: 'string',
		default: '',
		placeholder: '2026-09-01',
		description: '按哪一天判断各年度状态，留空为今天 The day states are judged on; empty for today',
	},
];

/** One item per patent year: due date, grace end, amount, and whether it is paid, due, in grace or lost. */
export const { description, execute } = perItemOperation(
	{ resource: 'patent', operation: 'feeSchedule' },
	properties,
	async ({ consortium, store, param, id: readId }) => {
		const { timeZone } = consortium.settings;
		const id = readId();
		const asOf =
			optionalDate(param<unknown>('asOf', ''), 'asOf', '截至日期 As Of', timeZone) ??
			todayIn(timeZone);
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
	},
);
