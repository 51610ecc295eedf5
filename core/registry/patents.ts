import { requirePerson } from '../directory/lookup';
import { writeAudit, type Actor } from '../store/audit';
import { Repository, type EntitySpec } from '../store/repository';
import type { Store, Tx } from '../store/store';
import { transition } from '../store/transition';
import { NotFoundError, StateError, ValidationError } from '../util/errors';
import { newId, nowIso } from '../util/id';
import { optionalDate, optionalNumber, optionalText, requiredDate, requiredText, textList } from '../util/validate';
import { ledgerDate, requiredLedgerDate } from './dates';
import { replaceDeadlines, patentDeadlineRows } from './deadlines';
import { DEFAULT_PATENT_RULES, feeDue, feeSchedule, nextUnpaidFee, patentYearOf, surchargeFor, termExpiresOn, termYears, type PatentRules } from './fees';
import { assertPatentTransition, checkPatentStatus, isPatentEnd, parseStatus, PATENT_STATUS_LABELS, requiresReason, type PatentStatus } from './lifecycle';
import { resolveParties, type Party } from './parties';
import { parsePatentNumber, patentTypeOf, type PatentType } from './patent-number';
import type { RegistryPatentTable } from './schema';

export interface PatentInput {
	applicationNo: string;
	title: string;
	/** Stated type; the number decides, and a stated type that disagrees is refused. */
	type?: string | null;
	filingDate: string;
	status?: string | null;
	statusOn?: string | null;
	grantedOn?: string | null;
	agent?: string | null;
	contactId?: string | null;
	/** Person ids, emails or names, in the order the patent lists them. */
	inventors?: string[] | string | null;
	/** Organisation ids or names: school–enterprise joint patents list several. */
	applicants?: string[] | string | null;
	examResponseDue?: string | null;
	examResponseNote?: string | null;
	courseIds?: string[] | string | null;
	notes?: string | null;
	endReason?: string | null;
}

export interface Patent {
	id: string;
	applicationNo: string;
	patentNo: string | null;
	title: string;
	type: PatentType;
	filingDate: string;
	status: PatentStatus;
	statusLabel: string;
	statusOn: string | null;
	grantedOn: string | null;
	agent: string | null;
	contactId: string | null;
	examResponseDue: string | null;
	examResponseNote: string | null;
	courseIds: string[];
	notes: string | null;
	termExpiresOn: string;
	nextFeeYear: number | null;
	nextFeeDue: string | null;
	graceEndsOn: string | null;
	endReason: string | null;
	inventors?: Party[];
	applicants?: Party[];
	createdAt: string;
	updatedAt: string;
}

type Columns = Omit<RegistryPatentTable, 'id' | 'created_at' | 'updated_at'>;

/**
 * Validates a patent record and computes what is never typed: its type (from the number),
 * term expiry and next fee. Pure, so the bulk import validates thousands of rows without
 * touching the store.
 */
export function patentColumns(input: PatentInput, paidYears: Iterable<number> = [], rules: PatentRules = DEFAULT_PATENT_RULES): Columns {
	const number = parsePatentNumber(input.applicationNo);
	const type = patentTypeOf(number, input.type);
	const filingDate = requiredLedgerDate(input.filingDate, 'filingDate', '申请日 Filing Date');
	if (Number(filingDate.slice(0, 4)) !== number.year) {
		throw new ValidationError(`申请日 Filing Date ${filingDate} is not in ${number.year}, the year application number ${number.applicationNo} encodes / 申请日与申请号年份不符`, 'filingDate', 'mismatch');
	}
	const status = input.status ? parseStatus<PatentStatus>(input.status, PATENT_STATUS_LABELS, 'status', '状态 Status') : 'filed';
	checkPatentStatus(type, status);
	const grantedOn = ledgerDate(input.grantedOn, 'grantedOn', '授权日 Granted On');
	const everGranted = status === 'granted' || ['abandoned', 'terminated', 'expired', 'invalidated'].includes(status);
	if (everGranted && !grantedOn) throw new ValidationError('授权日 Granted On is required for a granted patent / 已授权专利须填授权日', 'grantedOn', 'required');
	if (!everGranted && grantedOn) throw new ValidationError(`授权日 Granted On is given but the status is ${PATENT_STATUS_LABELS[status]} / 未授权专利不应有授权日`, 'grantedOn', 'state');
	if (grantedOn && grantedOn < filingDate) throw new ValidationError(`授权日 Granted On ${grantedOn} is before the filing date ${filingDate} / 授权日早于申请日`, 'grantedOn', 'range');
	const next = status === 'granted' ? nextUnpaidFee({ type, filingDate, grantedOn }, paidYears, rules) : null;
	return {
		application_no: number.applicationNo,
		title: requiredText(input.title, 'title', '专利名称 Title', 300),
		type,
		filing_date: filingDate,
		status,
		status_on: ledgerDate(input.statusOn, 'statusOn', '状态日期 Status Date'),
		granted_on: grantedOn,
		agent: optionalText(input.agent, 'agent', '代理机构 Agent', 200),
		contact_id: optionalText(input.contactId, 'contactId', '负责人 Contact'),
		exam_response_due: ledgerDate(input.examResponseDue, 'examResponseDue', '答复期限 Response Due'),
		exam_response_note: optionalText(input.examResponseNote, 'examResponseNote', '审查意见 Office Action', 1000),
		course_ids: JSON.stringify(textList(input.courseIds, 'courseIds', '关联课程 Courses')),
		notes: optionalText(input.notes, 'notes', '备注 Notes', 2000),
		term_expires_on: termExpiresOn(type, filingDate, rules),
		next_fee_year: next?.year ?? null,
		next_fee_due: next?.dueOn ?? null,
		grace_ends_on: next?.graceEndsOn ?? null,
		end_reason: isPatentEnd(status) ? optionalText(input.endReason, 'endReason', '原因 Reason', 1000) : null,
	};
}

