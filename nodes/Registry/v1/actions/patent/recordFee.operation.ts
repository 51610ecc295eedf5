import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateOperationDisplayOptions } from '../../../../shared/descriptions/common';
import { patents } from '../../../../../core/registry';
import { readId } from '../../../../shared/params';
import { forEachItem, workflowActor } from '../../../../shared/run';
import { consortiumFor } from '../../../../shared/store';

const properties: INodeProperties[] = [
	{
		displayName: '专利 ID Patent ID',
		name: 'id',
		type: 'string',
		required: true,
		default: '',
	},
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

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['patent'], operation: ['recordFee'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const { store } = await consortiumFor(this);
	return forEachItem(this, async (i) => {
		const year = this.getNodeParameter('year', i, 0) as number;
		const amount = this.getNodeParameter('amount', i, 0) as number;
		return (await patents.recordFeePayment(
			store,
			readId(this, i),
			{
				paidOn: this.getNodeParameter('paidOn', i),
				year: year || undefined,
				amount: amount || undefined,
				note: this.getNodeParameter('note', i, ''),
			},
			workflowActor(this),
		)) as IDataObject;
	});
}
