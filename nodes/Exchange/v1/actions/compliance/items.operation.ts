import { REPORT_NAMES, REPORTS } from '../../../../../core/exchange';
import { perItemOperation } from '../../../../shared/operation';
import { readReportNames, readReportOptions, reportOptions, reportProperties } from './options';

/** Several reports in one pass, for a monthly report: items of each report in a fixed order. */
export const { description, execute } = perItemOperation(
	{ resource: 'compliance', operation: 'items' },
	[
		...reportProperties('items'),
		{
			displayName: '报表 Reports',
			name: 'reports',
			type: 'multiOptions',
			options: reportOptions,
			default: [...REPORT_NAMES],
			description:
				'每项带 report 字段，可直接接“生成工作簿” Each item carries its report name, ready for Build Workbook',
		},
	],
	async ({ ctx, i, consortium, store }) => {
		// One read of the practice days serves every report of this item.
		const options = { ...readReportOptions(ctx, i, consortium.settings.timeZone), shared: {} };
		const chosen = readReportNames(ctx, 'reports', '报表 Reports', i);
		const out = [];
		for (const name of REPORT_NAMES.filter((r) => chosen.includes(r))) {
			out.push(
				...(await REPORTS[name](store, options)).map((item) => ({ ...item, asOf: options.asOf })),
			);
		}
		return out;
	},
);