export function patentFromRow(row: RegistryPatentTable): Patent {
	return {
		id: row.id,
		applicationNo: row.application_no,
		patentNo: row.granted_on ? `ZL${row.application_no}` : null,
		title: row.title,
		type: row.type as PatentType,
		filingDate: row.filing_date,
		status: row.status as PatentStatus,
		statusLabel: PATENT_STATUS_LABELS[row.status as PatentStatus],
		statusOn: row.status_on,
		grantedOn: row.granted_on,
		agent: row.agent,
		contactId: row.contact_id,
		examResponseDue: row.exam_response_due,
		examResponseNote: row.exam_response_note,
		courseIds: JSON.parse(row.course_ids || '[]'),
		notes: row.notes,
		termExpiresOn: row.term_expires_on,
		nextFeeYear: row.next_fee_year === null ? null : Number(row.next_fee_year),
		nextFeeDue: row.next_fee_due,
		graceEndsOn: row.grace_ends_on,
		endReason: row.end_reason,
		createdAt: row.created_at,
		updatedAt: row.updated_at,
	};
}

async function paidYearsOf(tx: Tx, patentId: string | undefined): Promise<number[]> {
	if (!patentId) return [];
	const rows = await tx.selectFrom('registry_fee_payment').select('patent_year').where('patent_id', '=', patentId).execute();
	return rows.map((r) => Number(r.patent_year));
}

/** The id of the person a field names, by the directory's one rule; null for none. */
export async function checkPerson(tx: Tx, token: string | null, field: string, label: string): Promise<string | null> {
	return token ? (await requirePerson(tx, token, field, label)).id : null;
}

const spec: EntitySpec<PatentInput, Patent> = {
	table: 'registry_patent',
	entityType: 'patent',
	idPrefix: 'pat',
	async toColumns(input, tx) {
		const columns = patentColumns(input, await paidYearsOf(tx, (input as { id?: string }).id));
		columns.contact_id = await checkPerson(tx, columns.contact_id, 'contactId', '负责人 Contact');
		return columns;
	},
	fromRow: patentFromRow,
	naturalKey(input) {
		try {
			return { column: 'application_no', value: parsePatentNumber(input.applicationNo).applicationNo, field: 'applicationNo' };
		} catch {
			return null;
		}
	},
	referencedBy: [],
	filters: { status: 'status', type: 'type', contactId: 'contact_id', applicationNo: 'application_no' },
};

export const PATENT_SPEC = spec;

/** Inventors and applicants as the item lists them: `"张三、李四"` or an array. */
export function partyList(value: unknown, field: string, label: string): string[] | undefined {
	if (value === undefined) return undefined;
	return textList(value, field, label);
}

