import { escapeHtml, phonePage } from '../util/html';
import { DEFAULT_TIME_ZONE, formatInZone } from '../util/time';
import type { Status } from './evaluate';
import type { ScoreLine } from './scoreboard';
import type { TracedLine } from './trace';

/** Light background for a row or card, strong colour for the bar and the label text. */
export const STATUS_COLOURS: Record<Status, { background: string; text: string }> = {
	met: { background: '#e6f4ea', text: '#1e7e34' },
	on_track: { background: '#fff8e1', text: '#8a6d00' },
	behind: { background: '#fdecea', text: '#b3261e' },
	no_data: { background: '#f1f3f4', text: '#5f6368' },
};

const STATUS_ORDER: Status[] = ['met', 'on_track', 'behind', 'no_data'];

export const COUNT_LABELS: Record<Status, string> = {
	met: '达标 Met',
	on_track: '进度正常 On track',
	behind: '落后 Behind',
	no_data: '无数据 No data',
};

export interface ScoreboardView {
	title: string;
	lines: ScoreLine[];
	/** The records behind each line, by indicator key (see traceRecords); missing means none listed. */
	records?: Record<string, TracedLine>;
	/** When the figures were computed, shown in `timeZone`. */
	generatedAt: Date;
	timeZone?: string;
}

export const show = (n: number | null) => (n === null ? '—' : String(n));

export function statusCounts(lines: ScoreLine[]): Record<Status, number> {
	const counts: Record<Status, number> = { met: 0, on_track: 0, behind: 0, no_data: 0 };
	for (const l of lines) counts[l.status]++;
	return counts;
}

/** How far along the bar the value reaches, 0–100; a value past its goal fills the bar. */
export function barPercent(line: ScoreLine): number {
	if (line.actual === null) return 0;
	if (line.target <= 0) return line.actual > 0 ? 100 : 0;
	return Math.max(0, Math.min(100, Math.round((line.actual / line.target) * 1000) / 10));
}

/** Where a count should be by now, on the same scale; rates have no such mark. */
function expectedPercent(line: ScoreLine): number | null {
	if (line.expectedByNow === null || line.target <= 0 || line.status === 'met') return null;
	return Math.min(100, Math.round((line.expectedByNow / line.target) * 1000) / 10);
}

function periodText(view: ScoreboardView) {
	const first = view.lines[0];
	const zone = view.timeZone || DEFAULT_TIME_ZONE;
	return {
		period: first
			? `${first.period}（统计日 As of ${first.asOf}，已过 Elapsed ${first.elapsed}%）`
			: '',
		updated: `更新于 Updated ${formatInZone(view.generatedAt, zone)}（${zone}）`,
	};
}

const sourceLabel = (l: ScoreLine) =>
	l.source === 'records' ? '业务记录 records' : '人工填报 entries';

function recordItems(traced: TracedLine | undefined): string {
	if (!traced || traced.records.length === 0) return '';
	const items = traced.records
		.map(
			(r) =>
				`<li data-record="${escapeHtml(r.id)}"><span class="num">${escapeHtml(r.number)}</span> ${escapeHtml(r.name)}</li>`,
		)
		.join('');
	const more =
		traced.more > 0 ? `<li class="more">另有 ${traced.more} 条 and ${traced.more} more</li>` : '';
	return `${items}${more}`;
}

function recordCount(line: ScoreLine): number {
	return line.recordIds.length;
}

