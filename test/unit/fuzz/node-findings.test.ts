/**
 * What the engine fuzz suites (test/engine/fuzz) found in the Course, Exchange and Registry
 * operations, each pinned here where it was fixed: in the validators, the core modules, the
 * store and the nodes' shared parameter readers.
 */
import ExcelJS from 'exceljs';
import { NodeOperationError, type IExecuteFunctions, type INode } from 'n8n-workflow';
import { courses, deliverables, resolveRules } from '../../../core/course';
import { referenceList } from '../../../core/course/lists';
import { organisations } from '../../../core/directory';
import {
	assertTransition,
	complianceRules,
	complianceWorkbook,
	createEngagement,
	listEngagements,
	listPlacements,
	PLACEMENT_TRANSITIONS,
	stations,
	WorkbookItemError,
} from '../../../core/exchange';
import {
	parsePatentNumber,
	parseStatus,
	patents,
	PROJECT_STATUS_LABELS,
	projects,
} from '../../../core/registry';
import { closeAllStores, openStore, type Store } from '../../../core/store';
import { NotFoundError, StateError, ValidationError } from '../../../core/util/errors';
import {
	batchSize,
	choiceList,
	filterValue,
	optionalDate,
	optionalNumber,
	quoted,
	requiredId,
} from '../../../core/util/validate';
import { MAX_CELL_TEXT, writeXlsx } from '../../../core/util/xlsx';
import { withRowColumns } from '../../../nodes/Registry/v1/actions/common';
import { toNodeError } from '../../../nodes/shared/errors';
import { readBatchSize, readId, readPaging } from '../../../nodes/shared/params';
import { actor, seedDirectory, validProposal, type Directory } from '../../helpers/course';
import { freshStoreConfig, testDialects } from '../../helpers/dialects';
import { applicationNo } from '../../fuzz/targets';

/** The ValidationError `fn` throws (or a failure saying what it threw instead). */
function refusal(fn: () => unknown): ValidationError {
	try {
		fn();
	} catch (error) {
		if (error instanceof ValidationError) return error;
		throw new Error(
			`expected a ValidationError, got ${(error as Error)?.name}: ${(error as Error)?.message}`,
		);
	}
	throw new Error('expected a ValidationError, nothing was thrown');
}

const NODE = {
	id: 'n',
	name: 'Op',
	type: 'n8n-nodes-consortium.course',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
} as INode;

/** Enough of IExecuteFunctions for the parameter readers: parameters of item 0 from a plain object. */
function ctxWith(parameters: Record<string, unknown>): IExecuteFunctions {
	return {
		getNodeParameter: (name: string, _i: number, fallback?: unknown) =>
			name in parameters ? parameters[name] : fallback,
		getNode: () => NODE,
	} as unknown as IExecuteFunctions;
}

describe('values quoted in error messages', () => {
	it('a 100,000-character id or status is cut; an object is named by its kind, never converted', () => {
		expect(new NotFoundError('course', 'x'.repeat(100_000)).message.length).toBeLessThan(120);
		expect(new NotFoundError('course', { toString: 'not a function' } as never).message).toBe(
			'未找到课程 对象 an object / course not found',
		);
		expect(quoted(['a', { x: 1 }])).toBe('列表 a list');
		expect(refusal(() => parsePatentNumber('中'.repeat(20_000))).message.length).toBeLessThan(200);
		expect(
			refusal(() =>
				parseStatus('中'.repeat(20_000), PROJECT_STATUS_LABELS, 'to', '目标状态 To Status'),
			).message.length,
		).toBeLessThan(300);
	});
});

