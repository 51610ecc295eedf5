import { requirePerson } from '../directory/lookup';
import { writeAudit, type Actor } from '../store/audit';
import { Repository, type BulkRowResult, type EntitySpec } from '../store/repository';
import type { Store, Tx } from '../store/store';
import { transition } from '../store/transition';
import { NotFoundError, StateError, ValidationError } from '../util/errors';
import { newId, nowIso } from '../util/id';
import { addMonths, addYears } from '../util/time';
import { optionalDate, optionalText, textList } from '../util/validate';
import { registryToday } from './dates';
import { refreshPatentDeadlines } from './deadlines';
import { DEFAULT_PATENT_RULES, nextUnpaidFee, type PatentRules } from './fees';
import { readHistory, writeHistory } from './history';
import {
	assertPatentTransition,
	parseStatus,
	PATENT_STATUS_LABELS,
	requiresReason,
	type PatentStatus,
} from './lifecycle';
import { resolveParties, type Party } from './parties';
import {
	paidYearsOf,
	patentFeeSchedule,
	patentsFlaggedForTermination,
	recordFeePayment,
} from './patent-fees';
import { parsePatentNumber, PATENT_TYPE_LABELS } from './patent-number';
import {
	applicantsRole,
	feePatentOf,
	PAID_THROUGH_ASSUMED_NOTE,
	patentColumns,
	requirePatentRow,
	type Patent,
	type PatentInput,
} from './patent-record';
import { upsertRows } from './rows';
import type { RegistryPatentTable } from './schema';

export function patentFromRow(row: RegistryPatentTable): Patent {
	const assumed = Number(row.paid_through_assumed ?? 0) === 1;
	return {
		id: row.id,
		applicationNo: row.application_no,
		patentNo: row.granted_on ? `ZL${row.application_no}` : null,
		title: row.title,
		type: row.type as Patent['type'],
		typeLabel: PATENT_TYPE_LABELS[row.type as Patent['type']] ?? row.type,
		filingDate: row.filing_date,
		parentApplicationNo: row.parent_application_no ?? null,
		pctFilingDate: row.pct_filing_date ?? null,
		status: row.status as PatentStatus,
		statusLabel: PATENT_STATUS_LABELS[row.status as PatentStatus],
		statusOn: row.status_on,
		grantedOn: row.granted_on,
		restoredOn: row.restored_on ?? null,
		applicantsRole: applicantsRole(row.status as PatentStatus),
		agent: row.agent,
		contactId: row.contact_id,
		examResponseDue: row.exam_response_due,
		examResponseNote: row.exam_response_note,
		courseIds: JSON.parse(row.course_ids || '[]'),
		notes: row.notes,
		termExtensionDays: Number(row.term_extension_days ?? 0),
		termExpiresOn: row.term_expires_on,
		paidThroughYear:
			row.paid_through_year === null || row.paid_through_year === undefined
				? null
				: Number(row.paid_through_year),
		paidThroughAssumed: assumed,
		paidThroughNote: assumed ? PAID_THROUGH_ASSUMED_NOTE : null,
		feeReductionRate:
			row.fee_reduction_rate === null || row.fee_reduction_rate === undefined
				? null
				: Number(row.fee_reduction_rate),
		feeReductionYears:
			row.fee_reduction_years === null || row.fee_reduction_years === undefined
				? null
				: Number(row.fee_reduction_years),
		nextFeeYear: row.next_fee_year === null ? null : Number(row.next_fee_year),
		nextFeeDue: row.next_fee_due,
		graceEndsOn: row.grace_ends_on,
		endReason: row.end_reason,
		createdAt: row.created_at,
		updatedAt: row.updated_at,
	};
}

/** The id of the person a field names, by the directory's one rule; null for none. */
export async function checkPerson(
	tx: Tx,
	token: string | null,
	field: string,
	label: string,
): Promise<string | null> {
	return token ? (await requirePerson(tx, token, field, label)).id : null;
}

