import { writeXlsx, type SheetData } from '../util/xlsx';
import { REPORT_NAMES, type ReportName } from './compliance';
import { REPORT_SHEETS } from './report-sheets';

/**
 * Groups compliance items by their `report` into one worksheet each, in the fixed report
 * order. Reports listed in `sheets` get a sheet even when they have no rows, so a reader
 * can tell "nobody is short" from "not reported".
 */
export function complianceWorkbook(items: Array<Record<string, unknown>>, sheets: ReportName[] = REPORT_NAMES): { buffer: Buffer; sheets: Array<{ name: string; rows: number }> } {
	const byReport = new Map<string, Array<Record<string, unknown>>>();
	for (const item of items) {
		const report = String(item.report ?? '');
		if (!(report in REPORT_SHEETS)) continue;
		byReport.set(report, [...(byReport.get(report) ?? []), item]);
	}
	const included = REPORT_NAMES.filter((r) => sheets.includes(r) || byReport.has(r));
	const data: SheetData[] = included.map((report) => {
		const spec = REPORT_SHEETS[report];
		const rows = (byReport.get(report) ?? []).map((item) => spec.columns.map(([key]) => item[key] as string | number | boolean | null));
		return { name: spec.sheet, rows: [spec.columns.map(([, label]) => label), ...rows] };
	});
	return { buffer: writeXlsx(data), sheets: data.map((d) => ({ name: d.name, rows: d.rows.length - 1 })) };
}