describe('record ids, filters, paging and batch sizes', () => {
	it('an id must be text of at most 100 characters: an object, a list or a missing id is refused naming the parameter', () => {
		for (const junk of [
			{ a: 1 },
			['crs_1'],
			[],
			undefined,
			'',
			'   ',
			'x'.repeat(101),
			'nul\u0000byte',
		]) {
			expect(refusal(() => requiredId(junk, 'id', '记录 ID Record ID')).field).toBe('id');
		}
		expect(requiredId(' crs_01 ', 'id', 'ID')).toBe('crs_01');
		expect(readId(ctxWith({ placementId: ' plc_1 ' }), 0, 'placementId')).toBe('plc_1');
		expect(refusal(() => readId(ctxWith({ id: { $ne: null } }), 0)).field).toBe('id');
	});

	it('a filter value is text, or not set', () => {
		expect(filterValue(undefined, 'status', 'S')).toBeNull();
		expect(filterValue('', 'status', 'S')).toBeNull();
		expect(filterValue(' draft ', 'status', 'S')).toBe('draft');
		for (const junk of [{ toString: 'not a function' }, ['a'], true, 'x'.repeat(201)])
			expect(refusal(() => filterValue(junk, 'status', 'S')).field).toBe('status');
	});

	it('Return All is a yes or no and Limit a whole number from 1; a missing limit is the default', () => {
		expect(readPaging(ctxWith({ returnAll: false, limit: 3 }), 0)).toEqual({
			returnAll: false,
			limit: 3,
		});
		expect(readPaging(ctxWith({ returnAll: '是' }), 0)).toEqual({
			returnAll: true,
			limit: Infinity,
		});
		expect(readPaging(ctxWith({ returnAll: false, limit: undefined }), 0)).toEqual({
			returnAll: false,
			limit: 50,
		});
		expect(refusal(() => readPaging(ctxWith({ returnAll: 'Ω≈ç' }), 0)).field).toBe('returnAll');
		for (const junk of ['2024-02-29T25:61:00Z', 0, 1.5, { x: 1 }, -1])
			expect(refusal(() => readPaging(ctxWith({ returnAll: false, limit: junk }), 0)).field).toBe(
				'limit',
			);
	});

	it('a batch size of 0 (which never advanced) or text (which skipped every row) is refused, by core and by the node naming item 0', async () => {
		expect(batchSize(undefined)).toBe(500);
		expect(batchSize('25')).toBe(25);
		for (const junk of [0, -5, 'abc', 1.5, { x: 1 }])
			expect(refusal(() => batchSize(junk)).field).toBe('batchSize');
		let thrown: unknown;
		try {
			readBatchSize(ctxWith({ batchSize: 0 }));
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(NodeOperationError);
		expect([
			(thrown as NodeOperationError).message.startsWith('第 1 项 Item 1：'),
			(thrown as NodeOperationError).description,
		]).toEqual([true, '字段 Field: batchSize']);
	});

	it('a multi-options value from an expression is checked entry by entry', () => {
		const kinds = ['annual_fee', 'milestone', 'exam_response'] as const;
		expect(choiceList('annual_fee, milestone、annual_fee', 'kinds', 'K', kinds)).toEqual([
			'annual_fee',
			'milestone',
		]);
		expect(choiceList([], 'kinds', 'K', kinds)).toEqual([]);
		expect(
			refusal(() => choiceList("1' UNION SELECT id, actor FROM audit --", 'kinds', 'K', kinds))
				.field,
		).toBe('kinds[0]');
		expect(refusal(() => choiceList({ toString: 'x' }, 'kinds', 'K', kinds)).field).toBe('kinds');
	});
});

describe('loose numbers, dates and lists', () => {
	it('blank text is no number (it was read as 0)', () => {
		expect(optionalNumber('   ', 'budget', 'B', { min: 0 })).toBeNull();
		expect(optionalNumber(' 12.5 ', 'budget', 'B', { min: 0 })).toBe(12.5);
	});

	it('the time after a date must be a time, and a date lies in 1900–2199 (date arithmetic beyond it never ends)', () => {
		for (const junk of [
			'2024-02-29T25:61:00Z',
			'2024-02-29T12:00:99',
			'2024-02-29 lunch',
			'9999-12-31',
			'0001-01-01',
			'1899-12-31',
			'2200-01-01',
		]) {
			expect(refusal(() => optionalDate(junk, 'asOf', 'As Of')).field).toBe('asOf');
		}
		// An instant is the day it falls on in the consortium zone: 23:59 UTC is 07:59 the next morning in Beijing.
		expect(optionalDate('2024-02-29T23:59:00Z', 'd', 'D')).toBe('2024-03-01');
		expect(optionalDate('2024-02-29T23:59:00Z', 'd', 'D', 'UTC')).toBe('2024-02-29');
		expect(optionalDate('2026-12-01T08:00:00.000+08:00', 'd', 'D')).toBe('2026-12-01');
		expect(optionalDate('2026-12-01 08:00', 'd', 'D')).toBe('2026-12-01');
		expect(optionalDate(new Date('2026-12-01T00:00:00Z'), 'd', 'D')).toBe('2026-12-01');
		expect(refusal(() => optionalDate(new Date('yesterday'), 'd', 'D')).field).toBe('d');
		expect(optionalDate('1900-01-01', 'd', 'D')).toBe('1900-01-01');
	});

	it('an object inside a reference list is refused naming its entry, not silently dropped', () => {
		expect(referenceList(['a@x.cn', 'b@x.cn'], 'team', 'T')).toEqual(['a@x.cn', 'b@x.cn']);
		expect(refusal(() => referenceList(['<script>', { x: 1 }], 'team', 'T')).field).toBe('team[1]');
	});
});

describe('rules, statuses and transitions given junk', () => {
	it('course rules: an object is refused (it was a TypeError), [] and blank are not 0, a yes/no must be one', () => {
		expect(
			refusal(() => resolveRules({ minTeamSize: { toString: 'not a function', valueOf: 1 } }))
				.field,
		).toBe('rules.minTeamSize');
		expect(refusal(() => resolveRules({ maxTeamSize: [] })).field).toBe('rules.maxTeamSize');
		expect(resolveRules({ minTeamSize: '  ' }).minTeamSize).toBe(4);
		expect(refusal(() => resolveRules({ leadFromPartner: '<script>' })).field).toBe(
			'rules.leadFromPartner',
		);
		expect(resolveRules({ leadFromPartner: 'false' }).leadFromPartner).toBe(false);
	});

	it('compliance: a cycle anchor that is no date is refused (2023/02/29 made the five-year report loop forever)', () => {
		for (const junk of ['2023/02/29', '0000-00-00', '1e12', '   ', { x: 1 }])
			expect(refusal(() => complianceRules({ cycleAnchor: junk })).field).toBe('rules.cycleAnchor');
		expect(complianceRules({ cycleAnchor: '2016年5月11日' }).cycleAnchor).toBe('2016-05-11');
		expect(complianceRules({}).cycleAnchor).toBe('2016-05-11');
	});

	it('exchange: an unknown target status is a bad input naming the field; inherited names are no status', () => {
		for (const junk of ['flying', 'constructor', '__proto__', { x: 1 }, ['approved']]) {
			const error = refusal(() => assertTransition(PLACEMENT_TRANSITIONS, 'P', 'planned', junk));
			expect([error.field, error.message.includes('[object Object]')]).toEqual(['status', false]);
		}
		expect(() => assertTransition(PLACEMENT_TRANSITIONS, 'P', 'planned', 'closed')).toThrow(
			StateError,
		);
	});

	it('registry: `toString` or `constructor` is no status (a project could be stored with status "toString")', () => {
		for (const junk of ['toString', 'constructor', 'hasOwnProperty'])
			expect(refusal(() => parseStatus(junk, PROJECT_STATUS_LABELS, 'status', 'S')).field).toBe(
				'status',
			);
		expect(parseStatus('结题', PROJECT_STATUS_LABELS, 'status', 'S')).toBe('closed');
	});
});

describe('node output', () => {
	it('a refused step and a record not found say so in the error description, as a field does', () => {
		expect(toNodeError(NODE, new StateError('no', 'draft', 'approved'), 2).description).toBe(
			'状态 State: draft',
		);
		expect(toNodeError(NODE, new NotFoundError('course', 'x'), 0).description).toBe(
			'记录 Record: course',
		);
		expect(toNodeError(NODE, new ValidationError('bad', 'credits'), 0)).toMatchObject({
			message: '第 1 项 Item 1：bad',
			description: '字段 Field: credits',
		});
	});

	it("an import row's columns follow its result without overwriting it (a corrected report of rejected rows has result and reason columns)", () => {
		const row = JSON.parse(
			'{"result": "rejected", "reason": "old", "id": "junk", "专利号": "2017", "__proto__": {"x": 1}}',
		);
		const out = withRowColumns(
			{ row: 1, result: 'created', id: 'pat_1', field: null, reason: null },
			row,
		);
		expect(out).toMatchObject({
			row: 1,
			result: 'created',
			id: 'pat_1',
			reason: null,
			专利号: '2017',
		});
		expect(Object.hasOwn(out, '__proto__')).toBe(true);
		expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
	});

	it("compliance workbook: an object in a cell names its item and column; text beyond Excel's cell limit is cut", async () => {
		const item = { report: 'fiveYear', name: '张一', department: { x: 1 } };
		let thrown: unknown;
		try {
			complianceWorkbook([{ report: 'stationUse', station: '站' }, item]);
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(WorkbookItemError);
		expect([(thrown as WorkbookItemError).itemIndex, (thrown as WorkbookItemError).field]).toEqual([
			1,
			'department',
		]);
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(writeXlsx([{ name: 'S', rows: [['h'], ['x'.repeat(100_000)]] }]) as never);
		expect(String(book.worksheets[0].getCell('A2').value).length).toBe(MAX_CELL_TEXT);
	});
});

describe.each(testDialects())('store paths given junk (%s)', (dialect) => {
	let store: Store;
	let dir: Directory;
	beforeAll(async () => {
		store = await openStore(await freshStoreConfig(dialect));
		dir = await seedDirectory(store);
	});
	afterAll(async () => {
		await store.close();
		await closeAllStores();
	});

	it('an engagement names its technician by email and its enterprise by name, and stores their ids (it was a foreign-key error)', async () => {
		const e = await createEngagement(
			store,
			{
				technicianId: 'Wang@Acme.example.com',
				enterpriseId: dir.acme.name,
				course: '工业机器人编程',
				term: '2025-2026-1',
			},
			actor,
		);
		expect([e.technicianId, e.enterpriseId, e.technicianName, e.enterpriseName]).toEqual([
			dir.lead.id,
			dir.acme.id,
			'王师傅',
			dir.acme.name,
		]);
	});

	it('a station names its enterprise by registered name and stores its id (it was a foreign-key error)', async () => {
		const station = await stations.create(
			store,
			{ name: '按名称登记的站点', organisationId: dir.acme.name, capacity: 2 },
			actor,
		);
		expect(station.organisationId).toBe(dir.acme.id);
		const [row] = await stations.bulkUpsert(
			store,
			[{ name: '按名称导入的站点', organisationId: ` ${dir.beta.name} `, capacity: 1 }],
			actor,
		);
		expect([row.result, (await stations.get(store, row.id!)).organisationId]).toEqual([
			'created',
			dir.beta.id,
		]);
	});

	it('a station renamed to a name given as a number that is taken is refused naming the name (it was a unique-constraint error)', async () => {
		await stations.create(
			store,
			{ name: 0 as never, organisationId: dir.acme.id, capacity: 1 },
			actor,
		);
		const other = await stations.create(
			store,
			{ name: '数字名称之外', organisationId: dir.acme.id, capacity: 1 },
			actor,
		);
		const error = await refusalOf(stations.update(store, other.id, { name: 0 as never }, actor));
		expect([error.field, error.message]).toEqual([
			'name',
			expect.stringMatching(/"0" is already used/),
		]);
		expect((await stations.get(store, other.id)).name).toBe('数字名称之外');
	});

	it('a whole number beyond what an integer column holds is refused naming its field (a capacity of 2147483648 was a driver error on PostgreSQL, found by seed 12719439)', async () => {
		const error = await refusalOf(
			stations.create(
				store,
				{ name: '容量过大的站点', organisationId: dir.acme.id, capacity: 2_147_483_648 },
				actor,
			),
		);
		expect([error.field, error.code]).toEqual(['capacity', 'range']);
		const largest = await stations.create(
			store,
			{ name: '容量最大的站点', organisationId: dir.acme.id, capacity: 2_147_483_647 },
			actor,
		);
		expect((await stations.get(store, largest.id)).capacity).toBe(2_147_483_647);
	});

	it('an upsert looks its key up only once it is valid text (a NUL in a station name was a driver error on PostgreSQL)', async () => {
		const error = await refusalOf(
			stations.upsert(
				store,
				{ name: 'nul\u0000byte', organisationId: dir.acme.id, capacity: 1 },
				actor,
			),
		);
		expect([error.field, error.code]).toEqual(['name', 'control_chars']);
	});

	it('list filters given an object or a list are refused naming the filter (they were driver errors)', async () => {
		const junk = { toString: 'not a function', valueOf: 1 };
		expect(
			(await refusalOf(stations.list(store, { filters: { organisationId: junk } }))).field,
		).toBe('organisationId');
		expect(
			(await refusalOf(deliverables.list(store, { filters: { courseId: ['a', 'b'] } }))).field,
		).toBe('courseId');
		expect((await refusalOf(projects.list(store, { filters: { status: junk } }))).field).toBe(
			'status',
		);
		expect((await refusalOf(listPlacements(store, { filters: { teacherId: junk } }))).field).toBe(
			'teacherId',
		);
		expect((await refusalOf(listEngagements(store, { filters: { term: [] } }))).field).toBe('term');
		const statusList = await refusalOf(courses.list(store, { status: ['a', 1, null, { x: 1 }] }));
		expect([statusList.field, statusList.message.includes('[object Object]')]).toEqual([
			'status',
			false,
		]);
		expect((await refusalOf(courses.list(store, { code: junk }))).field).toBe('code');
	});

	it("an id inside a record given to create or update is not the record's: update keeps its own, create makes one (an id list was an SQL syntax error, found by seed 985781553)", async () => {
		const input = {
			applicationNo: applicationNo(2021, 9_500_001),
			title: '一种夹具',
			filingDate: '2021-03-04',
			inventors: dir.lead.email,
			applicants: dir.college.name,
		};
		const created = await patents.create(
			store,
			{ ...input, id: 'pat_chosen_by_caller' } as never,
			actor,
		);
		expect(created.id).not.toBe('pat_chosen_by_caller');
		const updated = await patents.update(
			store,
			created.id,
			{ title: '一种改进的夹具', id: [] } as never,
			actor,
		);
		expect([updated.id, updated.title]).toEqual([created.id, '一种改进的夹具']);
		expect((await patents.get(store, created.id)).title).toBe('一种改进的夹具');
	});

	it('planned deliverables given an object are refused as not text, never read as "[object Object]" (found by seed 131867860)', async () => {
		const junk = { ['__proto__']: { polluted: true }, constructor: { prototype: { x: 1 } } };
		const error = await refusalOf(
			courses.create(
				store,
				validProposal(dir, { code: 'FINDING-OBJ', plannedDeliverables: junk }),
				{ actor, timeZone: 'Asia/Shanghai' },
			),
		);
		expect([error.field, error.code, error.message.includes('[object Object]')]).toEqual([
			'plannedDeliverables',
			'type',
			false,
		]);
	});

	it('a course submitted with a junk Enter Approval is refused and stays a draft', async () => {
		const course = await courses.create(store, validProposal(dir, { code: 'FINDING-1' }), {
			actor,
			timeZone: 'Asia/Shanghai',
		});
		expect(
			(
				await refusalOf(
					courses.submit(
						store,
						course.id,
						{ enterApproval: 'javascript:window.__pwned=1' },
						{ actor, timeZone: 'Asia/Shanghai' },
					),
				)
			).field,
		).toBe('enterApproval');
		expect((await courses.get(store, course.id)).status).toBe('draft');
	});

	it('bulk writes refuse a batch size of 0 before touching a row', async () => {
		const before = await organisations.list(store, { limit: 1000 });
		expect(
			(
				await refusalOf(
					organisations.bulkUpsert(store, [{ name: '某公司', kind: 'enterprise' }], actor, 0),
				)
			).field,
		).toBe('batchSize');
		expect((await refusalOf(projects.bulkUpsert(store, [], actor, 'abc' as never))).field).toBe(
			'batchSize',
		);
		expect((await organisations.list(store, { limit: 1000 })).items.length).toBe(
			before.items.length,
		);
	});

	if (dialect === 'sqlite') {
		it('an object reaching an SQLite query is a clear error, not "Unknown named parameter"', async () => {
			const error = await refusalOf(
				store.db
					.selectFrom('course')
					.selectAll()
					.where('id', '=', { a: 1 } as never)
					.execute(),
			);
			expect([error.field, error.message]).toEqual([
				'value',
				expect.stringMatching(/list or an object/),
			]);
		});
	}
});

async function refusalOf(promise: Promise<unknown>): Promise<ValidationError> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof ValidationError) return error;
		throw new Error(
			`expected a ValidationError, got ${(error as Error)?.name}: ${(error as Error)?.message}`,
		);
	}
	throw new Error('expected a ValidationError, nothing was thrown');
}
