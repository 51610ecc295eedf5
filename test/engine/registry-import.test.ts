import ExcelJS from 'exceljs';
import { closeAllStores, openStore } from '../../core/store';
import { organisations, people } from '../../core/directory';
import { freshStoreConfig, testDialects } from '../helpers/dialects';
import { buildPatentNumber, withWrongCheck } from '../helpers/patent-numbers';
import { binaryBuffer, shippedWorkflow, withTestUpload } from '../helpers/registry-engine';
import { Engine, storeCredentials } from './harness';
import { listDeadlines, registryToday } from '../../core/registry';
import { addDays, addYears } from '../../core/util/time';

const IMPORT = '导入专利 Import Patents';
const PROJECTS = '导入项目 Import Projects';
const REPORT = '拒绝报告 Rejection Report';

async function xlsx(
	headers: string[],
	rows: Array<Array<string | number | Date | null>>,
): Promise<string> {
	const book = new ExcelJS.Workbook();
	const sheet = book.addWorksheet('台账');
	sheet.addRow(headers);
	for (const row of rows) sheet.addRow(row);
	return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

/** A utility-model number whose check digit is X: the serial is searched, not hard-wired. */
function numberWithX(): string {
	for (let n = 1; ; n++) {
		const candidate = buildPatentNumber(2021, 2, n);
		if (candidate.endsWith('X')) return candidate;
	}
}

const utility = buildPatentNumber(2019, 2, 1001);
const invention = buildPatentNumber(2023, 1, 2002);
const legacy = buildPatentNumber(98, 2, 12345);
const xNumber = numberWithX();
const HEADERS = [
	'申请号',
	'专利名称',
	'专利类型',
	'申请日',
	'发明人',
	'专利权人',
	'法律状态',
	'授权日',
];
const dateCell = buildPatentNumber(2022, 1, 6006);
const ROWS: Array<Array<string | Date | null>> = [
	[
		`CN ${utility.slice(0, 4)} ${utility.slice(4, 5)} ${utility.slice(5)}`,
		'一种机床夹具',
		'实用新型',
		'2019-05-06',
		'李老师、王工',
		'市职业技术学院、星河智能制造有限公司',
		'授权',
		'2020-01-02',
	],
	[
		invention,
		'一种刀具磨损检测方法',
		'发明',
		'2023年5月6日',
		'李老师',
		'市职业技术学院',
		'实质审查',
		null,
	],
	[
		`ZL${utility}`,
		'一种机床夹具（重复）',
		'实用新型',
		'2019-05-06',
		'李老师',
		'市职业技术学院',
		'授权',
		'2020-01-02',
	],
	[
		withWrongCheck(buildPatentNumber(2020, 1, 3003)),
		'校验位错误',
		'发明',
		'2020-03-03',
		'李老师',
		'市职业技术学院',
		'受理',
		null,
	],
	[
		buildPatentNumber(2020, 1, 4004),
		'缺申请日',
		'发明',
		null,
		'李老师',
		'市职业技术学院',
		'受理',
		null,
	],
	[
		xNumber,
		'一种校验位为X的装置',
		'实用新型',
		'2021年7月1日',
		'王工',
		'星河智能制造有限公司',
		'授权',
		'2022年1月31日',
	],
	[
		legacy,
		'旧号码实用新型',
		'实用新型',
		'1998-12-01',
		'外部专家',
		'市职业技术学院',
		'届满',
		'1999-06-01',
	],
	[
		buildPatentNumber(2022, 2, 5005),
		'类型不符',
		'发明',
		'2022-02-02',
		'李老师',
		'市职业技术学院',
		'受理',
		null,
	],
	// A real date cell: the sheet reader hands over Excel's day serial.
	[
		dateCell,
		'日期单元格',
		'发明',
		new Date(Date.UTC(2022, 2, 15)),
		'李老师',
		'市职业技术学院',
		'受理',
		null,
	],
];

describe.each(testDialects())(
	'registry ledger import workflow in the n8n engine (%s)',
	(dialect) => {
		afterAll(() => closeAllStores());

		it('creates, rejects with reasons, writes a report of rejected rows, and updates on a second run', async () => {
			const config = await freshStoreConfig(dialect);
			const store = await openStore(config);
			const actor = { actor: 'test' };
			const school = await organisations.create(
				store,
				{ name: '市职业技术学院', kind: 'school' } as any,
				actor,
			);
			await organisations.create(
				store,
				{ name: '星河智能制造有限公司', kind: 'enterprise' } as any,
				actor,
			);
			const li = await people.create(
				store,
				{
					name: '李老师',
					kind: 'teacher',
					email: 'li@college.edu.cn',
					organisationId: school.id,
				} as any,
				actor,
			);

			const engine = new Engine({ credentials: storeCredentials(config) });
			const { workflow, startNode } = withTestUpload(
				shippedWorkflow('registry-ledger-import.json'),
				'上传台账 Upload Ledger',
				'ledger',
				'ledger.xlsx',
			);
			const file = await xlsx(HEADERS, ROWS);
			const run = await engine.run(workflow, { startNode, items: [{ file }] });
			expect(run.error()).toBeUndefined();

			const results = run.output(IMPORT);
			expect(results.map((r) => r.result)).toEqual([
				'created',
				'created',
				'rejected',
				'rejected',
				'rejected',
				'created',
				'created',
				'rejected',
				'created',
			]);
			const byRow = new Map(results.map((r) => [Number(r['行']), r]));
			expect(byRow.get(3)).toMatchObject({
				字段: 'applicationNo',
				结果: '已拒绝 Rejected',
				原因: expect.stringMatching(/repeats row 1/),
			});
			expect(byRow.get(4)).toMatchObject({
				字段: 'applicationNo',
				原因: expect.stringMatching(/check digit should be/),
			});
			expect(byRow.get(5)).toMatchObject({
				字段: 'filingDate',
				原因: expect.stringMatching(/Filing Date is required/),
			});
			expect(byRow.get(8)).toMatchObject({
				字段: 'type',
				原因: expect.stringMatching(/does not match/),
			});

			const rows = await store.db
				.selectFrom('registry_patent')
				.select(['application_no', 'filing_date', 'status', 'granted_on', 'contact_id', 'type'])
				.orderBy('application_no')
				.execute();
			expect(rows).toEqual(
				[
					{
						application_no: utility,
						filing_date: '2019-05-06',
						status: 'granted',
						granted_on: '2020-01-02',
						contact_id: li.id,
						type: 'utility',
					},
					{
						application_no: invention,
						filing_date: '2023-05-06',
						status: 'substantive',
						granted_on: null,
						contact_id: li.id,
						type: 'invention',
					},
					{
						application_no: xNumber,
						filing_date: '2021-07-01',
						status: 'granted',
						granted_on: '2022-01-31',
						contact_id: null,
						type: 'utility',
					},
					{
						application_no: legacy,
						filing_date: '1998-12-01',
						status: 'expired',
						granted_on: '1999-06-01',
						contact_id: null,
						type: 'utility',
					},
					{
						application_no: dateCell,
						filing_date: '2022-03-15',
						status: 'filed',
						granted_on: null,
						contact_id: li.id,
						type: 'invention',
					},
				].sort((a, b) => a.application_no.localeCompare(b.application_no)),
			);
			const parties = await store.db
				.selectFrom('registry_patent_party')
				.select(['role', 'name', 'organisation_id'])
				.where('role', '=', 'applicant')
				.execute();
			expect(parties.filter((p) => p.organisation_id).length).toBe(parties.length);

			const [report] = run.runs(REPORT)[0][0];
			const book = new ExcelJS.Workbook();
			await book.xlsx.load((await binaryBuffer(report.binary!.report)) as any);
			const sheet = book.worksheets[0];
			const header = (sheet.getRow(1).values as unknown[]).slice(1);
			// The rejection report's columns are Chinese; `result` keeps the value the workflow filters on.
			expect(header).toEqual(
				expect.arrayContaining(['行', '结果', '字段', '原因', 'result', '申请号', '专利名称']),
			);
			expect(header).not.toEqual(expect.arrayContaining(['row']));
			const reasonCol = header.indexOf('原因') + 1;
			const titleCol = header.indexOf('专利名称') + 1;
			const reported = [];
			for (let r = 2; r <= sheet.rowCount; r++)
				reported.push([
					sheet.getRow(r).getCell(titleCol).value,
					String(sheet.getRow(r).getCell(reasonCol).value),
				]);
			expect(reported.map(([t]) => t)).toEqual([
				'一种机床夹具（重复）',
				'校验位错误',
				'缺申请日',
				'类型不符',
			]);
			expect(reported.map(([, reason]) => reason)).toEqual([
				expect.stringMatching(/repeats row 1/),
				expect.stringMatching(/check digit/),
				expect.stringMatching(/Filing Date is required/),
				expect.stringMatching(/does not match/),
			]);

			const again = await engine.run(workflow, { startNode, items: [{ file }] });
			expect(again.output(IMPORT).map((r) => r.result)).toEqual([
				'updated',
				'updated',
				'rejected',
				'rejected',
				'rejected',
				'updated',
				'updated',
				'rejected',
				'updated',
			]);
			const count = await store.db
				.selectFrom('registry_patent')
				.select((eb) => eb.fn.countAll().as('n'))
				.executeTakeFirstOrThrow();
			expect(Number(count.n)).toBe(5);
			await store.close();
		});

		it('routes a project ledger to the project import', async () => {
			const config = await freshStoreConfig(dialect);
			const store = await openStore(config);
			await people.create(
				store,
				{ name: '张教授', kind: 'teacher', email: 'zhang@college.edu.cn' } as any,
				{ actor: 'test' },
			);
			const engine = new Engine({ credentials: storeCredentials(config) });
			const { workflow, startNode } = withTestUpload(
				shippedWorkflow('registry-ledger-import.json'),
				'上传台账 Upload Ledger',
				'ledger',
				'projects.xlsx',
			);
			const file = await xlsx(
				[
					'项目编号',
					'项目名称',
					'项目类别',
					'项目级别',
					'项目来源',
					'项目负责人',
					'开题日期',
					'委托单位',
					'合同编号',
				],
				[
					[
						'ZX-2025-001',
						'产教融合课程体系研究',
						'纵向',
						'市厅级',
						'市教育局',
						'zhang@college.edu.cn',
						'2025年3月1日',
						null,
						null,
					],
					[
						'HX-2025-002',
						'产线视觉检测',
						'横向',
						null,
						null,
						'张教授',
						null,
						'星河智能制造有限公司',
						'HT-2025-17',
					],
					[
						'HX-2025-003',
						'无合同',
						'横向',
						null,
						null,
						'张教授',
						null,
						'星河智能制造有限公司',
						null,
					],
				],
			);
			const run = await engine.run(workflow, { startNode, items: [{ file }] });
			expect(run.error()).toBeUndefined();
			expect(run.output(IMPORT)).toEqual([]);
			const results = run.output(PROJECTS);
			expect(results.map((r) => [r.result, r['字段'] ?? null])).toEqual([
				['created', null],
				['created', null],
				['rejected', 'contractNo'],
			]);
			const milestones = await store.db
				.selectFrom('registry_milestone')
				.select(['kind', 'due_on'])
				.execute();
			expect(milestones).toEqual([{ kind: 'opening', due_on: '2025-03-01' }]);
			await store.close();
		});

		it('imports what real ledgers hold: 已缴至第N年, 费减比例, 期限补偿天数, 原申请号, PCT国际申请日, full-width numbers', async () => {
			const config = await freshStoreConfig(dialect);
			const store = await openStore(config);
			const engine = new Engine({ credentials: storeCredentials(config) });
			const { workflow, startNode } = withTestUpload(
				shippedWorkflow('registry-ledger-import.json'),
				'上传台账 Upload Ledger',
				'ledger',
				'ledger.xlsx',
			);
			// Dates relative to the consortium's today, so the 9th-year fee is always 40 days ahead.
			const today = registryToday('Asia/Shanghai');
			const utilityFiled = addYears(addDays(today, 40), -8);
			const paidThrough = buildPatentNumber(Number(utilityFiled.slice(0, 4)), 2, 8801);
			const fullWidth = [...paidThrough]
				.map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
				.join('');
			const assumedFiled = addYears(addDays(today, 100), -5);
			const assumed = buildPatentNumber(Number(assumedFiled.slice(0, 4)), 2, 8802);
			const parent = buildPatentNumber(2019, 1, 8803);
			const divisional = buildPatentNumber(2021, 1, 8804);
			const file = await xlsx(
				[
					'申请号',
					'专利名称',
					'申请日',
					'法律状态',
					'授权日',
					'已缴至第N年',
					'费减比例',
					'期限补偿天数',
					'原申请号',
					'PCT国际申请日',
				],
				[
					[
						fullWidth,
						'已缴至第8年的实用新型',
						utilityFiled,
						'授权',
						addDays(utilityFiled, 146),
						8,
						'85%',
						null,
						null,
						null,
					],
					[
						'202180012345.7',
						'PCT 进入国家阶段',
						null,
						'实质审查',
						null,
						null,
						null,
						null,
						null,
						'2019-06-10',
					],
					[divisional, '分案申请', '2019-03-05', '受理', null, null, null, 100, parent, null],
					[
						assumed,
						'台账未填已缴年度',
						assumedFiled,
						'授权',
						addDays(assumedFiled, 200),
						null,
						null,
						null,
						null,
						null,
					],
				],
			);
			const run = await engine.run(workflow, { startNode, items: [{ file }] });
			expect(run.error()).toBeUndefined();
			const results = run.output(IMPORT);
			expect(results.map((r) => [r.result, r['结果'], r['原因'] ?? null])).toEqual(
				Array(4).fill(['created', '已新增 Created', null]),
			);

			const rows = new Map(
				(await store.db.selectFrom('registry_patent').selectAll().execute()).map((r) => [
					r.application_no,
					r,
				]),
			);
			// 已缴至第 8 年: year 9 is next, due on the 8th anniversary, 40 days from today; 费减 85 % recorded.
			expect(rows.get(paidThrough)).toMatchObject({
				paid_through_year: 8,
				next_fee_year: 9,
				next_fee_due: addDays(today, 40),
				fee_reduction_rate: 0.85,
				fee_reduction_years: 10,
			});
			expect(rows.get('202180012345.7')).toMatchObject({
				type: 'pct_invention',
				filing_date: '2019-06-10',
				pct_filing_date: '2019-06-10',
				term_expires_on: '2039-06-09',
			});
			expect(rows.get(divisional)).toMatchObject({
				filing_date: '2019-03-05',
				parent_application_no: parent,
				term_extension_days: 100,
				term_expires_on: '2039-06-12',
			});
			// No 已缴至 column: the current patent year (5) is assumed paid and marked 待核实; year 6 is next.
			expect(rows.get(assumed)).toMatchObject({
				paid_through_year: 5,
				paid_through_assumed: 1,
				next_fee_year: 6,
				next_fee_due: addDays(today, 100),
			});
			// Nothing is flagged for termination from missing data.
			const lapsed = await listDeadlines(store, {
				from: '2000-01-01',
				to: addDays(today, -1),
				today,
				kinds: ['grace_end'],
			});
			expect(lapsed).toEqual([]);
			await store.close();
		});
	},
);
