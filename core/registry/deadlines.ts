import { sql } from 'kysely';
import { insertMany } from '../store/insert-many';
import type { Db, Store, Tx } from '../store/store';
import { ValidationError } from '../util/errors';
import { newId } from '../util/id';
import { daysBetween } from '../util/time';
import { requiredDate } from '../util/validate';
import { isPatentEnd } from './lifecycle';
import type { RegistryDeadlineTable, RegistryPatentTable } from './schema';

export const DEADLINE_KINDS = [
	'annual_fee',
	'grace_end',
	'exam_response',
	'milestone',
	'term_expiry',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
	annual_fee: '年费缴纳 Annual Fee',
	grace_end: '滞纳期届满 Grace Period Ends',
	exam_response: '审查意见答复 Examination Response',
	milestone: '项目节点 Project Milestone',
	term_expiry: '专利权届满 Term Expiry',
};

type DeadlineRow = Omit<RegistryDeadlineTable, 'id'>;

/** The open deadlines of one patent row: its next fee and grace end, an exam response, its term end. */
export function patentDeadlineRows(
	p: Pick<
		RegistryPatentTable,
		| 'id'
		| 'application_no'
		| 'title'
		| 'status'
		| 'contact_id'
		| 'next_fee_year'
		| 'next_fee_due'
		| 'grace_ends_on'
		| 'term_expires_on'
		| 'exam_response_due'
		| 'exam_response_note'
	>,
): DeadlineRow[] {
	if (isPatentEnd(p.status)) return [];
	const base = {
		subject_type: 'patent',
		subject_id: p.id,
		subject_no: p.application_no,
		subject_title: p.title,
		owner_id: p.contact_id,
	};
	const rows: DeadlineRow[] = [];
	if (p.status === 'granted') {
		if (p.next_fee_due)
			rows.push({
				...base,
				kind: 'annual_fee',
				due_on: p.next_fee_due,
				detail: `第${p.next_fee_year}年度年费 Year ${p.next_fee_year} fee`,
			});
		if (p.grace_ends_on)
			rows.push({
				...base,
				kind: 'grace_end',
				due_on: p.grace_ends_on,
				detail: `第${p.next_fee_year}年度年费滞纳期届满 Year ${p.next_fee_year} grace period ends`,
			});
		rows.push({ ...base, kind: 'term_expiry', due_on: p.term_expires_on, detail: null });
	} else if (p.exam_response_due) {
		rows.push({
			...base,
			kind: 'exam_response',
			due_on: p.exam_response_due,
			detail: p.exam_response_note,
		});
	}
	return rows;
}

export async function insertDeadlines(tx: Tx, rows: DeadlineRow[]): Promise<void> {
	await insertMany(
		tx,
		'registry_deadline',
		rows.map((r) => ({ id: newId('ddl'), ...r })),
	);
}

export async function replaceDeadlines(
	tx: Tx,
	subjectType: 'patent' | 'project',
	subjectId: string,
	rows: DeadlineRow[],
): Promise<void> {
	await tx
		.deleteFrom('registry_deadline')
		.where('subject_type', '=', subjectType)
		.where('subject_id', '=', subjectId)
		.execute();
	await insertDeadlines(tx, rows);
}

export interface Deadline {
	id: string;
	kind: DeadlineKind;
	kindLabel: string;
	date: string;
	daysLeft: number;
	subjectType: 'patent' | 'project';
	subjectId: string;
	subjectNo: string;
	subjectTitle: string;
	detail: string | null;
	ownerId: string | null;
	ownerName: string | null;
	ownerEmail: string | null;
	/** A grace period that ended unpaid: the patent is to be terminated (终止). */
	flaggedForTermination: boolean;
}

/** The query behind the deadline list: a range on the `(due_on, id)` index, owners by primary key. */
export function deadlineQuery(db: Db | Tx, from: string, to: string, kinds?: DeadlineKind[]) {
	let q = db
		.selectFrom('registry_deadline as d')
		.leftJoin('person as p', 'p.id', 'd.owner_id')
		.select([
			'd.id',
			'd.kind',
			'd.due_on',
			'd.subject_type',
			'd.subject_id',
			'd.subject_no',
			'd.subject_title',
			'd.detail',
			'd.owner_id',
			'p.name as owner_name',
			'p.email as owner_email',
		])
		.where('d.due_on', '>=', from)
		.where('d.due_on', '<=', to);
	if (kinds?.length) q = q.where('d.kind', 'in', kinds);
	return q.orderBy('d.due_on').orderBy('d.id');
}

/**
 * Everything due in `[from, to]` (both inclusive, calendar dates), one item per deadline,
 * with the days left counted from `today` — the date in the consortium's time zone.
 */
export async function listDeadlines(
	store: Store,
	window: { from: unknown; to: unknown; today: string; kinds?: DeadlineKind[] },
): Promise<Deadline[]> {
	const from = requiredDate(window.from, 'from', '起始日期 From');
	const to = requiredDate(window.to, 'to', '截止日期 To');
	if (to < from)
		throw new ValidationError(
			`截止日期 To ${to} is before 起始日期 From ${from} / 日期范围无效`,
			'to',
			'range',
		);
	const rows = await deadlineQuery(store.db, from, to, window.kinds).execute();
	return rows.map((r) => ({
		id: r.id,
		kind: r.kind as DeadlineKind,
		kindLabel: DEADLINE_KIND_LABELS[r.kind as DeadlineKind] ?? r.kind,
		date: r.due_on,
		daysLeft: daysBetween(window.today, r.due_on),
		subjectType: r.subject_type as 'patent' | 'project',
		subjectId: r.subject_id,
		subjectNo: r.subject_no,
		subjectTitle: r.subject_title,
		detail: r.detail,
		ownerId: r.owner_id,
		ownerName: r.owner_name ?? null,
		ownerEmail: r.owner_email ?? null,
		flaggedForTermination: r.kind === 'grace_end' && r.due_on < window.today,
	}));
}

/** The plan each dialect chooses for the window query, as text lines; on PostgreSQL optionally with actual times. */
export async function explainDeadlineQuery(
	store: Store,
	from: string,
	to: string,
	analyse = false,
): Promise<string[]> {
	const compiled = deadlineQuery(store.db, from, to).compile();
	const prefix =
		store.dialect === 'postgres'
			? analyse
				? 'explain analyze '
				: 'explain '
			: 'explain query plan ';
	const result = await sql
		.raw<Record<string, unknown>>(prefix + inline(compiled.sql, compiled.parameters, store.dialect))
		.execute(store.db);
	return result.rows.map((r) => String(r['QUERY PLAN'] ?? r.detail ?? JSON.stringify(r)));
}

function inline(text: string, params: readonly unknown[], dialect: string): string {
	const quote = (v: unknown) => `'${String(v).replace(/'/g, "''")}'`;
	if (dialect === 'postgres')
		return text.replace(/\$(\d+)/g, (_, n) => quote(params[Number(n) - 1]));
	let i = 0;
	return text.replace(/\?/g, () => quote(params[i++]));
}

/** Rebuilds a patent's rows in the deadline index from its stored state. */
export async function refreshPatentDeadlines(tx: Tx, id: string): Promise<void> {
	const row = await tx
		.selectFrom('registry_patent')
		.selectAll()
		.where('id', '=', id)
		.executeTakeFirstOrThrow();
	await replaceDeadlines(tx, 'patent', id, patentDeadlineRows(row));
}
