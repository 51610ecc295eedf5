import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { closeAllStores, openStore, type Store } from '../../core/store';
import { organisations, people } from '../../core/directory';
import { DEMO_ORGANISATIONS, DEMO_PEOPLE } from '../../core/directory/demo';
import { freshStoreConfig, testDialects } from '../helpers/dialects';
import { binaryBuffer, shippedWorkflow, withTestUpload } from '../helpers/registry-engine';
import { Engine, storeCredentials } from './harness';

const TRIGGER = '上传名录 Upload Directory';
const UNITS = '导入单位 Import Units';
const PEOPLE = '导入人员 Import People';
const SUMMARY = '汇总 Summary';
const REPORT = '拒绝报告 Rejection Report';
const TEMPLATE = join(__dirname, '..', '..', 'docs', 'directory-template.xlsx');

/**
 * The shipped directory import as the engine can run it: the form trigger replayed by an
 * upload node (as for the registry ledger), and the two Form ending pages left out — they
 * answer the browser on n8n's form-waiting URL, which the e2e suite drives on a real n8n.
 */
function importWorkflow() {
	const shipped = shippedWorkflow('directory-import.json');
	const endings = shipped.nodes
		.filter((n: { type: string }) => n.type === 'n8n-nodes-base.form')
		.map((n: { name: string }) => n.name);
	expect(endings.length).toBe(2);
	shipped.nodes = shipped.nodes.filter((n: { name: string }) => !endings.includes(n.name));
	for (const outputs of Object.values(
		shipped.connections as Record<string, { main: Array<Array<{ node: string }>> }>,
	)) {
		outputs.main = outputs.main.map((targets) => targets.filter((t) => !endings.includes(t.node)));
	}
	return withTestUpload(shipped, TRIGGER, 'directory', 'directory.xlsx');
}

