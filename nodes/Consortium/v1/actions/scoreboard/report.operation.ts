import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { computeScoreboard, renderReport, traceRecords } from '../../../../../core/scoreboard';
import { noticeProperty } from '../../../../shared/descriptions/common';
import { perItemOperation } from '../../../../shared/operation';
import { periodProperties, readPeriod } from './period';
import { readTitle, titleProperty } from './title';

const properties: INodeProperties[] = [
	noticeProperty(
		'reportNotice',
		"生成一封邮件内容（subject、html、text），按状态着色；输入项的附件（如 生成工作簿 Workbook 的 xlsx）原样保留，可直接接 Send Email。One email item, coloured by status; the input item's files (e.g. the xlsx from Workbook) are kept for attaching.",
	),
	...periodProperties(),
	titleProperty('联合体建设指标 Consortium KPI Scoreboard'),
];

/** One email item per input item; the input item's files stay on it for attaching. */
export const { description, execute } = perItemOperation(
	{ resource: 'scoreboard', operation: 'report' },
	properties,
	async ({ ctx, i, store, consortium }): Promise<IDataObject> => {
		const { timeZone } = consortium.settings;
		const title = readTitle(ctx, i);
		const generatedAt = new Date();
		const lines = await computeScoreboard(store, {
			...readPeriod(ctx, i, timeZone),
			now: generatedAt,
		});
		const report = renderReport(lines, title, {
			records: await traceRecords(store, lines),
			generatedAt,
			timeZone,
		});
		const first = lines[0];
		return {
			...report,
			period: first?.period ?? null,
			periodStart: first?.periodStart ?? null,
			periodEnd: first?.periodEnd ?? null,
			asOf: first?.asOf ?? null,
		};
	},
	{ keepBinary: true },
);