function pageTarget(line: ScoreLine, traced: TracedLine | undefined): string {
	const c = STATUS_COLOURS[line.status];
	const fill = barPercent(line);
	const expected = expectedPercent(line);
	const rate = line.unit === '%';
	const unit = rate ? '%' : ` ${escapeHtml(line.unit)}`;
	const records = recordItems(traced);
	return `<section class="target" data-indicator="${escapeHtml(line.indicator)}" data-status="${line.status}" style="border-left-color:${c.text}">
<h2>${escapeHtml(line.nameZh)} <span class="en">${escapeHtml(line.nameEn)}</span></h2>
<div class="figure"><span><strong>${escapeHtml(show(line.actual))}</strong>${rate && line.actual !== null ? '%' : ''} / 目标 Goal ${escapeHtml(show(line.target))}${unit}${
		// a rate's own figure is the percentage; a share of its goal would read as a second one
		line.percentage === null || rate ? '' : ` · ${escapeHtml(line.percentage)}%`
	}</span>
<span class="status" style="background:${c.background};color:${c.text}">${escapeHtml(line.statusLabel)}</span></div>
<div class="bar" role="img" aria-label="${escapeHtml(`${show(line.actual)} / ${show(line.target)}`)}"><span class="fill" style="width:${fill}%;background:${c.text}"></span>${
		expected === null
			? ''
			: `<span class="expected" style="left:${expected}%" title="应完成 Expected by now ${escapeHtml(show(line.expectedByNow))}"></span>`
	}</div>
<p class="source">${sourceLabel(line)}${expected === null ? '' : ` · 应完成 Expected by now ${escapeHtml(show(line.expectedByNow))}`}</p>
${
	records
		? `<details><summary>计入的记录 Records counted (${recordCount(line)})</summary><ol>${records}</ol></details>`
		: `<p class="source">没有计入的记录 No records counted</p>`
}
</section>`;
}

const SCOREBOARD_STYLE = `body{margin:0;background:#f3f5f8;color:#1f2328;font:17px/1.55 -apple-system,BlinkMacSystemFont,"Segoe UI","PingFang SC","Hiragino Sans GB","Microsoft YaHei",sans-serif}
main{max-width:720px;margin:0 auto;padding:16px}
h1{font-size:22px;margin:0 0 4px}
.meta{margin:0;color:#57606a;font-size:15px}
.counts{display:flex;flex-wrap:wrap;gap:8px;list-style:none;padding:0;margin:12px 0 16px}
.counts li{padding:6px 10px;border-radius:8px;font-size:15px}
.target{background:#fff;border-radius:12px;border-left:6px solid #5f6368;padding:14px 16px;margin-bottom:12px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
h2{font-size:18px;margin:0 0 6px}
.en{color:#57606a;font-size:14px;font-weight:normal}
.figure{font-size:16px;display:flex;flex-wrap:wrap;align-items:center;gap:4px 10px}
.figure strong{font-size:24px}
.status{padding:2px 8px;border-radius:6px;font-size:14px;font-weight:bold}
.bar{position:relative;height:16px;background:#e8eaed;border-radius:8px;margin:8px 0 4px;overflow:hidden}
.fill{position:absolute;left:0;top:0;bottom:0;border-radius:8px}
.expected{position:absolute;top:0;bottom:0;width:3px;margin-left:-1px;background:#1f2328;opacity:.55}
.source{margin:0;color:#57606a;font-size:14px}
details{margin-top:6px;font-size:15px}
summary{cursor:pointer;color:#0969da}
ol{margin:6px 0 0;padding-left:22px}
.num{font-family:ui-monospace,Menlo,Consolas,monospace;color:#0969da}
.more{list-style:none;color:#57606a}
footer{color:#57606a;font-size:13px;margin:16px 0}`;

/**
 * The scoreboard as a page people open on a phone: one card per target with a bar of value
 * against goal, coloured by status, and the records behind the figure. No script and no
 * outside asset: the bars are CSS, and the page's policy forbids anything else.
 */
export function renderScoreboardPage(view: ScoreboardView): string {
	const counts = statusCounts(view.lines);
	const { period, updated } = periodText(view);
	const summary = STATUS_ORDER.map((s) => {
		const c = STATUS_COLOURS[s];
		return `<li data-count="${s}" style="background:${c.background};color:${c.text}">${COUNT_LABELS[s]} <strong>${counts[s]}</strong></li>`;
	}).join('');
	const targets = view.lines.map((l) => pageTarget(l, view.records?.[l.indicator])).join('\n');
	return phonePage({
		title: view.title,
		policy: "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
		style: SCOREBOARD_STYLE,
		body: `
<h1>${escapeHtml(view.title)}</h1>
<p class="meta">${escapeHtml(period)}</p>
<p class="meta" data-updated>${escapeHtml(updated)}</p>
<ul class="counts">${summary}</ul>
${targets}
<footer>“进度正常”按已过时间比例折算目标，竖线为应完成进度 “On track” pro-rates count targets over the period elapsed (the mark on a bar); rates are met or behind.</footer>
`,
	});
}

