import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateOperationDisplayOptions } from '../../../../shared/descriptions/common';
import { computeScoreboard, renderReport, traceRecords } from '../../../../../core/scoreboard';
import { requiredText } from '../../../../../core/util/validate';
import { toNodeError } from '../../../../shared/errors';
import { consortiumFor } from '../../../../shared/store';
import { periodProperties, readPeriod } from './period';

const properties: INodeProperties[] = [
	{
		displayName:
			"生成一封邮件内容（subject、html、text），按状态着色；输入项的附件（如 生成工作簿 Workbook 的 xlsx）原样保留，可直接接 Send Email。One email item, coloured by status; the input item's files (e.g. the xlsx from Workbook) are kept for attaching.",
		name: 'reportNotice',
		type: 'notice',
		default: '',
	},
	...periodProperties(),
	{
		displayName: '标题 Title',
		name: 'title',
		type: 'string',
		default: '联合体建设指标 Consortium KPI Scoreboard',
	},
];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['scoreboard'], operation: ['report'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const { store, settings } = await consortiumFor(this);
	const items = this.getInputData();
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const title = requiredText(this.getNodeParameter('title', i), 'title', '标题 Title', 200);
			const generatedAt = new Date();
			const lines = await computeScoreboard(store, {
				...readPeriod(this, i, settings.timeZone),
				now: generatedAt,
			});
			const report = renderReport(lines, title, {
				records: await traceRecords(store, lines),
				generatedAt,
				timeZone: settings.timeZone,
			});
			const first = lines[0];
			const json: IDataObject = {
				...report,
				period: first?.period ?? null,
				periodStart: first?.periodStart ?? null,
				periodEnd: first?.periodEnd ?? null,
				asOf: first?.asOf ?? null,
			};
			out.push({
				json,
				...(items[i].binary ? { binary: items[i].binary } : {}),
				pairedItem: { item: i },
			});
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
