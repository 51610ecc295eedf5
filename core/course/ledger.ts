import type { Store, Tx } from '../store/store';
import { nowIso } from '../util/id';
import type { SheetData } from '../util/xlsx';
import { viewCourses, type CourseView } from './view';

export const LEDGER_SHEET = '课程共建台账';

/** The ledger's columns, as the secretariat's sheet has always had them. */
const COLUMNS: Array<[string, (c: CourseView, requestNumber: string) => string | number]> = [
	['课程代码', (c) => c.code],
	['课程名称', (c) => c.name],
	['课程类型', (c) => String(c['课程类型'])],
	['学分', (c) => c.credits],
	['理论学时', (c) => c.hoursTheory],
	['实践学时', (c) => c.hoursPractice],
	['总学时', (c) => c.hoursTotal],
	['合作企业', (c) => c.partnerNames],
	['企业负责人', (c) => c.enterpriseLeadName],
	['企业授课比例', (c) => `${Math.round(c.enterpriseShare * 100)}%`],
	['课程团队', (c) => c.teamNames],
	['计划成果', (c) => String(c['计划成果'] ?? '')],
	['开课学期', (c) => c.startTerm],
	['申报人', (c) => c.submitterName],
	['立项日期', (c) => c.approvedOn],
	['审批编号', (_c, n) => n],
	['课程 ID', (c) => c.id],
];

/** Every course that reached 立项, whatever happened to it since, in the order it was approved. */
async function approvedCourses(
	tx: Tx,
): Promise<{ views: CourseView[]; numbers: Map<string, string> }> {
	const rows = await tx
		.selectFrom('course')
		.selectAll()
		.where('approved_on', 'is not', null)
		.orderBy('approved_on')
		.orderBy('code')
		.execute();
	const views = await viewCourses(tx, rows);
	const numbers = new Map<string, string>();
	if (rows.length) {
		const requests = await tx
			.selectFrom('approval_request')
			.select(['subject_id', 'number'])
			.where('subject_type', '=', 'course')
			.where('status', '=', 'approved')
			.where(
				'subject_id',
				'in',
				rows.map((r) => r.id),
			)
			.execute();
		for (const r of requests) if (r.subject_id) numbers.set(r.subject_id, r.number);
	}
	return { views, numbers };
}

/**
 * The ledger is derived from the store, never read back and patched: each call rebuilds the
 * whole sheet. It holds the store's ledger lock (a row written first in its transaction) while
 * `write` runs, so concurrent approvals write one after another and the last writer's sheet
 * already holds every course committed before it — no row can be lost to a stale copy.
 */
export async function withCourseLedger<T>(
	store: Store,
	write: (sheet: SheetData) => Promise<T>,
): Promise<T> {
	return store.transaction(async (tx) => {
		await tx
			.insertInto('setting')
			.values({ key: 'lock:course_ledger', value: nowIso() })
			.onConflict((oc) => oc.column('key').doUpdateSet({ value: nowIso() }))
			.execute();
		const { views, numbers } = await approvedCourses(tx);
		const sheet: SheetData = {
			name: LEDGER_SHEET,
			rows: [
				COLUMNS.map(([h]) => h),
				...views.map((c) => COLUMNS.map(([, value]) => value(c, numbers.get(c.id) ?? ''))),
			],
		};
		return write(sheet);
	});
}
