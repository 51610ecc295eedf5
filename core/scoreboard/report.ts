import { escapeHtml } from '../util/html';
import type { Status } from './evaluate';
import type { ScoreLine } from './scoreboard';

const COLOURS: Record<Status, { background: string; text: string }> = {
	met: { background: '#e6f4ea', text: '#1e7e34' },
	on_track: { background: '#fff8e1', text: '#8a6d00' },
	behind: { background: '#fdecea', text: '#b3261e' },
	no_data: { background: '#f1f3f4', text: '#5f6368' },
};

const show = (n: number | null) => (n === null ? '—' : String(n));

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

/** The monthly e-mail: a table of every indicator, each row coloured by its status. */
export function renderReport(
	lines: ScoreLine[],
	title = '联合体建设指标 Consortium KPI Scoreboard',
): { subject: string; html: string; text: string; counts: Record<Status, number> } {
	const counts: Record<Status, number> = { met: 0, on_track: 0, behind: 0, no_data: 0 };
	for (const l of lines) counts[l.status]++;
	const first = lines[0];
	const period = first ? `${first.period}（截至 as of ${first.asOf}，已过 ${first.elapsed}%）` : '';
	const subject = `${title} · ${first?.period ?? ''} · ${first?.asOf ?? ''}`;
	const rows = lines
		.map((l) => {
			const c = COLOURS[l.status];
			return (
				`<tr data-indicator="${escapeHtml(l.indicator)}" data-status="${l.status}" style="background:${c.background};color:${c.text}">` +
				`<td style="padding:6px 8px;border:1px solid #ddd">${escapeHtml(l.nameZh)}<br><small>${escapeHtml(l.nameEn)}</small></td>` +
				`<td style="padding:6px 8px;border:1px solid #ddd;text-align:right">${escapeHtml(show(l.actual))}</td>` +
				`<td style="padding:6px 8px;border:1px solid #ddd;text-align:right">${escapeHtml(show(l.target))}</td>` +
				`<td style="padding:6px 8px;border:1px solid #ddd;text-align:right">${l.percentage === null ? '—' : `${escapeHtml(l.percentage)}%`}</td>` +
				`<td style="padding:6px 8px;border:1px solid #ddd"><strong>${escapeHtml(l.statusLabel)}</strong></td>` +
				`<td style="padding:6px 8px;border:1px solid #ddd">${l.source === 'records' ? '业务记录 records' : '人工填报 entries'}</td></tr>`
			);
		})
		.join('\n');
	const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="font-family:-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;color:#202124">
<h2 style="margin:0 0 4px">${escapeHtml(title)}</h2>
<p style="margin:0 0 12px">${escapeHtml(period)}</p>
<p style="margin:0 0 12px">达标 Met ${counts.met} · 进度正常 On track ${counts.on_track} · 落后 Behind ${counts.behind} · 无数据 No data ${counts.no_data}</p>
<table style="border-collapse:collapse;font-size:14px">
<thead><tr style="background:#1f6feb;color:#fff"><th style="padding:6px 8px">指标 Indicator</th><th style="padding:6px 8px">实际 Actual</th><th style="padding:6px 8px">目标 Target</th><th style="padding:6px 8px">完成率 Percent</th><th style="padding:6px 8px">状态 Status</th><th style="padding:6px 8px">来源 Source</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<p style="font-size:12px;color:#5f6368">“进度正常”按已过时间比例折算目标 “On track” pro-rates count targets over the period elapsed; rates are met or behind. 附件为图表用工作表 The attached sheet is ready for charts.</p>
</body></html>`;
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
