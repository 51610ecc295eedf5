import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { INDICATORS, setTarget } from '../../../../../core/scoreboard';
import { perItemOperation } from '../../../../shared/operation';
import { yearProperty } from './year';

const properties: INodeProperties[] = [
	yearProperty,
	{
		displayName: '指标 Indicator',
		name: 'indicator',
		type: 'options',
		required: true,
		options: INDICATORS.map((i) => ({ name: `${i.nameZh} ${i.nameEn}`, value: i.key })),
		// A literal, as n8n's lint asks: the first of INDICATORS
		default: 'practice_stations',
	},
	{
		displayName: '目标值 Target',
		name: 'target',
		type: 'number',
		required: true,
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description: '比率类指标填百分数（如 75）Rates are percentages (e.g. 75)',
	},
];

export const { description, execute } = perItemOperation(
	{ resource: 'targets', operation: 'set' },
	properties,
	async ({ param, store, actor }) =>
		(await setTarget(
			store,
			{ year: param('year'), indicator: param('indicator'), target: param('target') },
			actor,
		)) as unknown as IDataObject,
);