const spec: EntitySpec<PatentInput, Patent> = {
	table: 'registry_patent',
	entityType: 'patent',
	idPrefix: 'pat',
	async toColumns(input, tx) {
		// An update merges the stored record, which carries its id; a create never does.
		const id = (input as { id?: string }).id;
		const columns = patentColumns(input, await paidYearsOf(tx, id), DEFAULT_PATENT_RULES, !id);
		columns.contact_id = await checkPerson(tx, columns.contact_id, 'contactId', '负责人 Contact');
		return columns;
	},
	fromRow: patentFromRow,
	naturalKey(input) {
		try {
			return {
				column: 'application_no',
				value: parsePatentNumber(input.applicationNo).applicationNo,
				field: 'applicationNo',
			};
		} catch {
			return null;
		}
	},
	referencedBy: [],
	filters: {
		status: 'status',
		type: 'type',
		contactId: 'contact_id',
		applicationNo: 'application_no',
	},
};

export const PATENT_SPEC = spec;

/** Inventors and applicants as the item lists them: `"张三、李四"` or an array. */
export function partyList(value: unknown, field: string, label: string): string[] | undefined {
	if (value === undefined) return undefined;
	return textList(value, field, label);
}

export async function writeParties(
	tx: Tx,
	patentId: string,
	inventors: Party[] | undefined,
	applicants: Party[] | undefined,
): Promise<void> {
	for (const [role, list] of [
		['inventor', inventors],
		['applicant', applicants],
	] as const) {
		if (!list) continue;
		await tx
			.deleteFrom('registry_patent_party')
			.where('patent_id', '=', patentId)
			.where('role', '=', role)
			.execute();
		if (list.length) {
			await tx
				.insertInto('registry_patent_party')
				.values(
					list.map((p, seq) => ({
						id: newId('ppy'),
						patent_id: patentId,
						role,
						seq,
						person_id: p.personId,
						organisation_id: p.organisationId,
						name: p.name,
					})),
				)
				.execute();
		}
	}
}

/** `恢复`, `恢复权利` or `restore` as a transition target: back to granted from termination. */
const RESTORE_WORDS = new Set(['restore', 'restored', '恢复', '恢复权利', '恢复 Restore']);

function isRestore(value: unknown): boolean {
	return typeof value === 'string' && RESTORE_WORDS.has(value.normalize('NFKC').trim());
}

/**
 * Patents: the generic repository for the record itself, plus inventors and applicants,
 * status history and the deadline index, all written in the record's transaction. Fee
 * accounting is in `patent-fees.ts`; ledger imports in `import.ts`, which the node calls.
 */
export class PatentRepository extends Repository<PatentInput, Patent> {
	constructor() {
		super(spec);
	}

	private async resolve(tx: Tx, input: Partial<PatentInput>) {
		const inventorNames = partyList(input.inventors, 'inventors', '发明人 Inventors');
		const applicantNames = partyList(input.applicants, 'applicants', '申请人/专利权人 Applicants');
		const inventors = inventorNames
			? (await resolveParties(tx, 'person', [inventorNames], 'inventors'))[0]
			: undefined;
		const applicants = applicantNames
			? (await resolveParties(tx, 'organisation', [applicantNames], 'applicants'))[0]
			: undefined;
		return { inventors, applicants };
	}

	async createIn(tx: Tx, input: PatentInput, actor: Actor): Promise<Patent> {
		const { inventors, applicants } = await this.resolve(tx, input);
		const contactId = input.contactId || inventors?.find((p) => p.personId)?.personId || null;
		const patent = await super.createIn(tx, { ...input, contactId }, actor);
		await writeParties(tx, patent.id, inventors, applicants);
		await writeHistory(tx, {
			subjectType: 'patent',
			subjectId: patent.id,
			from: null,
			to: patent.status,
			on: patent.statusOn ?? patent.filingDate,
			reason: null,
			actor: actor.actor,
		});
		await refreshPatentDeadlines(tx, patent.id);
		return { ...patent, inventors: inventors ?? [], applicants: applicants ?? [] };
	}