export async function writeParties(tx: Tx, patentId: string, inventors: Party[] | undefined, applicants: Party[] | undefined): Promise<void> {
	for (const [role, list] of [['inventor', inventors], ['applicant', applicants]] as const) {
		if (!list) continue;
		await tx.deleteFrom('registry_patent_party').where('patent_id', '=', patentId).where('role', '=', role).execute();
		if (list.length) {
			await tx
				.insertInto('registry_patent_party')
				.values(list.map((p, seq) => ({ id: newId('ppy'), patent_id: patentId, role, seq, person_id: p.personId, organisation_id: p.organisationId, name: p.name })))
				.execute();
		}
	}
}

export async function writeHistory(
	tx: Tx,
	entry: { subjectType: 'patent' | 'project'; subjectId: string; from: string | null; to: string; on: string; reason: string | null; actor: string },
): Promise<void> {
	await tx
		.insertInto('registry_status_history')
		.values({ id: newId('sth'), subject_type: entry.subjectType, subject_id: entry.subjectId, from_status: entry.from, to_status: entry.to, on_date: entry.on, reason: entry.reason, actor: entry.actor, at: nowIso() })
		.execute();
}

/**
 * Patents: the generic repository for the record itself, plus inventors and applicants,
 * status history and the deadline index, all written in the record's transaction.
 */
export class PatentRepository extends Repository<PatentInput, Patent> {
	constructor() {
		super(spec);
	}

	private async resolve(tx: Tx, input: Partial<PatentInput>) {
		const inventorNames = partyList(input.inventors, 'inventors', '发明人 Inventors');
		const applicantNames = partyList(input.applicants, 'applicants', '申请人/专利权人 Applicants');
		const inventors = inventorNames ? (await resolveParties(tx, 'person', [inventorNames], 'inventors'))[0] : undefined;
		const applicants = applicantNames ? (await resolveParties(tx, 'organisation', [applicantNames], 'applicants'))[0] : undefined;
		return { inventors, applicants };
	}

	async createIn(tx: Tx, input: PatentInput, actor: Actor): Promise<Patent> {
		const { inventors, applicants } = await this.resolve(tx, input);
		const contactId = input.contactId || inventors?.find((p) => p.personId)?.personId || null;
		const patent = await super.createIn(tx, { ...input, contactId }, actor);
		await writeParties(tx, patent.id, inventors, applicants);
		await writeHistory(tx, { subjectType: 'patent', subjectId: patent.id, from: null, to: patent.status, on: patent.statusOn ?? patent.filingDate, reason: null, actor: actor.actor });
		await this.refresh(tx, patent.id);
		return { ...patent, inventors: inventors ?? [], applicants: applicants ?? [] };
	}

	async updateIn(tx: Tx, id: string, patch: Partial<PatentInput>, actor: Actor): Promise<Patent> {
		const before = await tx.selectFrom('registry_patent').select(['status']).where('id', '=', id).executeTakeFirst();
		if (!before) throw new NotFoundError('patent', id);
		const { inventors, applicants } = await this.resolve(tx, patch);
		// A new number decides the type afresh, unless the patch states one.
		const retyped = patch.applicationNo !== undefined && patch.type === undefined ? { ...patch, type: null } : patch;
		const patent = await super.updateIn(tx, id, retyped, actor);
		await writeParties(tx, id, inventors, applicants);
		if (patent.status !== before.status) {
			// A ledger correction, not a lifecycle step: recorded so the history stays complete.
			await writeHistory(tx, { subjectType: 'patent', subjectId: id, from: before.status, to: patent.status, on: patent.statusOn ?? nowIso().slice(0, 10), reason: '台账更正 ledger correction', actor: actor.actor });
		}
		await this.refresh(tx, id);
		return this.withParties(tx, patent);
	}

	/** Ledger imports take the registry's own path, which keeps parties, history and deadlines. */
	async bulkUpsert(store: Store, rows: PatentInput[], actor: Actor, batchSize = 500) {
		const { importPatents } = await import('./import');
		return importPatents(store, rows, actor, batchSize);
	}

	/** Rebuilds the patent's rows in the deadline index from its stored state. */
	async refresh(tx: Tx, id: string): Promise<void> {
		const row = await tx.selectFrom('registry_patent').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
		await replaceDeadlines(tx, 'patent', id, patentDeadlineRows(row));
	}

	async withParties(db: Tx, patent: Patent): Promise<Patent> {
		const [withParties] = await this.attachParties(db, [patent]);
		return withParties;
	}

