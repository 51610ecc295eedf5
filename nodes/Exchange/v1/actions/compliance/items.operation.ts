import {
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { updateOperationDisplayOptions } from '../../../../shared/descriptions/common';
import { REPORT_NAMES, REPORTS } from '../../../../../core/exchange';
import { forEachItem } from '../../../../shared/run';
import { consortiumFor } from '../../../../shared/store';
import { readReportNames, readReportOptions, reportOptions, reportProperties } from './options';

const properties: INodeProperties[] = [
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
];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['compliance'], operation: ['items'] } },
	properties,
);

/** Several reports in one pass, for a monthly report: items of each report in a fixed order. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const { store, settings } = await consortiumFor(this);
	return forEachItem(this, async (i) => {
		// One read of the practice days serves every report of this item.
		const options = { ...readReportOptions(this, i, settings.timeZone), shared: {} };
		const chosen = readReportNames(this, 'reports', '报表 Reports', i);
		const out = [];
		for (const name of REPORT_NAMES.filter((r) => chosen.includes(r))) {
			out.push(
				...(await REPORTS[name](store, options)).map((item) => ({ ...item, asOf: options.asOf })),
			);
		}
		return out;
	});
}
