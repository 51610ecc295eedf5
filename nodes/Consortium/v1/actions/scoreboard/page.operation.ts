import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import {
	computeScoreboard,
	renderScoreboardPage,
	statusCounts,
	traceRecords,
} from '../../../../../core/scoreboard';
import { optionalNumber } from '../../../../../core/util/validate';
import { noticeProperty } from '../../../../shared/descriptions/common';
import { itemOperation } from '../../../../shared/operation';
import { consortiumFor } from '../../../../shared/store';
import { periodProperties, readPeriod } from './period';
import { readTitle, titleProperty } from './title';

const properties: INodeProperties[] = [
	noticeProperty(
		'pageNotice',
		'生成看板网页（html 与 statusCode），接 Respond to Webhook 以 text/html 返回。A phone-first HTML page (html and statusCode) for a Respond to Webhook node.',
	),
	...periodProperties(),
	titleProperty('联合体建设指标看板 Consortium KPI Scoreboard'),
	{
		displayName: '每项列出记录数 Records Listed per Target',
		name: 'recordLimit',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 200 },
		default: 20,
		description:
			'每个指标下列出的计入记录上限 How many of the records counted are named under each target',
	},
];

/**
 * The scoreboard page: every target as a bar against its goal, with the records it counts.
 * The store is opened inside the item, and a failed item carries its error, so with "On Error:
 * Continue (using error output)" a store that is down sends the item down the error branch
 * (the shipped workflow's 503 page), not to the page.
 */
export const { description, execute } = itemOperation(
	{ resource: 'scoreboard', operation: 'page' },
	properties,
	renderPage,
	{ errorOutput: true },
);

async function renderPage(ctx: IExecuteFunctions, i: number): Promise<IDataObject> {
	const { store, settings } = await consortiumFor(ctx);
	const title = readTitle(ctx, i);
	const limit =
		optionalNumber(
			ctx.getNodeParameter('recordLimit', i, 20),
			'recordLimit',
			'每项列出记录数 Records Listed per Target',
			{ min: 0, max: 200, integer: true },
		) ?? 20;
	const generatedAt = new Date();
	const lines = await computeScoreboard(store, {
		...readPeriod(ctx, i, settings.timeZone),
		now: generatedAt,
	});
	const records = await traceRecords(store, lines, limit);
	const first = lines[0];
	return {
		statusCode: 200,
		html: renderScoreboardPage({ title, lines, records, generatedAt, timeZone: settings.timeZone }),
		counts: statusCounts(lines),
		period: first?.period ?? null,
		asOf: first?.asOf ?? null,
	};
}
