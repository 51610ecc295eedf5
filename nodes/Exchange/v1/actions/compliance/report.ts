import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { REPORTS, type ReportName } from '../../../../../core/exchange';
import { forEachItem } from '../../../../shared/run';
import { consortiumFor } from '../../../../shared/store';
import { readReportOptions } from './options';

/** One compliance report as an operation: one output item per person, station or department. */
export function reportOperation(name: ReportName): {
	description: INodeProperties[];
	execute(this: IExecuteFunctions): Promise<INodeExecutionData[]>;
} {
	return {
		description: [],
		async execute() {
			const { store, settings } = await consortiumFor(this);
			return forEachItem(this, async (i) => {
				const options = readReportOptions(this, i, settings.timeZone);
				return (await REPORTS[name](store, options)).map((item) => ({
					...item,
					asOf: options.asOf,
				}));
			});
		},
	};
}
