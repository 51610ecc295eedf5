import type { INodeProperties } from 'n8n-workflow';
import { computeScoreboard, scoreboardXlsx, statusCounts } from '../../../../../core/scoreboard';
import { requiredText } from '../../../../../core/util/validate';
import { perItemOperation } from '../../../../shared/operation';
import { withFiles } from '../../../../shared/run';
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

/** One xlsx per item: a row per indicator and a bar chart of actual against target. */
export const { description, execute } = perItemOperation(
	{ resource: 'scoreboard', operation: 'workbook' },
	properties,
	async ({ ctx, i, store, consortium }) => {
		const fileName = requiredText(
			ctx.getNodeParameter('fileName', i),
			'fileName',
			'文件名 File Name',
			200,
		);
		const property = requiredText(
			ctx.getNodeParameter('binaryPropertyName', i, 'data'),
			'binaryPropertyName',
			'输出二进制字段 Put Output File in Field',
			100,
		);
		const lines = await computeScoreboard(store, readPeriod(ctx, i, consortium.settings.timeZone));
		const binary = await ctx.helpers.prepareBinaryData(
			scoreboardXlsx(lines),
			fileName,
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		);
		const first = lines[0];
		return withFiles(
			{
				fileName,
				rows: lines.length,
				counts: statusCounts(lines),
				period: first?.period ?? null,
				asOf: first?.asOf ?? null,
			},
			{ [property]: binary },
		);
	},
);
