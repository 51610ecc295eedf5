import type { Status } from './evaluate';
import { renderScoreboardEmail, show, statusCounts } from './page';
import type { ScoreLine } from './scoreboard';
import type { TracedLine } from './trace';

/** One flat row per indicator with plain numeric columns, for a sheet a chart can use directly. */
export function sheetRow(line: ScoreLine): Record<string, string | number | null> {
	return {
		'指标 Indicator': line.name,
		'单位 Unit': line.unit,
		'实际 Actual': line.actual,
		'目标 Target': line.target,
		'完成率 Percent': line.percentage,
		'应完成 Expected by Now': line.expectedByNow,
		'状态 Status': line.statusLabel,
		'来源 Source': line.source === 'records' ? '业务记录 records' : '人工填报 entries',
		'统计周期 Period': line.period,
		'统计日 As Of': line.asOf,
	};
}

export interface ReportOptions {
	/** The records behind each line, listed under its row. */
	records?: Record<string, TracedLine>;
	generatedAt?: Date;
	timeZone?: string;
}

/** The monthly e-mail: the scoreboard page's e-mail form, plus a subject and a text part. */
export function renderReport(
	lines: ScoreLine[],
	title = '联合体建设指标 Consortium KPI Scoreboard',
	options: ReportOptions = {},
): { subject: string; html: string; text: string; counts: Record<Status, number> } {
	const counts = statusCounts(lines);
	const first = lines[0];
	const period = first ? `${first.period}（截至 as of ${first.asOf}，已过 ${first.elapsed}%）` : '';
	const subject = `${title} · ${first?.period ?? ''} · ${first?.asOf ?? ''}`;
	const html = renderScoreboardEmail({
		title,
		lines,
		records: options.records,
		generatedAt: options.generatedAt ?? new Date(),
		timeZone: options.timeZone,
	});
	const text = [
		title,
		period,
		...lines.map(
			(l) =>
				`${l.statusLabel} | ${l.name}: ${show(l.actual)} / ${show(l.target)}${l.percentage === null ? '' : ` (${l.percentage}%)`}`,
		),
	].join('\n');
	return { subject, html, text, counts };
}
