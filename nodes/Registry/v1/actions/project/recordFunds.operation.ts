import { projectChildOperation, projects } from './common';

export const { description, execute } = projectChildOperation(
	'recordFunds',
	[
		{
			displayName: '到账日期 Received On',
			name: 'receivedOn',
			type: 'string',
			required: true,
			default: '',
			placeholder: '2026-09-01',
		},
		{
			displayName: '到账金额（元） Amount',
			name: 'amount',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			required: true,
			default: 0,
		},
		{ displayName: '备注 Note', name: 'note', type: 'string', default: '' },
	],
	(store, id, v, actor) =>
		projects.recordFunds(
			store,
			id,
			{ receivedOn: v.receivedOn, amount: v.amount, note: v.note },
			actor,
		),
);
