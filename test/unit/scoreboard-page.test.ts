import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	renderReport,
	renderScoreboardEmail,
	renderScoreboardPage,
	renderUnavailablePage,
	STATUS_COLOURS,
	STATUS_LABELS,
	scoreboardXlsx,
	type ScoreLine,
	type Status,
} from '../../core/scoreboard';
import { writeXlsx } from '../../core/util/xlsx';
import { chartRefs, zipEntries } from '../helpers/zip';

const line = (indicator: string, status: Status, over: Partial<ScoreLine> = {}): ScoreLine => ({
	indicator,
	name: `指标 ${indicator} Indicator ${indicator}`,
	nameZh: `指标 ${indicator}`,
	nameEn: `Indicator ${indicator}`,
	unit: '个 items',
	period: '2026年 Calendar year 2026',
	periodStart: '2026-01-01',
	periodEnd: '2026-12-31',
	asOf: '2026-07-01',
	elapsed: 49.6,
	actual: 2,
	target: 4,
	percentage: 50,
	expectedByNow: 2,
	status,
	statusLabel: STATUS_LABELS[status],
	source: 'records',
	rule: '',
	recordIds: [],
	detail: null,
	...over,
});

const LINES: ScoreLine[] = [
	line('met_one', 'met', { actual: 6, target: 5, percentage: 120, recordIds: ['pat_1'] }),
	line('on_track_one', 'on_track', { actual: 3, target: 4, percentage: 75 }),
	line('behind_one', 'behind', { actual: 1, target: 10, percentage: 10, expectedByNow: 5 }),
	line('no_data_one', 'no_data', { actual: null, percentage: null, source: 'entries' }),
];
const NOW = new Date('2026-06-30T17:30:00.000Z');

/** Each target's section or row: indicator, status and the colour it is drawn in. */
function targets(html: string, pattern: RegExp) {
	return [...html.matchAll(pattern)].map((m) => ({ indicator: m[1], status: m[2], colour: m[3] }));
}

