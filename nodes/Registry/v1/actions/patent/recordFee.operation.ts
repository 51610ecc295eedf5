import type { INodeProperties } from 'n8n-workflow';
import { patents } from '../../../../../core/registry';
import { perItemOperation } from '../../../../shared/operation';
import { patentIdProperty } from './fields';

const properties: INodeProperties[] = [
	patentIdProperty,
	{
		displayName: '缴费日期 Paid On',
		name: 'paidOn',
		type: 'string',
		required: true,
		default: '',
		placeholder: '2026-07-20',
	},
	{
		displayName: '年度 Patent Year',
		name: 'year',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: '0 表示下一个未缴年度 0 for the next unpaid year',
	},
	{
		displayName: '实缴金额 Amount Paid',
		name: 'amount',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description: '0 表示按年费加滞纳金计算 0 for the fee plus the computed surcharge',
	},
	{ displayName: '备注 Note', name: 'note', type: 'string', default: '' },
];

export const { description, execute } = perItemOperation(
	{ resource: 'patent', operation: 'recordFee' },
	properties,
	({ store, actor, param, id }) => {
		const year = param<number>('year', 0);
		const amount = param<number>('amount', 0);
		return patents.recordFeePayment(
			store,
			id(),
			{
				paidOn: param<unknown>('paidOn'),
				year: year || undefined,
				amount: amount || undefined,
				note: param<unknown>('note', ''),
			},
			actor,
		);
	},
);
