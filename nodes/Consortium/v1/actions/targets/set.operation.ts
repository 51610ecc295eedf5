import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateOperationDisplayOptions } from '../../../../shared/descriptions/common';
import { INDICATORS, setTarget } from '../../../../../core/scoreboard';
import { forEachItem, workflowActor } from '../../../../shared/run';
import { consortiumFor } from '../../../../shared/store';
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

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['targets'], operation: ['set'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const { store } = await consortiumFor(this);
	return forEachItem(
		this,
		async (i) =>
			(await setTarget(
				store,
				{
					year: this.getNodeParameter('year', i),
					indicator: this.getNodeParameter('indicator', i),
					target: this.getNodeParameter('target', i),
				},
				workflowActor(this),
			)) as unknown as IDataObject,
	);
}
