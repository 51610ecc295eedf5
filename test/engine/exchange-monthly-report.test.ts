import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { closeAllStores, openStore } from '../../core/store';
import { freshStoreConfig, testDialects } from '../helpers/dialects';
import { seedExchange } from '../helpers/exchange-seed';
import { startSmtp } from '../helpers/smtp';
import { Engine, storeCredentials } from './harness';

const workflow = JSON.parse(
	readFileSync(join(__dirname, '../../workflows/exchange-monthly-report.json'), 'utf8'),
);
const TRIGGER = '每月1日 8 点 Monthly, 1st 08:00';

describe.each(testDialects())(
	'exchange monthly report workflow in the n8n engine (%s)',
	(dialect) => {
		afterAll(() => closeAllStores());

		it('turns the compliance items into one workbook, one sheet per report, and mails it to the secretariat', async () => {
			const config = await freshStoreConfig(dialect);
			const store = await openStore(config);
			const seed = await seedExchange(store);
			await store.close();
			const smtp = await startSmtp();
			try {
				const engine = new Engine({
					credentials: { ...storeCredentials(config), smtp: smtp.credential },
				});
				// What the Schedule Trigger emits at 08:00 on 1 December in Asia/Shanghai.
				const run = await engine.run(workflow, {
					startNode: TRIGGER,
					items: [
						{ timestamp: '2026-12-01T08:00:00.000+08:00', Timezone: 'Asia/Shanghai (UTC+08:00)' },
					],
				});
				expect(run.error()).toBeUndefined();
				expect(run.status).toBe('success');

				const [book] = run.output('生成工作簿 Build Workbook');
				expect(book).toMatchObject({
					asOf: '2026-12-01',
					fileName: '校企互聘合规月报-2026-12-01.xlsx',
				});
				expect(book.sheets).toEqual([
					{ name: '五年累计 Five-Year', rows: 9 },
					{ name: '年度实践 Annual', rows: 8 },
					{ name: '新教师 New Teachers', rows: 2 },
					{ name: '双师型 Dual-Qualified', rows: 3 },
					{ name: '站点使用 Stations', rows: 2 },
					{ name: '技师课时 Technicians', rows: 3 },
				]);

				expect(smtp.parsed).toHaveLength(1);
				const mail = smtp.parsed[0];
				expect(mail.to.value[0].address).toBe('secretariat@consortium.example.cn');
				expect(mail.subject).toBe('校企互聘合规月报 Exchange compliance report 2026-12-01');
				expect(mail.text).toContain('五年累计 Five-Year：9 行');
				expect(mail.attachments).toHaveLength(1);
				const attachment = mail.attachments[0];
				expect(attachment.filename).toBe('校企互聘合规月报-2026-12-01.xlsx');
				expect(attachment.contentType).toBe(
					'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
				);

				const wb = new ExcelJS.Workbook();
				await wb.xlsx.load(attachment.content as any);
				expect(wb.worksheets.map((w) => w.name)).toEqual([
					'五年累计 Five-Year',
					'年度实践 Annual',
					'新教师 New Teachers',
					'双师型 Dual-Qualified',
					'站点使用 Stations',
					'技师课时 Technicians',
				]);
				const rows = (name: string) => {
					const sheet = wb.getWorksheet(name)!;
					const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
					const out: Array<Record<string, unknown>> = [];
					sheet.eachRow((row, n) => {
						if (n === 1) return;
						const values = (row.values as unknown[]).slice(1);
						out.push(Object.fromEntries(header.map((h, i) => [h, values[i] ?? null])));
					});
					return { header, rows: out };
				};

				const five = rows('五年累计 Five-Year');
				// The defaults: calendar months of full-time practice in the five-year cycle from joining
				// (figures worked out in test/engine/exchange-compliance.test.ts).
				expect(five.header).toEqual([
					'姓名 Name',
					'系部 Department',
					'课程类别 Category',
					'周期起 From',
					'周期止 To',
					'统计至 Counted Through',
					'实践月数 Months',
					'在岗天数 Logged Days',
					'要求 Required',
					'差额 Shortfall',
					'单位 Unit',
					'计算方式 Counting Rule',
					'补足期限 Make Up By',
					'状态 Status',
				]);
				expect(five.rows.find((r) => r['姓名 Name'] === '张一')).toMatchObject({
					'周期起 From': '2025-09-01',
					'实践月数 Months': 0.03,
					'在岗天数 Logged Days': 1,
					'要求 Required': 6,
					'差额 Shortfall': 5.97,
					'单位 Unit': '月 Months',
					'补足期限 Make Up By': '2030-08-31',
					'状态 Status': '未达标 Shortfall',
				});
				expect(five.rows.find((r) => r['姓名 Name'] === '王二')).toMatchObject({
					'课程类别 Category': '公共课 General',
					'实践月数 Months': 0,
					'要求 Required': 3,
					'补足期限 Make Up By': '2030-02-28',
				});
				expect(five.rows.find((r) => r['姓名 Name'] === '周七')).toMatchObject({
					'实践月数 Months': 6.87,
					'在岗天数 Logged Days': 180,
					'差额 Shortfall': 0,
					'补足期限 Make Up By': null,
					'状态 Status': '达标 Compliant',
				});

				expect(rows('年度实践 Annual').rows.find((r) => r['姓名 Name'] === '张一')).toMatchObject({
					'年度 Year': 2026,
					'在岗天数 Logged Days': 1,
					'要求 Required': 1,
					'差额 Shortfall': 0.97,
				});
				expect(
					rows('新教师 New Teachers')
						.rows.map((r) => r['姓名 Name'])
						.sort(),
				).toEqual(['孙六', '李三']);
				const dual = rows('双师型 Dual-Qualified').rows;
				expect(dual.find((r) => r['系部 Department'] === '全部 All')).toMatchObject({
					'专业课教师 Teachers': 8,
					'双师型 Dual-Qualified': 4,
					'占比 Share': 0.5,
					'目标 Target': 0.75,
					'尚需 Needed': 2,
				});
				expect(
					rows('站点使用 Stations').rows.find((r) => r['站点 Station'] === seed.s1.name),
				).toMatchObject({ '容量 Capacity': 2, '在站 In Use': 2, '状态 Status': '满员 Full' });
				expect(
					rows('技师课时 Technicians').rows.find((r) => r['姓名 Name'] === '陈工'),
				).toMatchObject({ '学期 Term': '2026-2027-1', '课时 Hours': 2, '差额 Shortfall': 14 });
			} finally {
				await smtp.close();
			}
		});
	},
);
