import {
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { updateOperationDisplayOptions } from '../../../../shared/descriptions/common';
import { REPORTS, type ReportName } from '../../../../../core/exchange';
import { forEachItem } from '../../../../shared/run';
import { consortiumFor } from '../../../../shared/store';
import { readReportOptions, reportProperties } from './options';

/** One compliance report as an operation: one output item per person, station or department. */
export function reportOperation(name: ReportName): {
	description: INodeProperties[];
	execute(this: IExecuteFunctions): Promise<INodeExecutionData[]>;
} {
	return {
		description: updateOperationDisplayOptions(
			{ show: { resource: ['compliance'], operation: [name] } },
			reportProperties(name),
		),
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
