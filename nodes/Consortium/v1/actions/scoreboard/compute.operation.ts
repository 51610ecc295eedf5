import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { computeScoreboard, sheetRow } from '../../../../../core/scoreboard';
import { oneOf } from '../../../../../core/util/validate';
import { perItemOperation } from '../../../../shared/operation';
import { periodProperties, readPeriod } from './period';

const properties: INodeProperties[] = [
	...periodProperties(),
	{
		displayName: '输出 Output',
		name: 'output',
		type: 'options',
		options: [
			{
				name: '完整指标项 Full Lines',
				value: 'lines',
				description:
					'含目标、状态、来源和计入的记录 ID With target, status, source and the IDs counted',
			},
			{
				name: '图表用表格行 Chart-Friendly Rows',
				value: 'sheet',
				description:
					'扁平的数字列，可直接转为 xlsx 作图 Flat numeric columns, ready for Convert to File and a chart',
			},
		],
		default: 'lines',
	},
];

/** One item per indicator: actual, target, percentage, status and the records counted. */
export const { description, execute } = perItemOperation(
	{ resource: 'scoreboard', operation: 'compute' },
	properties,
	async ({ ctx, i, store, consortium }) => {
		const output = oneOf(ctx.getNodeParameter('output', i, 'lines'), 'output', '输出 Output', [
			'lines',
			'sheet',
		] as const);
		const lines = await computeScoreboard(store, readPeriod(ctx, i, consortium.settings.timeZone));
		return (output === 'sheet' ? lines.map(sheetRow) : lines) as unknown as IDataObject[];
	},
);