	async updateIn(tx: Tx, id: string, patch: Partial<PatentInput>, actor: Actor): Promise<Patent> {
		const before = await tx
			.selectFrom('registry_patent')
			.select(['status'])
			.where('id', '=', id)
			.executeTakeFirst();
		if (!before) throw new NotFoundError('patent', id);
		const { inventors, applicants } = await this.resolve(tx, patch);
		// A new number decides the type afresh, unless the patch states one.
		let given: Partial<PatentInput> =
			patch.applicationNo !== undefined && patch.type === undefined
				? { ...patch, type: null }
				: patch;
		// A stated paid-through year replaces an assumed one.
		if (patch.paidThroughYear !== undefined) given = { ...given, paidThroughAssumed: false };
		const patent = await super.updateIn(tx, id, given, actor);
		await writeParties(tx, id, inventors, applicants);
		if (patent.status !== before.status) {
			// A ledger correction, not a lifecycle step: recorded so the history stays complete.
			const on = patent.statusOn ?? patch.today ?? registryToday();
			await writeHistory(tx, {
				subjectType: 'patent',
				subjectId: id,
				from: before.status,
				to: patent.status,
				on,
				reason: '台账更正 ledger correction',
				actor: actor.actor,
			});
		}
		await refreshPatentDeadlines(tx, id);
		return this.withParties(tx, patent);
	}

	/**
	 * Upsert of many rows, each through the full create/update path behind its own savepoint,
	 * so parties, history and deadlines are written as for one record. A large ledger takes
	 * `importPatents`, which inserts new rows in bulk.
	 */
	async bulkUpsert(
		store: Store,
		rows: PatentInput[],
		actor: Actor,
		batchSize: unknown = 500,
	): Promise<BulkRowResult[]> {
		return upsertRows(
			store,
			rows,
			batchSize,
			(r) => spec.naturalKey(r)?.value as string | undefined,
			'applicationNo',
			'申请号 Application No.',
			(tx, row) => this.upsertIn(tx, row, actor),
		);
	}

	/** Rebuilds the patent's rows in the deadline index from its stored state. */
	async refresh(tx: Tx, id: string): Promise<void> {
		await refreshPatentDeadlines(tx, id);
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
			.where(
				'patent_id',
				'in',
				patents.map((p) => p.id),
			)
			.orderBy('patent_id')
			.orderBy('role')
			.orderBy('seq')
			.execute();
		return patents.map((p) => {
			const mine = rows.filter((r) => r.patent_id === p.id);
			const as = (role: string) =>
				mine
					.filter((r) => r.role === role)
					.map((r) => ({ personId: r.person_id, organisationId: r.organisation_id, name: r.name }));
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
			readHistory(store.db as unknown as Tx, 'patent', id),
		]);
		return {
			...patent,
			projects: projects.map((p) => ({ id: p.id, projectNo: p.project_no, name: p.name })),
			history,
		};
	}

	async list(store: Store, options: Parameters<Repository<PatentInput, Patent>['list']>[1] = {}) {
		const page = await super.list(store, options);
		return { ...page, items: await this.attachParties(store.db as unknown as Tx, page.items) };
	}

	/**
	 * A lifecycle step; ends need a date and a reason. Two concurrent steps never both win.
	 * `to: '恢复'` restores rights after termination for an unpaid fee (see `restoreSet`).
	 */
	async transition(
		store: Store,
		id: string,
		change: { to: unknown; on?: unknown; reason?: unknown; noticeReceivedOn?: unknown },
		actor: Actor,
		today: string,
		rules: PatentRules = DEFAULT_PATENT_RULES,
	): Promise<Patent> {
		return store.transaction(async (tx) => {
			const row = await requirePatentRow(tx, id);
			const restoring = isRestore(change.to);
			const to = restoring
				? 'granted'
				: parseStatus<PatentStatus>(change.to, PATENT_STATUS_LABELS, 'to', '目标状态 To Status');
			const on = optionalDate(change.on, 'on', '日期 Date') ?? today;
			const reason = optionalText(change.reason, 'reason', '原因 Reason', 1000);
			if (on < row.filing_date)
				throw new ValidationError(
					`日期 ${on} 早于申请日 ${row.filing_date} / Date is before the filing date`,
					'on',
					'range',
				);
			const set: Record<string, unknown> = { status_on: on, updated_at: nowIso() };
			if (restoring) {
				Object.assign(set, restoreSet(row, on, reason, change.noticeReceivedOn, rules));
			} else {
				assertPatentTransition(row.type as Patent['type'], row.status as PatentStatus, to);
				if (requiresReason(to) && !reason)
					throw new ValidationError(
						`变更为 ${PATENT_STATUS_LABELS[to]} 须填写原因 / Reason is required`,
						'reason',
						'required',
					);
				if (to === 'granted') {
					const next = nextUnpaidFee(
						{ ...feePatentOf(row), grantedOn: on },
						await paidYearsOf(tx, id),
						rules,
					);
					Object.assign(set, {
						granted_on: on,
						next_fee_year: next?.year ?? null,
						next_fee_due: next?.dueOn ?? null,
						grace_ends_on: next?.graceEndsOn ?? null,
					});
				}
				if (requiresReason(to)) set.end_reason = reason;
			}
			const won = await transition(tx, { table: 'registry_patent', id, from: row.status, to, set });
			if (!won)
				throw new StateError(
					`专利 ${row.application_no} 的状态已被他人修改 / Patent ${id} changed meanwhile`,
					row.status,
					to,
				);
			const historyReason = restoring
				? `恢复权利 rights restored${reason ? `：${reason}` : ''}`
				: reason;
			await writeHistory(tx, {
				subjectType: 'patent',
				subjectId: id,
				from: row.status,
				to,
				on,
				reason: historyReason,
				actor: actor.actor,
			});
			await writeAudit(tx, {
				...actor,
				action: restoring ? 'restore' : 'transition',
				entityType: 'patent',
				entityId: id,
				changes: { status: [row.status, to], on, reason },
			});
			await refreshPatentDeadlines(tx, id);
			const after = await tx
				.selectFrom('registry_patent')
				.selectAll()
				.where('id', '=', id)
				.executeTakeFirstOrThrow();
			return this.withParties(tx, patentFromRow(after));
		});
	}