async function workbook(sheets: Record<string, Array<Array<string | number>>>): Promise<string> {
	const book = new ExcelJS.Workbook();
	for (const [name, rows] of Object.entries(sheets)) {
		const sheet = book.addWorksheet(name);
		for (const row of rows) sheet.addRow(row);
	}
	return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

async function reportRows(binary: any): Promise<Array<Record<string, unknown>>> {
	const book = new ExcelJS.Workbook();
	await book.xlsx.load((await binaryBuffer(binary)) as any);
	const sheet = book.worksheets[0];
	const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
	const rows: Array<Record<string, unknown>> = [];
	for (let r = 2; r <= sheet.rowCount; r++)
		rows.push(Object.fromEntries(header.map((h, i) => [h, sheet.getRow(r).getCell(i + 1).value])));
	return rows;
}

describe.each(testDialects())('directory import workflow in the n8n engine (%s)', (dialect) => {
	let store: Store;
	let engine: Engine;
	beforeAll(async () => {
		const config = await freshStoreConfig(dialect);
		store = await openStore(config);
		engine = new Engine({ credentials: storeCredentials(config) });
	});
	afterAll(async () => {
		await store.close();
		await closeAllStores();
	});

	it('imports the shipped template (the demo consortium) into an empty store: units first, people linked by unit name; again, it only updates', async () => {
		const { workflow, startNode } = importWorkflow();
		const file = readFileSync(TEMPLATE).toString('base64');
		const run = await engine.run(workflow, { startNode, items: [{ file }] });
		expect(run.error()).toBeUndefined();
		expect(run.output(UNITS).map((r) => r.result)).toEqual(DEMO_ORGANISATIONS.map(() => 'created'));
		expect(run.output(PEOPLE).map((r) => r.result)).toEqual(DEMO_PEOPLE.map(() => 'created'));
		expect(run.output(SUMMARY)).toEqual([
			expect.objectContaining({
				summaryHtml: `单位 Units：新增 ${DEMO_ORGANISATIONS.length}，更新 0，被拒 0；人员 People：新增 ${DEMO_PEOPLE.length}，更新 0，被拒 0`,
				rejected: 0,
			}),
		]);
		expect(run.runs(REPORT)).toEqual([]);

		const orgs = (await organisations.list(store, { limit: 100 })).items;
		expect(orgs.map((o) => [o.name, o.kind, o.creditCode]).sort()).toEqual(
			DEMO_ORGANISATIONS.map((o) => [o.name, o.kind, o.creditCode]).sort(),
		);
		const xinghe = orgs.find((o) => o.name === '星河智能制造有限公司')!;
		expect(xinghe.roles).toEqual(['副理事长单位']);
		const lead = (await people.list(store, { filters: { email: 'lead@enterprise.example.com' } }))
			.items[0];
		expect(lead).toMatchObject({
			name: '王建国',
			kind: 'technician',
			organisationId: xinghe.id,
			enterpriseExperience: true,
		});
		const head = (
			await people.list(store, { filters: { email: 'dept-head@college.example.edu.cn' } })
		).items[0];
		expect(head).toMatchObject({
			kind: 'teacher',
			department: '智能制造系',
			dualQualified: true,
			dualQualifiedSince: '2021-06-30',
			joinedOn: '1998-07-01',
			courseCategory: 'professional',
		});

		const again = await engine.run(workflow, { startNode, items: [{ file }] });
		expect(again.output(UNITS).map((r) => r.result)).toEqual(
			DEMO_ORGANISATIONS.map(() => 'updated'),
		);
		expect(again.output(PEOPLE).map((r) => r.result)).toEqual(DEMO_PEOPLE.map(() => 'updated'));
		expect((await people.list(store, { limit: 100 })).items.length).toBe(DEMO_PEOPLE.length);
	});

	it('rejects bad rows with their sheet, row, name, field and reason in an xlsx report, and writes nothing for them', async () => {
		const { workflow, startNode } = importWorkflow();
		const file = await workbook({
			单位: [
				['单位名称', '单位类型', '统一社会信用代码', '联系邮箱'],
				['海川精密模具有限公司', '企业', '91350100MA2Y7K3D0C', 'hr@mould.example.com'],
				['校验码错误有限公司', '企业', '91350105MA2Y7K3C1M', ''],
				['缺类型的单位', '', '', ''],
			],
			人员: [
				['姓名', '人员类型', '所属单位', '邮箱', '双师型'],
				['周工', '企业技术人员', '海川精密模具有限公司', 'zhou@mould.example.com', '否'],
				['吴工', '企业技术人员', '91350104154387623F', 'wu@haixia-cnc.example.com', ''],
				['无此单位的人', '教师', '不存在的学院', 'nobody@college.example.edu.cn', ''],
				['坏邮箱', '教师', '海川市职业技术学院', 'not-an-email', ''],
				['双师型乱填', '教师', '海川市职业技术学院', 'odd@college.example.edu.cn', '也许'],
			],
		});
		const run = await engine.run(workflow, { startNode, items: [{ file }] });
		expect(run.error()).toBeUndefined();
		// 91350100MA2Y7K3D0C: a new code whose check character is computed (GB 32100), unlike the one below it
		expect(run.output(UNITS).map((r) => [r.result, r['字段'] ?? null])).toEqual([
			['created', null],
			['rejected', 'creditCode'],
			['rejected', 'kind'],
		]);
		expect(run.output(PEOPLE).map((r) => [r.result, r['字段'] ?? null])).toEqual([
			['created', null],
			['created', null],
			['rejected', 'organisationId'],
			['rejected', 'email'],
			['rejected', 'dualQualified'],
		]);
		const [summary] = run.output(SUMMARY);
		expect(summary).toMatchObject({
			summaryHtml: '单位 Units：新增 1，更新 0，被拒 2；人员 People：新增 2，更新 0，被拒 3',
			rejected: 5,
		});

		const [report] = run.runs(REPORT)[0][0];
		expect(report.binary!.report.fileName).toBe('名录导入被拒行 rejected-rows.xlsx');
		const rows = await reportRows(report.binary!.report);
		expect(
			rows.map((r) => [r['工作表 Sheet'], r['行号 Row'], r['名称 Name'], r['字段 Field']]),
		).toEqual([
			['单位', 3, '校验码错误有限公司', 'creditCode'],
			['单位', 4, '缺类型的单位', 'kind'],
			['人员', 4, '无此单位的人', 'organisationId'],
			['人员', 5, '坏邮箱', 'email'],
			['人员', 6, '双师型乱填', 'dualQualified'],
		]);
		expect(String(rows[0]['原因 Reason'])).toMatch(/校验码错误/);
		expect(String(rows[2]['原因 Reason'])).toMatch(/^所属单位「不存在的学院」不在名录中/);

		expect(
			(await organisations.list(store, { filters: { name: '校验码错误有限公司' } })).items,
		).toEqual([]);
		expect(
			(await people.list(store, { filters: { email: 'nobody@college.example.edu.cn' } })).items,
		).toEqual([]);
		const wu = (await people.list(store, { filters: { email: 'wu@haixia-cnc.example.com' } }))
			.items[0];
		expect(wu.organisationId).toBe(
			(await organisations.list(store, { filters: { name: '海峡数控装备有限公司' } })).items[0].id,
		);
	});

	it('imports units alone when the 人员 sheet has only its header row', async () => {
		const { workflow, startNode } = importWorkflow();
		const file = await workbook({
			单位: [
				['单位名称', '单位类型'],
				['海川职教集团', '行业协会'],
			],
			人员: [['姓名', '人员类型', '邮箱']],
		});
		const run = await engine.run(workflow, { startNode, items: [{ file }] });
		expect(run.error()).toBeUndefined();
		expect(run.runs(PEOPLE)).toEqual([]);
		expect(run.output(SUMMARY)).toEqual([
			expect.objectContaining({
				summaryHtml: '单位 Units：新增 1，更新 0，被拒 0；人员 People：新增 0，更新 0，被拒 0',
				rejected: 0,
			}),
		]);
		expect(
			(await organisations.list(store, { filters: { name: '海川职教集团' } })).items[0].kind,
		).toBe('association');
	});
});
