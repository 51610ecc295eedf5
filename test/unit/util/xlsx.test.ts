import ExcelJS from 'exceljs';
import { writeXlsx } from '../../../core/util/xlsx';

describe('writeXlsx', () => {
	it('writes sheets that exceljs reads back: names, text, numbers, booleans, escaping', async () => {
		const buffer = writeXlsx([
			{
				name: '五年累计 Five-Year',
				rows: [
					['姓名 Name', '天数 Days'],
					['张<老师> & "李"', 180],
					['王', 0.75],
				],
			},
			{ name: 'a/b:c*d?[e]', rows: [['ok'], [true], [null, 'after gap']] },
			{ name: '五年累计 Five-Year', rows: [['x']] },
		]);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(buffer as any);
		expect(wb.worksheets.map((w) => w.name)).toEqual([
			'五年累计 Five-Year',
			'a b c d  e',
			'五年累计 Five-Year 2',
		]);
		const first = wb.worksheets[0];
		expect(first.getCell('A2').value).toBe('张<老师> & "李"');
		expect(first.getCell('B2').value).toBe(180);
		expect(first.getCell('B3').value).toBe(0.75);
		expect(first.getCell('A1').font?.bold).toBe(true);
		const second = wb.worksheets[1];
		expect(second.getCell('A2').value).toBe(true);
		expect(second.getCell('A3').value).toBeNull();
		expect(second.getCell('B3').value).toBe('after gap');
	});
});