	async attachParties(db: Tx, patents: Patent[]): Promise<Patent[]> {
		if (!patents.length) return patents;
		const rows = await db
			.selectFrom('registry_patent_party')
			.selectAll()
			.where('patent_id', 'in', patents.map((p) => p.id))
			.orderBy('patent_id')
			.orderBy('role')
			.orderBy('seq')
			.execute();
		return patents.map((p) => {
			const mine = rows.filter((r) => r.patent_id === p.id);
			const as = (role: string) => mine.filter((r) => r.role === role).map((r) => ({ personId: r.person_id, organisationId: r.organisation_id, name: r.name }));
			return { ...p, inventors: as('inventor'), applicants: as('applicant') };
		});
	}

	/** The patent with its inventors, applicants, the projects that list it as an output, and its status history. */
	async get(store: Store, id: string) {
		const patent = await this.withParties(store.db as unknown as Tx, await super.get(store, id));
		const [projects, history] = await Promise.all([
			store.db
				.selectFrom('registry_output as o')
				.innerJoin('registry_project as p', 'p.id', 'o.project_id')
				.select(['p.id', 'p.project_no', 'p.name'])
				.where('o.output_type', '=', 'patent')
				.where('o.ref_id', '=', id)
				.orderBy('p.project_no')
				.execute(),
			store.db.selectFrom('registry_status_history').selectAll().where('subject_type', '=', 'patent').where('subject_id', '=', id).orderBy('id').execute(),
		]);
		return {
			...patent,
			projects: projects.map((p) => ({ id: p.id, projectNo: p.project_no, name: p.name })),
			history: history.map((h) => ({ from: h.from_status, to: h.to_status, on: h.on_date, reason: h.reason, actor: h.actor })),
		};
	}

	async list(store: Store, options: Parameters<Repository<PatentInput, Patent>['list']>[1] = {}) {
		const page = await super.list(store, options);
		return { ...page, items: await this.attachParties(store.db as unknown as Tx, page.items) };
	}

	/** A lifecycle step; ends need a date and a reason. Two concurrent steps never both win. */
	async transition(
		store: Store,
		id: string,
		change: { to: unknown; on?: unknown; reason?: unknown },
		actor: Actor,
		today: string,
	): Promise<Patent> {
		return store.transaction(async (tx) => {
			const row = await tx.selectFrom('registry_patent').selectAll().where('id', '=', id).executeTakeFirst();
			if (!row) throw new NotFoundError('patent', id);
			const to = parseStatus<PatentStatus>(change.to, PATENT_STATUS_LABELS, 'to', '目标状态 To Status');
			const type = row.type as PatentType;
			assertPatentTransition(type, row.status as PatentStatus, to);
			const on = optionalDate(change.on, 'on', '日期 Date') ?? today;
			const reason = optionalText(change.reason, 'reason', '原因 Reason', 1000);
			if (requiresReason(to) && !reason) throw new ValidationError(`原因 Reason is required to move to ${PATENT_STATUS_LABELS[to]} / 须填写原因`, 'reason', 'required');
			if (on < row.filing_date) throw new ValidationError(`日期 Date ${on} is before the filing date / 早于申请日`, 'on', 'range');
			const set: Record<string, unknown> = { status_on: on, updated_at: nowIso() };
			if (to === 'granted') {
				const next = nextUnpaidFee({ type, filingDate: row.filing_date, grantedOn: on }, await paidYearsOf(tx, id));
				Object.assign(set, { granted_on: on, next_fee_year: next?.year ?? null, next_fee_due: next?.dueOn ?? null, grace_ends_on: next?.graceEndsOn ?? null });
			}
			if (requiresReason(to)) set.end_reason = reason;
			const won = await transition(tx, { table: 'registry_patent', id, from: row.status, to, set });
			if (!won) throw new StateError(`Patent ${id} changed meanwhile / 状态已被他人修改`, row.status, to);
			await writeHistory(tx, { subjectType: 'patent', subjectId: id, from: row.status, to, on, reason, actor: actor.actor });
			await writeAudit(tx, { ...actor, action: 'transition', entityType: 'patent', entityId: id, changes: { status: [row.status, to], on, reason } });
			await this.refresh(tx, id);
			const after = await tx.selectFrom('registry_patent').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
			return this.withParties(tx, patentFromRow(after));
		});
	}

