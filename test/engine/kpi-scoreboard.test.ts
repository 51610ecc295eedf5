import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { closeAllStores, openStore } from '../../core/store';
import { freshStoreConfig, testDialects } from '../helpers/dialects';
import { seedScoreboard } from '../helpers/scoreboard-seed';
import { startSmtp } from '../helpers/smtp';
import { chartRefs, xlsxPart } from '../helpers/zip';
import { Engine, storeCredentials } from './harness';

const workflow = JSON.parse(
	readFileSync(join(__dirname, '../../workflows/kpi-scoreboard.json'), 'utf8'),
);
const TRIGGER = '每月1日 8 点 Monthly, 1st 08:00';

describe.each(testDialects())('KPI scoreboard workflow in the n8n engine (%s)', (dialect) => {
	afterAll(() => closeAllStores());

	it('computes the scoreboard, builds an xlsx with a chart and mails a status-coloured table to the council', async () => {
		const config = await freshStoreConfig(dialect);
		const store = await openStore(config);
		await seedScoreboard(store);
		await store.close();
		const smtp = await startSmtp();
		try {
			const engine = new Engine({
				credentials: { ...storeCredentials(config), smtp: smtp.credential },
			});
			// What the Schedule Trigger emits at 08:00 on 1 July in Asia/Shanghai.
			const run = await engine.run(workflow, {
				startNode: TRIGGER,
				items: [
					{ timestamp: '2026-07-01T08:00:00.000+08:00', Timezone: 'Asia/Shanghai (UTC+08:00)' },
				],
			});
			expect(run.error()).toBeUndefined();
			expect(run.status).toBe('success');
			expect(run.output('生成工作簿 Build Workbook')).toEqual([
				expect.objectContaining({ fileName: '联合体建设指标-2026-07-01.xlsx', rows: 25 }),
			]);

			expect(smtp.parsed).toHaveLength(1);
			const mail = smtp.parsed[0];
			expect(mail.to.value.map((v: { address: string }) => v.address)).toEqual([
				'council-chair@consortium.example.cn',
				'council-members@consortium.example.cn',
			]);
			expect(mail.subject).toBe(
				'联合体建设指标月报 Consortium KPI Scoreboard · 2026年 Calendar year 2026 · 2026-07-01',
			);

			// The attachment: one sheet, a header row and one row per indicator with numeric columns.
			expect(mail.attachments).toHaveLength(1);
			expect(mail.attachments[0].filename).toBe('联合体建设指标-2026-07-01.xlsx');
			const book = new ExcelJS.Workbook();
			await book.xlsx.load(mail.attachments[0].content as any);
			expect(book.worksheets.map((w) => w.name)).toEqual(['KPI 指标']);
			const sheet = book.worksheets[0];
			const header = (sheet.getRow(1).values as unknown[]).slice(1);
			expect(header).toEqual([
				'指标 Indicator',
				'单位 Unit',
				'实际 Actual',
				'目标 Target',
				'完成率 Percent',
				'应完成 Expected by Now',
				'状态 Status',
				'来源 Source',
				'统计周期 Period',
				'统计日 As Of',
			]);
			const rows: Record<string, unknown>[] = [];
			sheet.eachRow((row, n) => {
				if (n > 1)
					rows.push(
						Object.fromEntries(
							header.map((h, i) => [h as string, (row.values as unknown[])[i + 1] ?? null]),
						),
					);
			});
			expect(rows).toHaveLength(25);
			expect(rows.find((r) => r['指标 Indicator'] === '授权专利 Patents granted')).toMatchObject({
				'实际 Actual': 5,
				'目标 Target': 5,
				'完成率 Percent': 100,
				'状态 Status': '达标 Met',
				'来源 Source': '业务记录 records',
			});
			expect(
				rows.find((r) => r['指标 Indicator'] === '年职工培训人次 Staff training per year'),
			).toMatchObject({
				'实际 Actual': 1700,
				'目标 Target': 3000,
				'完成率 Percent': 56.7,
				'应完成 Expected by Now': 1495.9,
				'状态 Status': '进度正常 On Track',
				'来源 Source': '人工填报 entries',
			});
			expect(rows.find((r) => r['指标 Indicator'] === '规划教材 Planned textbooks')).toMatchObject({
				'实际 Actual': 1,
				'状态 Status': '落后 Behind',
			});
			expect(typeof rows[0]['实际 Actual']).toBe('number');
			// The chart (ExcelJS keeps no charts, so read its part from the zip): actual and target of all 25.
			const chart = xlsxPart(mail.attachments[0].content, 'xl/charts/chart1.xml');
			expect(chartRefs(chart)).toEqual([
				"'KPI 指标'!$C$1",
				"'KPI 指标'!$A$2:$A$26",
				"'KPI 指标'!$C$2:$C$26",
				"'KPI 指标'!$D$1",
				"'KPI 指标'!$A$2:$A$26",
				"'KPI 指标'!$D$2:$D$26",
			]);

			// The records behind a figure are named under its row.
			expect(String(mail.html)).toContain(
				'<li data-record="pat_1"><span class="num">202410000001.X</span> 专利 pat_1</li>',
			);

			// The HTML: one row per indicator, coloured by status.
			const html = String(mail.html);
			const trs = [
				...html.matchAll(
					/<tr data-indicator="([a-z_]+)" data-status="([a-z_]+)" style="background:(#[0-9a-f]{6});color:(#[0-9a-f]{6})">/g,
				),
			];
			expect(trs).toHaveLength(25);
			const colour = Object.fromEntries(trs.map((m) => [m[1], { status: m[2], background: m[3] }]));
			expect(colour.patents_granted).toEqual({ status: 'met', background: '#e6f4ea' });
			expect(colour.staff_training).toEqual({ status: 'on_track', background: '#fff8e1' });
			expect(colour.core_courses).toEqual({ status: 'behind', background: '#fdecea' });
			expect(colour.first_employment_rate).toEqual({ status: 'no_data', background: '#f1f3f4' });
			expect(html).toContain(
				'达标 Met 3 · 进度正常 On track 4 · 落后 Behind 8 · 无数据 No data 10',
			);
			expect(mail.text).toContain('达标 Met | 授权专利 Patents granted: 5 / 5 (100%)');
		} finally {
			await smtp.close();
		}
	});
});
