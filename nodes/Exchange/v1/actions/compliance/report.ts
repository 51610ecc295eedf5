import { REPORTS, type ReportName } from '../../../../../core/exchange';
import type { Operation } from '../../../../shared/entityOperations';
import { perItemOperation } from '../../../../shared/operation';
import { readReportOptions, reportProperties } from './options';

/** One compliance report as an operation: one output item per person, station or department. */
export function reportOperation(name: ReportName): Operation {
	return perItemOperation(
		{ resource: 'compliance', operation: name },
		reportProperties(name),
		async ({ ctx, i, consortium, store }) => {
			const options = readReportOptions(ctx, i, consortium.settings.timeZone);
			return (await REPORTS[name](store, options)).map((item) => ({
				...item,
				asOf: options.asOf,
			}));
		},
	);
}