	recordFeePayment(
		store: Store,
		id: string,
		payment: Parameters<typeof recordFeePayment>[2],
		actor: Actor,
		rules = DEFAULT_PATENT_RULES,
	) {
		return recordFeePayment(store, id, payment, actor, rules);
	}

	feeSchedule(store: Store, id: string, today: string, rules = DEFAULT_PATENT_RULES) {
		return patentFeeSchedule(store, id, today, rules);
	}

	async flaggedForTermination(store: Store, today: string): Promise<Patent[]> {
		return (await patentsFlaggedForTermination(store, today)).map(patentFromRow);
	}
}

/**
 * 恢复权利 after termination for an unpaid annual fee (专利法实施细则 art. 6): requested within
 * 2 months of receiving CNIPA's notice (¶2) and, in any case, no later than 2 years after the
 * missed deadline (¶1's outer limit) — the grace end of the unpaid year. The lost year's fee
 * must be paid with the request (¶3 "办理权利丧失前应当办理的相应手续"), so it falls due on the
 * restoration day itself, with no further grace.
 */
function restoreSet(
	row: RegistryPatentTable,
	on: string,
	reason: string | null,
	noticeReceivedOn: unknown,
	rules: PatentRules,
): Record<string, unknown> {
	if (row.status !== 'terminated') {
		throw new StateError(
			`只有因未缴年费而终止的专利可以恢复，该专利为 ${PATENT_STATUS_LABELS[row.status as PatentStatus]} / Only a patent terminated for an unpaid fee can be restored`,
			row.status,
			'granted',
		);
	}
	if (!reason)
		throw new ValidationError(
			'恢复权利须填写理由 / Reason is required to restore rights',
			'reason',
			'required',
		);
	const missed = row.grace_ends_on;
	if (missed) {
		const latest = addYears(missed, rules.restoreYears);
		if (on > latest)
			throw new ValidationError(
				`恢复日期 ${on} 已超过期限届满日 ${missed} 起 ${rules.restoreYears} 年（最迟 ${latest}） / Past the latest day to restore`,
				'on',
				'range',
			);
	}
	const notice = optionalDate(
		noticeReceivedOn === '' ? null : noticeReceivedOn,
		'noticeReceivedOn',
		'收到通知日 Notice Received On',
	);
	if (notice) {
		const latest = addMonths(notice, rules.restoreNoticeMonths);
		if (on > latest)
			throw new ValidationError(
				`恢复日期 ${on} 已超过收到通知之日 ${notice} 起 ${rules.restoreNoticeMonths} 个月（最迟 ${latest}） / Past two months from the notice`,
				'on',
				'range',
			);
	}
	return {
		restored_on: on,
		end_reason: null,
		next_fee_due: row.next_fee_year ? on : null,
		grace_ends_on: row.next_fee_year ? on : null,
	};
}

export const patents = new PatentRepository();
