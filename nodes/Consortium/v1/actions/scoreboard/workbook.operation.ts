import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateOperationDisplayOptions } from '../../../../shared/descriptions/common';
import { computeScoreboard, scoreboardXlsx, statusCounts } from '../../../../../core/scoreboard';
import { requiredText } from '../../../../../core/util/validate';
import { toNodeError } from '../../../../shared/errors';
import { consortiumFor } from '../../../../shared/store';
import { periodProperties, readPeriod } from './period';

const properties: INodeProperties[] = [
	...periodProperties(),
	{
		displayName: '文件名 File Name',
		name: 'fileName',
		type: 'string',
		default: '={{ "联合体建设指标-" + $now.toFormat("yyyy-MM-dd") + ".xlsx" }}',
	},
	{
		displayName: '输出二进制字段 Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
	},
];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['scoreboard'], operation: ['workbook'] } },
	properties,
);

/** One xlsx per item: a row per indicator and a bar chart of actual against target. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const { store, settings } = await consortiumFor(this);
	const items = this.getInputData();
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const fileName = requiredText(
				this.getNodeParameter('fileName', i),
				'fileName',
				'文件名 File Name',
				200,
			);
			const property = requiredText(
				this.getNodeParameter('binaryPropertyName', i, 'data'),
				'binaryPropertyName',
				'输出二进制字段 Put Output File in Field',
				100,
			);
			const lines = await computeScoreboard(store, readPeriod(this, i, settings.timeZone));
			const binary = await this.helpers.prepareBinaryData(
				scoreboardXlsx(lines),
				fileName,
				'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			);
			const first = lines[0];
			const json: IDataObject = {
				fileName,
				rows: lines.length,
				counts: statusCounts(lines),
				period: first?.period ?? null,
				asOf: first?.asOf ?? null,
			};
			out.push({ json, binary: { [property]: binary }, pairedItem: { item: i } });
		} catch (error) {
			const nodeError = toNodeError(this.getNode(), error, i);
			if (!this.continueOnFail()) throw nodeError;
			out.push({
				json: { error: nodeError.message, description: nodeError.description ?? null },
				pairedItem: { item: i },
			});
		}
	}
	return out;
}