describe('scoreboard page', () => {
	const html = renderScoreboardPage({
		title: '看板 Scoreboard',
		lines: LINES,
		records: {
			met_one: {
				records: [{ id: 'pat_1', number: '202410000001.X', name: '一种夹具' }],
				more: 2,
			},
		},
		generatedAt: NOW,
		timeZone: 'Asia/Shanghai',
	});

	it('draws each target as a bar in its status colour with its Chinese label', () => {
		expect(
			targets(
				html,
				/<section class="target" data-indicator="([a-z_]+)" data-status="([a-z_]+)" style="border-left-color:(#[0-9a-f]{6})">/g,
			),
		).toEqual(
			LINES.map((l) => ({
				indicator: l.indicator,
				status: l.status,
				colour: STATUS_COLOURS[l.status].text,
			})),
		);
		for (const l of LINES)
			expect(html).toContain(
				`<span class="status" style="background:${STATUS_COLOURS[l.status].background};color:${STATUS_COLOURS[l.status].text}">${STATUS_LABELS[l.status]}</span>`,
			);
		// value against goal: past the goal fills the bar, no value draws none
		const widths = [...html.matchAll(/<span class="fill" style="width:([\d.]+)%/g)].map((m) =>
			Number(m[1]),
		);
		expect(widths).toEqual([100, 75, 10, 0]);
		// where a count should be by now is marked on the bar of one not yet met
		expect(html).toContain('<span class="expected" style="left:50%"');
		expect(html).toContain('达标 Met <strong>1</strong>');
	});

	it('lists the records that count under their target, with the number people know', () => {
		expect(html).toContain(
			'<li data-record="pat_1"><span class="num">202410000001.X</span> 一种夹具</li>',
		);
		expect(html).toContain('另有 2 条 and 2 more');
		expect(html).toContain('计入的记录 Records counted (1)');
	});

	it('fits a phone and loads nothing from outside', () => {
		expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
		expect(html).toMatch(/main\{max-width:\d+px/);
		expect(html).not.toMatch(/<script|<link|src=|url\(/i);
	});

	it('shows when it was computed in the consortium time zone', () => {
		expect(html).toContain('更新于 Updated 2026-07-01 01:30（Asia/Shanghai）');
		const utc = renderScoreboardPage({
			title: 't',
			lines: LINES,
			generatedAt: NOW,
			timeZone: 'UTC',
		});
		expect(utc).toContain('更新于 Updated 2026-06-30 17:30（UTC）');
		const unset = renderScoreboardPage({
			title: 't',
			lines: LINES,
			generatedAt: NOW,
			timeZone: '',
		});
		expect(unset).toContain('2026-07-01 01:30（Asia/Shanghai）');
	});

	it('escapes every text it shows', () => {
		const evil = '<img src=x onerror=alert(1)>"\'`';
		const page = renderScoreboardPage({
			title: evil,
			lines: [line('met_one', 'met', { nameZh: evil, nameEn: evil, unit: evil })],
			records: { met_one: { records: [{ id: evil, number: evil, name: evil }], more: 0 } },
			generatedAt: NOW,
		});
		expect(page).not.toContain('<img');
		expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&#96;');
		const mail = renderScoreboardEmail({
			title: evil,
			lines: [line('met_one', 'met', { nameZh: evil })],
			records: { met_one: { records: [{ id: evil, number: evil, name: evil }], more: 0 } },
			generatedAt: NOW,
		});
		expect(mail).not.toContain('<img');
	});

	it('the KPI mail is the same board: same colours, bars and records', () => {
		const { html: mail } = renderReport(LINES, '月报 Monthly', {
			records: { met_one: { records: [{ id: 'pat_1', number: 'N1', name: '一种夹具' }], more: 0 } },
			generatedAt: NOW,
			timeZone: 'Asia/Shanghai',
		});
		expect(
			targets(
				mail,
				/<tr data-indicator="([a-z_]+)" data-status="([a-z_]+)" style="background:(#[0-9a-f]{6});/g,
			),
		).toEqual(
			LINES.map((l) => ({
				indicator: l.indicator,
				status: l.status,
				colour: STATUS_COLOURS[l.status].background,
			})),
		);
		expect(mail).toContain(
			`<td width="100%" style="height:10px;background:${STATUS_COLOURS.met.text}`,
		);
		expect(mail).toContain(
			`<td width="10%" style="height:10px;background:${STATUS_COLOURS.behind.text}`,
		);
		expect(mail).toContain('<span class="num">N1</span> 一种夹具');
		expect(mail).toContain('2026-07-01 01:30（Asia/Shanghai）');
	});

	it('the shipped page workflow answers a failed store with this 503 page, no error text', () => {
		const wf = JSON.parse(
			readFileSync(join(__dirname, '..', '..', 'workflows', 'scoreboard-page.json'), 'utf8'),
		);
		const unavailable = wf.nodes.find((n: { name: string }) => n.name === '暂不可用 Respond 503');
		expect(unavailable.parameters.responseBody).toBe(renderUnavailablePage());
		expect(unavailable.parameters.options.responseCode).toBe(503);
		expect(renderUnavailablePage()).toContain('看板暂不可用');
		expect(renderUnavailablePage()).not.toContain('{{');
	});
});

describe('xlsx bar chart', () => {
	it('the scoreboard workbook opens as a zip with a chart of actual against target', () => {
		const entries = zipEntries(scoreboardXlsx(LINES));
		expect([...entries.keys()]).toEqual(
			expect.arrayContaining([
				'xl/worksheets/sheet1.xml',
				'xl/worksheets/_rels/sheet1.xml.rels',
				'xl/drawings/drawing1.xml',
				'xl/drawings/_rels/drawing1.xml.rels',
				'xl/charts/chart1.xml',
			]),
		);
		const types = entries.get('[Content_Types].xml')!.toString();
		expect(types).toContain(
			'<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
		);
		expect(entries.get('xl/worksheets/sheet1.xml')!.toString()).toContain('<drawing r:id="rId1"/>');
		expect(entries.get('xl/drawings/_rels/drawing1.xml.rels')!.toString()).toContain(
			'Target="../charts/chart1.xml"',
		);
		const chart = entries.get('xl/charts/chart1.xml')!.toString();
		expect(chart).toContain('<c:barDir val="bar"/>');
		// C is 实际 Actual, D is 目标 Target, A the indicator; rows 2–5 the four lines
		expect(chartRefs(chart)).toEqual([
			"'KPI 指标'!$C$1",
			"'KPI 指标'!$A$2:$A$5",
			"'KPI 指标'!$C$2:$C$5",
			"'KPI 指标'!$D$1",
			"'KPI 指标'!$A$2:$A$5",
			"'KPI 指标'!$D$2:$D$5",
		]);
		const sheet = entries.get('xl/worksheets/sheet1.xml')!.toString();
		expect(sheet).toContain(
			'<c r="C1" s="1" t="inlineStr"><is><t xml:space="preserve">实际 Actual</t>',
		);
		expect(sheet).toContain('<c r="D2"><v>5</v></c>');
		// the cached values a viewer shows without recalculating: an empty value stays a gap
		expect(chart).toContain('<c:pt idx="0"><c:v>6</c:v></c:pt>');
		expect(chart).not.toContain('<c:pt idx="3"><c:v></c:v>');
	});

	it('charts on a second sheet, named with an apostrophe, point at that sheet', () => {
		const entries = zipEntries(
			writeXlsx([
				{ name: 'plain', rows: [['a'], ['b']] },
				{
					name: "O'Brien",
					rows: [
						['name', 'x', 'y'],
						['p', 1, 2],
					],
					charts: [{ title: 't', categoryColumn: 0, valueColumns: [2], direction: 'col' }],
				},
			]),
		);
		expect(entries.has('xl/drawings/drawing1.xml')).toBe(false);
		expect(entries.get('xl/worksheets/_rels/sheet2.xml.rels')!.toString()).toContain(
			'Target="../drawings/drawing2.xml"',
		);
		expect(chartRefs(entries.get('xl/charts/chart1.xml')!.toString())).toEqual([
			"'O''Brien'!$C$1",
			"'O''Brien'!$A$2:$A$2",
			"'O''Brien'!$C$2:$C$2",
		]);
	});
});