	/**
	 * Records one year's fee. The surcharge is computed from the payment date; a payment
	 * after the grace period is refused, since the patent has ended.
	 */
	async recordFeePayment(
		store: Store,
		id: string,
		payment: { year?: unknown; paidOn: unknown; amount?: unknown; note?: unknown },
		actor: Actor,
		rules = DEFAULT_PATENT_RULES,
	) {
		return store.transaction(async (tx) => {
			const row = await tx.selectFrom('registry_patent').selectAll().where('id', '=', id).executeTakeFirst();
			if (!row) throw new NotFoundError('patent', id);
			if (row.status !== 'granted' || !row.granted_on) throw new StateError(`Only a granted patent owes annual fees; this one is ${PATENT_STATUS_LABELS[row.status as PatentStatus]} / 仅授权专利缴纳年费`, row.status);
			const type = row.type as PatentType;
			const paidOn = requiredDate(payment.paidOn, 'paidOn', '缴费日期 Paid On');
			const year = optionalNumber(payment.year, 'year', '年度 Patent Year', { integer: true, min: 1 }) ?? row.next_fee_year;
			if (!year) throw new ValidationError('年度 Patent Year: every year of the term is paid / 已缴清', 'year', 'state');
			const first = patentYearOf(row.filing_date, row.granted_on);
			if (year < first || year > termYears(type, row.filing_date, rules)) {
				throw new ValidationError(`年度 Patent Year ${year} is outside the years this patent owes (${first}–${termYears(type, row.filing_date, rules)}) / 年度无效`, 'year', 'range');
			}
			const paidYears = await paidYearsOf(tx, id);
			if (paidYears.includes(year)) throw new ValidationError(`年度 Patent Year ${year} is already paid / 该年度已缴费`, 'year', 'duplicate');
			const fee = feeDue(type, row.filing_date, year, row.granted_on, rules);
			const surcharge = surchargeFor(fee, paidOn, rules);
			const amount = optionalNumber(payment.amount, 'amount', '金额 Amount', { min: 0 }) ?? fee.amount + surcharge.amount;
			const record = {
				id: newId('fee'),
				patent_id: id,
				patent_year: year,
				paid_on: paidOn,
				amount,
				surcharge_rate: surcharge.rate,
				surcharge: surcharge.amount,
				note: optionalText(payment.note, 'note', '备注 Note', 500),
				created_at: nowIso(),
			};
			await tx.insertInto('registry_fee_payment').values(record).execute();
			const next = nextUnpaidFee({ type, filingDate: row.filing_date, grantedOn: row.granted_on }, [...paidYears, year], rules);
			await tx
				.updateTable('registry_patent')
				.set({ next_fee_year: next?.year ?? null, next_fee_due: next?.dueOn ?? null, grace_ends_on: next?.graceEndsOn ?? null, updated_at: nowIso() })
				.where('id', '=', id)
				.execute();
			await writeAudit(tx, { ...actor, action: 'fee_payment', entityType: 'patent', entityId: id, changes: { year, paidOn, amount, surcharge: surcharge.amount } });
			await this.refresh(tx, id);
			return {
				patentId: id,
				applicationNo: row.application_no,
				year,
				paidOn,
				dueOn: fee.dueOn,
				graceEndsOn: fee.graceEndsOn,
				fee: fee.amount,
				surchargeRate: surcharge.rate,
				surcharge: surcharge.amount,
				amount,
				nextFeeYear: next?.year ?? null,
				nextFeeDue: next?.dueOn ?? null,
			};
		});
	}

	/** Each year of the term with due date, grace end, amount and state on `today`. */
	async feeSchedule(store: Store, id: string, today: string, rules = DEFAULT_PATENT_RULES) {
		const row = await store.db.selectFrom('registry_patent').selectAll().where('id', '=', id).executeTakeFirst();
		if (!row) throw new NotFoundError('patent', id);
		const payments = await store.db.selectFrom('registry_fee_payment').selectAll().where('patent_id', '=', id).execute();
		const entries = feeSchedule(
			{ type: row.type as PatentType, filingDate: row.filing_date, grantedOn: row.granted_on },
			payments.map((p) => ({ year: Number(p.patent_year), paidOn: p.paid_on, amount: Number(p.amount), surcharge: Number(p.surcharge) })),
			today,
			rules,
		);
		const flagged = row.status === 'granted' && entries.some((e) => e.state === 'unpaid_after_grace');
		return { entries, flaggedForTermination: flagged };
	}

	/** Granted patents whose grace period passed unpaid: to be terminated (终止). */
	async flaggedForTermination(store: Store, today: string): Promise<Patent[]> {
		const rows = await store.db.selectFrom('registry_patent').selectAll().where('status', '=', 'granted').where('grace_ends_on', '<', today).orderBy('grace_ends_on').execute();
		return rows.map(patentFromRow);
	}
}

export const patents = new PatentRepository();
