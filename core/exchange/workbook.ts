import { ValidationError } from '../util/errors';
import { writeXlsx, type CellValue, type SheetData } from '../util/xlsx';
import { REPORT_NAMES, type ReportName } from './compliance';
import { REPORT_SHEETS } from './report-sheets';

/** An input item whose value cannot go into a cell: names the item and the column. */
export class WorkbookItemError extends ValidationError {
	constructor(
		readonly itemIndex: number,
		field: string,
	) {
		super(
			`${field} must be text, a number or yes/no to go into a sheet / 应为文本或数字`,
			field,
			'type',
		);
	}
}

function cellOf(value: unknown, itemIndex: number, key: string): CellValue {
	if (
		value === null ||
		value === undefined ||
		typeof value === 'string' ||
		typeof value === 'number' ||
		typeof value === 'boolean'
	)
		return value;
	// an object or a list would be written as "[object Object]"
	throw new WorkbookItemError(itemIndex, key);
}

/**
 * Groups compliance items by their `report` into one worksheet each, in the fixed report
 * order. Reports listed in `sheets` get a sheet even when they have no rows, so a reader
 * can tell "nobody is short" from "not reported".
 */
export function complianceWorkbook(
	items: Array<Record<string, unknown>>,
	sheets: ReportName[] = REPORT_NAMES,
): { buffer: Buffer; sheets: Array<{ name: string; rows: number }> } {
	const byReport = new Map<string, Array<{ item: Record<string, unknown>; index: number }>>();
	items.forEach((item, index) => {
		// items of no known report (anything else that flowed in) are left out
		const report = typeof item.report === 'string' ? item.report : '';
		if (!Object.hasOwn(REPORT_SHEETS, report)) return;
		byReport.set(report, [...(byReport.get(report) ?? []), { item, index }]);
	});
	const included = REPORT_NAMES.filter((r) => sheets.includes(r) || byReport.has(r));
	const data: SheetData[] = included.map((report) => {
		const spec = REPORT_SHEETS[report];
		const rows = (byReport.get(report) ?? []).map(({ item, index }) =>
			spec.columns.map(([key]) => cellOf(item[key], index, key)),
		);
		return { name: spec.sheet, rows: [spec.columns.map(([, label]) => label), ...rows] };
	});
	return {
		buffer: writeXlsx(data),
		sheets: data.map((d) => ({ name: d.name, rows: d.rows.length - 1 })),
	};
}
