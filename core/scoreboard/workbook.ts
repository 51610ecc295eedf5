import { writeXlsx, type SheetData } from '../util/xlsx';
import { sheetRow } from './report';
import type { ScoreLine } from './scoreboard';

export const WORKBOOK_SHEET = 'KPI 指标';

/**
 * The scoreboard as a workbook: the chart-friendly rows of `sheetRow` and a bar chart of each
 * target's actual value against its goal, drawn from those cells.
 */
export function scoreboardWorkbook(lines: ScoreLine[]): SheetData {
	const rows = lines.map(sheetRow);
	const header = Object.keys(sheetRow(lines[0] ?? ({} as ScoreLine)));
	const col = (name: string) => header.indexOf(name);
	return {
		name: WORKBOOK_SHEET,
		rows: [header, ...rows.map((r) => header.map((h) => r[h]))],
		charts: [
			{
				title: '实际与目标 Actual vs Target',
				categoryColumn: col('指标 Indicator'),
				valueColumns: [col('实际 Actual'), col('目标 Target')],
			},
		],
	};
}

export function scoreboardXlsx(lines: ScoreLine[]): Buffer {
	return writeXlsx([scoreboardWorkbook(lines)]);
}