const CELL = 'padding:6px 8px;border:1px solid #ddd;vertical-align:top';

/**
 * The same scoreboard for an e-mail: tables and inline styles only, which is all mail
 * clients keep. Each target is a row with the same colours, bar and records as the page.
 */
export function renderScoreboardEmail(view: ScoreboardView): string {
	const counts = statusCounts(view.lines);
	const { period, updated } = periodText(view);
	const rows = view.lines
		.map((l) => {
			const c = STATUS_COLOURS[l.status];
			const fill = barPercent(l);
			const records = recordItems(view.records?.[l.indicator]);
			// A two-cell table is the bar: the one bar mail clients draw without CSS positioning.
			const bar = `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin-top:4px"><tr>${
				fill > 0
					? `<td width="${fill}%" style="height:10px;background:${c.text};font-size:0;line-height:0">&nbsp;</td>`
					: ''
			}${fill < 100 ? `<td style="height:10px;background:#e8eaed;font-size:0;line-height:0">&nbsp;</td>` : ''}</tr></table>`;
			return (
				`<tr data-indicator="${escapeHtml(l.indicator)}" data-status="${l.status}" style="background:${c.background};color:${c.text}">` +
				`<td style="${CELL}">${escapeHtml(l.nameZh)}<br><small>${escapeHtml(l.nameEn)}</small>${bar}${
					records
						? `<ol style="margin:4px 0 0;padding-left:18px;font-size:12px;color:#202124">${records}</ol>`
						: ''
				}</td>` +
				`<td style="${CELL};text-align:right">${escapeHtml(show(l.actual))}</td>` +
				`<td style="${CELL};text-align:right">${escapeHtml(show(l.target))}</td>` +
				`<td style="${CELL};text-align:right">${l.percentage === null ? '—' : `${escapeHtml(l.percentage)}%`}</td>` +
				`<td style="${CELL}"><strong>${escapeHtml(l.statusLabel)}</strong></td>` +
				`<td style="${CELL}">${sourceLabel(l)}</td></tr>`
			);
		})
		.join('\n');
	return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(view.title)}</title></head>
<body style="font-family:-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;color:#202124">
<h2 style="margin:0 0 4px">${escapeHtml(view.title)}</h2>
<p style="margin:0 0 4px">${escapeHtml(period)}</p>
<p style="margin:0 0 12px;color:#5f6368;font-size:13px">${escapeHtml(updated)}</p>
<p style="margin:0 0 12px">${STATUS_ORDER.map((s) => `${COUNT_LABELS[s]} ${counts[s]}`).join(' · ')}</p>
<table style="border-collapse:collapse;font-size:14px;width:100%;max-width:720px">
<thead><tr style="background:#1f6feb;color:#fff"><th style="padding:6px 8px">指标 Indicator</th><th style="padding:6px 8px">实际 Actual</th><th style="padding:6px 8px">目标 Target</th><th style="padding:6px 8px">完成率 Percent</th><th style="padding:6px 8px">状态 Status</th><th style="padding:6px 8px">来源 Source</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<p style="font-size:12px;color:#5f6368">“进度正常”按已过时间比例折算目标 “On track” pro-rates count targets over the period elapsed; rates are met or behind. 附件工作簿带图表 The attached workbook has a chart of value against target.</p>
</body></html>`;
}

/** What the page says when the figures cannot be read: in Chinese first, and nothing internal. */
export function renderUnavailablePage(): string {
	return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>看板暂不可用 Scoreboard unavailable</title>
<style>body{margin:0;background:#f3f5f8;color:#1f2328;font:17px/1.6 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif}main{max-width:640px;margin:0 auto;padding:24px 16px}h1{font-size:22px}.en{color:#57606a;font-size:15px}</style>
</head>
<body><main><h1>看板暂不可用</h1><p>数据存储暂时无法读取，请稍后刷新；如持续出现，请联系联合体秘书处。</p><p class="en">Scoreboard unavailable: the data store cannot be read right now. Please try again later.</p></main></body>
</html>`;
}
