import { writeAudit, type Actor } from '../store/audit';
import { fieldKey, Repository, type EntitySpec } from '../store/repository';
import { dryRun } from '../store/dry-run';
import type { Store, Tx } from '../store/store';
import { transition } from '../store/transition';
import { NotFoundError, StateError, ValidationError } from '../util/errors';
import { newId, nowIso } from '../util/id';
import {
	oneOf,
	optionalDate,
	optionalNumber,
	optionalText,
	requiredDate,
	requiredText,
	textList,
	missing,
} from '../util/validate';
import { ledgerDate, registryToday } from './dates';
import { replaceDeadlines } from './deadlines';
import { readHistory, writeHistory } from './history';
import {
	assertProjectTransition,
	isProjectEnd,
	parseStatus,
	PROJECT_CATEGORIES,
	PROJECT_STATUS_LABELS,
	projectStatusLabel,
	requiresReason,
	type ProjectCategory,
	type ProjectStatus,
} from './lifecycle';
import { resolveParties } from './parties';
import { upsertRows } from './rows';
import type { RegistryProjectTable } from './schema';

export { PROJECT_CATEGORIES } from './lifecycle';
export const PROJECT_CATEGORY_LABELS: Record<ProjectCategory, string> = {
	vertical: '纵向 Government-Funded',
	horizontal: '横向 Enterprise-Commissioned',
};
export const PROJECT_LEVELS = ['national', 'provincial', 'municipal', 'school'] as const;
export const PROJECT_LEVEL_LABELS: Record<(typeof PROJECT_LEVELS)[number], string> = {
	national: '国家级 National',
	provincial: '省部级 Provincial',
	municipal: '市厅级 Municipal',
	school: '校级 School',
};
export const MILESTONE_KINDS = [
	'opening',
	'midterm',
	'contract',
	'delivery',
	'closing',
	'other',
] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];
export const OUTPUT_TYPES = ['patent', 'course', 'paper', 'other'] as const;
export const OUTPUT_TYPE_LABELS: Record<(typeof OUTPUT_TYPES)[number], string> = {
	patent: '专利 Patent',
	course: '课程 Course',
	paper: '论文 Paper',
	other: '其他 Other',
};

/** One place for the milestone names: the node's options, deadline texts and the record view read them. */
export const MILESTONE_LABELS: Record<MilestoneKind, string> = {
	opening: '开题 Opening',
	midterm: '中期检查 Mid-term Check',
	contract: '合同签订 Contract Signing',
	delivery: '交付验收 Delivery and Acceptance',
	closing: '结题 Closing',
	other: '其他 Other',
};

/**
 * The milestones each kind of project has (see `PROJECT_STAGES_BY_CATEGORY`): a 横向 contract is
 * signed, delivered and accepted, then closed; it has no 开题 or 中期检查. 本联合体设置.
 */
export const MILESTONES_BY_CATEGORY: Record<ProjectCategory, readonly MilestoneKind[]> = {
	vertical: ['opening', 'midterm', 'closing', 'other'],
	horizontal: ['contract', 'delivery', 'closing', 'other'],
};

const CATEGORY_ALIASES: Record<string, string> = { 纵向: 'vertical', 横向: 'horizontal' };
const LEVEL_ALIASES: Record<string, string> = {
	国家: 'national',
	国家级: 'national',
	省部: 'provincial',
	省部级: 'provincial',
	省级: 'provincial',
	市厅: 'municipal',
	市厅级: 'municipal',
	市级: 'municipal',
	校: 'school',
	校级: 'school',
};
const MILESTONE_ALIASES: Record<string, string> = {
	...Object.fromEntries(
		Object.entries(MILESTONE_LABELS).map(([kind, label]) => [label.split(' ')[0], kind]),
	),
	中期: 'midterm',
	验收: 'delivery',
	交付: 'delivery',
	签订合同: 'contract',
};
/** Reaching a stage completes the milestones it stands for. */
const MILESTONES_OF_STAGE: Record<
	ProjectCategory,
	Partial<Record<ProjectStatus, MilestoneKind[]>>
> = {
	vertical: { opened: ['opening'], midterm: ['midterm'], closed: ['closing'] },
	horizontal: { approved: ['contract'], closed: ['delivery', 'closing'] },
};

/** A milestone kind that belongs to the project's category, or a refusal naming the ones that do. */
export function milestoneKindFor(category: string, value: unknown, field = 'kind'): MilestoneKind {
	const kind = oneOf(
		alias(value, MILESTONE_ALIASES),
		field,
		'里程碑类型 Milestone Kind',
		MILESTONE_KINDS,
	);
	const allowed =
		MILESTONES_BY_CATEGORY[category as ProjectCategory] ?? MILESTONES_BY_CATEGORY.vertical;
	if (!allowed.includes(kind)) {
		const name = category === 'horizontal' ? '横向' : '纵向';
		throw new ValidationError(
			`${name}项目没有 ${MILESTONE_LABELS[kind]} 节点；可用：${allowed.map((k) => MILESTONE_LABELS[k]).join('、')} / A ${category} project has no ${kind} milestone`,
			field,
			'enum',
		);
	}
	return kind;
}

/** A milestone as a clerk or a sheet gives it; read and checked by addMilestone. */
export interface MilestoneGiven {
	kind: unknown;
	dueOn: unknown;
	title?: unknown;
}

/** A tranche of funds received as given; read and checked by recordFunds. */
export interface FundsGiven {
	receivedOn: unknown;
	amount: unknown;
	note?: unknown;
}

/** An output as given; read and checked by linkOutput. */
export interface OutputGiven {
	outputType: unknown;
	refId?: unknown;
	title?: unknown;
	detail?: unknown;
}

export interface ProjectInput {
	projectNo: string;
	name: string;
	category: string;
	level?: string | null;
	fundingBody?: string | null;
	/** The client enterprise of a 横向 project: organisation id or name. */
	client?: string | null;
	contractNo?: string | null;
	/** 负责人: person id, email or name; must be in the directory. */
	pi: string;
	members?: string[] | string | null;
	budget?: number | string | null;
	startDate?: string | null;
	endDate?: string | null;
	status?: string | null;
	statusOn?: string | null;
	notes?: string | null;
	/** Convenience for ledgers: milestone due dates created with the project. */
	openingDue?: string | null;
	midtermDue?: string | null;
	/** 横向: contract signing and delivery/acceptance due dates. */
	contractDue?: string | null;
	deliveryDue?: string | null;
	closingDue?: string | null;
	/** The consortium's date for history entries without a date; the node passes it. */
	today?: string | null;
}

export interface Project {
	id: string;
	projectNo: string;
	name: string;
	category: string;
	categoryLabel: string;
	level: string | null;
	levelLabel: string | null;
	fundingBody: string | null;
	clientId: string | null;
	clientName: string | null;
	contractNo: string | null;
	piId: string;
	memberIds: string[];
	budget: number | null;
	fundsReceived: number;
	startDate: string | null;
	endDate: string | null;
	status: ProjectStatus;
	statusLabel: string;
	statusOn: string | null;
	endReason: string | null;
	notes: string | null;
	createdAt: string;
	updatedAt: string;
}

function alias(value: unknown, aliases: Record<string, string>): unknown {
	const text = typeof value === 'string' ? value.trim() : value;
	return typeof text === 'string' && aliases[text] ? aliases[text] : text;
}

async function resolvePerson(tx: Tx, token: string, field: string, label: string): Promise<string> {
	const [[party]] = await resolveParties(tx, 'person', [[token]], field);
	if (!party.personId)
		throw new ValidationError(
			`${label}「${token}」不在人员名录中或有重名 / "${token}" is not (uniquely) in the directory`,
			field,
			'reference',
		);
	return party.personId;
}

/** What each category must state beyond the common fields, with the refusal when it does not. */
const CATEGORY_REQUIRES: Record<ProjectCategory, Array<[field: string, message: string]>> = {
	vertical: [
		['level', '纵向项目须填项目级别 / Level is required for a 纵向 project'],
		['fundingBody', '纵向项目须填项目来源 / Funding Body is required for a 纵向 project'],
	],
	horizontal: [
		['client', '横向项目须填委托单位 / Client is required for a 横向 project'],
		['contractNo', '横向项目须填合同编号 / Contract No. is required for a 横向 project'],
	],
};

const spec: EntitySpec<ProjectInput, Project> = {
	table: 'registry_project',
	entityType: 'project',
	idPrefix: 'prj',
	async toColumns(input, tx) {
		const category = oneOf(
			alias(input.category, CATEGORY_ALIASES),
			'category',
			'项目类别 Category',
			PROJECT_CATEGORIES,
		);
		const levelText = optionalText(alias(input.level, LEVEL_ALIASES), 'level', '项目级别 Level');
		const level = levelText ? oneOf(levelText, 'level', '项目级别 Level', PROJECT_LEVELS) : null;
		const fundingBody = optionalText(
			input.fundingBody,
			'fundingBody',
			'项目来源 Funding Body',
			200,
		);
		const client = optionalText(
			input.client ?? (input as { clientId?: string }).clientId,
			'client',
			'委托单位 Client',
			200,
		);
		const contractNo = optionalText(input.contractNo, 'contractNo', '合同编号 Contract No.', 100);
		const stated: Record<string, string | null> = { level, fundingBody, client, contractNo };
		for (const [field, message] of CATEGORY_REQUIRES[category])
			if (!stated[field]) throw new ValidationError(message, field, 'required');
		const clientParty = client
			? (await resolveParties(tx, 'organisation', [[client]], 'client'))[0][0]
			: null;
		const pi = await resolvePerson(
			tx,
			requiredText(input.pi ?? (input as { piId?: string }).piId, 'pi', '项目负责人 PI'),
			'pi',
			'项目负责人 PI',
		);
		const memberTokens = textList(
			input.members ?? (input as { memberIds?: string[] }).memberIds,
			'members',
			'项目成员 Members',
		);
		const members: string[] = [];
		for (const token of memberTokens)
			members.push(await resolvePerson(tx, token, 'members', '项目成员 Members'));
		const startDate = ledgerDate(input.startDate, 'startDate', '开始日期 Start Date');
		const endDate = ledgerDate(input.endDate, 'endDate', '结束日期 End Date');
		if (startDate && endDate && endDate < startDate)
			throw new ValidationError(
				`结束日期 ${endDate} 早于开始日期 ${startDate} / End Date ${endDate} is before the start ${startDate}`,
				'endDate',
				'range',
			);
		const status = input.status
			? parseStatus<ProjectStatus>(input.status, PROJECT_STATUS_LABELS, 'status', '状态 Status')
			: 'applied';
		return {
			project_no: requiredText(input.projectNo, 'projectNo', '项目编号 Project No.', 100),
			name: requiredText(input.name, 'name', '项目名称 Name', 300),
			category,
			level,
			funding_body: fundingBody,
			client_id: clientParty?.organisationId ?? null,
			client_name: clientParty?.name ?? null,
			contract_no: contractNo,
			pi_id: pi,
			member_ids: JSON.stringify(members),
			budget: optionalNumber(input.budget, 'budget', '预算 Budget', { min: 0 }),
			start_date: startDate,
			end_date: endDate,
			status,
			status_on: ledgerDate(input.statusOn, 'statusOn', '状态日期 Status Date'),
			notes: optionalText(input.notes, 'notes', '备注 Notes', 2000),
		};
	},
	fromRow(row: RegistryProjectTable): Project {
		return {
			id: row.id,
			projectNo: row.project_no,
			name: row.name,
			category: row.category,
			categoryLabel: PROJECT_CATEGORY_LABELS[row.category as ProjectCategory] ?? row.category,
			level: row.level,
			levelLabel: row.level
				? (PROJECT_LEVEL_LABELS[row.level as (typeof PROJECT_LEVELS)[number]] ?? row.level)
				: null,
			fundingBody: row.funding_body,
			clientId: row.client_id,
			clientName: row.client_name,
			contractNo: row.contract_no,
			piId: row.pi_id,
			memberIds: JSON.parse(row.member_ids || '[]'),
			budget: row.budget === null ? null : Number(row.budget),
			fundsReceived: Number(row.funds_received ?? 0),
			startDate: row.start_date,
			endDate: row.end_date,
			status: row.status as ProjectStatus,
			statusLabel: projectStatusLabel(row.status as ProjectStatus, row.category),
			statusOn: row.status_on,
			endReason: row.end_reason,
			notes: row.notes,
			createdAt: row.created_at,
			updatedAt: row.updated_at,
		};
	},
	naturalKey: fieldKey<ProjectInput>('projectNo', 'project_no'),
	referencedBy: [],
	filters: {
		status: 'status',
		category: 'category',
		level: 'level',
		piId: 'pi_id',
		clientId: 'client_id',
		projectNo: 'project_no',
	},
};

/** The project's milestones by due date, as its views show them. */
async function milestonesOf(tx: Tx, projectId: string) {
	const rows = await tx
		.selectFrom('registry_milestone')
		.selectAll()
		.where('project_id', '=', projectId)
		.orderBy('due_on')
		.execute();
	return rows.map((m) => ({
		id: m.id,
		kind: m.kind,
		kindLabel: MILESTONE_LABELS[m.kind as MilestoneKind] ?? m.kind,
		title: m.title,
		dueOn: m.due_on,
		doneOn: m.done_on,
	}));
}

/**
 * A newly declared project as an approval page and its mails show it: the PI's and members'
 * names and the PI's email from the directory (the PI is the one who answers for it), and the
 * milestones its dates created.
 */
export type DeclaredProject = Project & {
	piName: string;
	piEmail: string | null;
	memberNames: string;
	/** The members as the declaration form takes them, for the amend form's prefill. */
	memberEmails: string;
	milestones: Awaited<ReturnType<typeof milestonesOf>>;
};

async function declared(tx: Tx, project: Project): Promise<DeclaredProject> {
	const ids = [project.piId, ...project.memberIds];
	const people = await tx
		.selectFrom('person')
		.select(['id', 'name', 'email'])
		.where('id', 'in', ids)
		.execute();
	const byId = new Map(people.map((p) => [p.id, p]));
	const pi = byId.get(project.piId);
	return {
		...project,
		piName: pi?.name ?? '',
		piEmail: pi?.email ?? null,
		memberNames: project.memberIds.map((id) => byId.get(id)?.name ?? id).join('、'),
		memberEmails: project.memberIds.map((id) => byId.get(id)?.email ?? id).join(', '),
		milestones: await milestonesOf(tx, project.id),
	};
}

export class ProjectRepository extends Repository<ProjectInput, Project> {
	constructor() {
		super(spec);
	}

	/** Creates the project and returns it as declared: names and milestones beside its fields. */
	override create(store: Store, input: ProjectInput, actor: Actor): Promise<DeclaredProject> {
		return store.transaction(async (tx) => declared(tx, await this.createIn(tx, input, actor)));
	}

	/**
	 * Everything `create` checks — the category's required fields, the directory, dates, a free
	 * project number — without writing; the preview has the shape `create` returns, so the
	 * approval that follows can be checked against it. Throws what `create` would throw.
	 */
	check(
		store: Store,
		input: ProjectInput,
		actor: Actor,
		amendingId?: string | null,
	): Promise<DeclaredProject> {
		// 退回修改: the corrected declaration is checked as the update of the project it corrects,
		// so its own project number is not "taken", and only a project still 申报 passes.
		if (amendingId) return dryRun(store, (inside) => this.amend(inside, amendingId, input, actor));
		return dryRun(store, (inside) => this.create(inside, input, actor));
	}

	/** Applies a returned declaration's corrections: the same project, still 申报. */
	amend(store: Store, id: string, input: ProjectInput, actor: Actor): Promise<DeclaredProject> {
		return store.transaction(async (tx) => {
			await this.assertAmendable(tx, id);
			return declared(tx, await this.updateIn(tx, id, input, actor));
		});
	}

	private async assertAmendable(tx: Tx, id: string): Promise<void> {
		const row = await tx
			.selectFrom('registry_project')
			.select('status')
			.where('id', '=', id)
			.executeTakeFirst();
		if (!row) throw new NotFoundError('project', id);
		if (row.status !== 'applied')
			throw new StateError(
				`只有申报中的项目可修改重报，该项目为「${PROJECT_STATUS_LABELS[row.status as ProjectStatus]}」 Only a project still applied for can be amended`,
				row.status,
				'applied',
			);
	}

	async createIn(tx: Tx, input: ProjectInput, actor: Actor): Promise<Project> {
		// The PI and members are stored as resolved ids, so an update that re-reads them finds ids.
		const project = await super.createIn(tx, input, actor);
		await writeHistory(tx, {
			subjectType: 'project',
			subjectId: project.id,
			from: null,
			to: project.status,
			on: project.statusOn ?? input.today ?? registryToday(),
			reason: null,
			actor: actor.actor,
		});
		await this.addMilestonesFromInput(tx, project.id, { ...input, category: project.category });
		await this.refresh(tx, project.id);
		return project;
	}

	async updateIn(tx: Tx, id: string, patch: Partial<ProjectInput>, actor: Actor): Promise<Project> {
		const before = await tx
			.selectFrom('registry_project')
			.select(['status', 'pi_id', 'member_ids', 'client_id', 'client_name'])
			.where('id', '=', id)
			.executeTakeFirst();
		if (!before) throw new NotFoundError('project', id);
		const carried = {
			pi: patch.pi ?? before.pi_id,
			members: patch.members ?? JSON.parse(before.member_ids),
			client: patch.client ?? before.client_id ?? before.client_name,
		};
		const project = await super.updateIn(tx, id, { ...patch, ...carried }, actor);
		if (project.status !== before.status) {
			await writeHistory(tx, {
				subjectType: 'project',
				subjectId: id,
				from: before.status,
				to: project.status,
				on: project.statusOn ?? patch.today ?? registryToday(),
				reason: '台账更正 ledger correction',
				actor: actor.actor,
			});
		}
		await this.addMilestonesFromInput(tx, id, { ...patch, category: project.category });
		await this.refresh(tx, id);
		return project;
	}

	/**
	 * A college has dozens of projects, not thousands: each row goes through the full
	 * create/update path (milestones, history, deadlines) behind its own savepoint.
	 */
	async bulkUpsert(store: Store, rows: ProjectInput[], actor: Actor, batchSize: unknown = 500) {
		return upsertRows(
			store,
			rows,
			batchSize,
			(r) => (spec.naturalKey(r)?.value as string | undefined) || undefined,
			'projectNo',
			'项目编号 Project No.',
			(tx, row) => this.upsertIn(tx, row, actor),
		);
	}

	private async addMilestonesFromInput(
		tx: Tx,
		projectId: string,
		input: Partial<ProjectInput> & { category: string },
	): Promise<void> {
		const given: Array<[MilestoneKind, unknown, string]> = [
			['opening', input.openingDue, '开题日期 Opening Due'],
			['midterm', input.midtermDue, '中期检查日期 Mid-term Due'],
			['contract', input.contractDue, '合同签订日期 Contract Due'],
			['delivery', input.deliveryDue, '交付验收日期 Delivery Due'],
			['closing', input.closingDue, '结题日期 Closing Due'],
		];
		for (const [kind, value, label] of given) {
			const due = ledgerDate(value, `${kind}Due`, label);
			if (!due) continue;
			milestoneKindFor(input.category, kind, `${kind}Due`);
			const existing = await tx
				.selectFrom('registry_milestone')
				.select('id')
				.where('project_id', '=', projectId)
				.where('kind', '=', kind)
				.where('done_on', 'is', null)
				.executeTakeFirst();
			if (existing)
				await tx
					.updateTable('registry_milestone')
					.set({ due_on: due })
					.where('id', '=', existing.id)
					.execute();
			else
				await tx
					.insertInto('registry_milestone')
					.values({
						id: newId('mst'),
						project_id: projectId,
						kind,
						title: null,
						due_on: due,
						done_on: null,
						created_at: nowIso(),
					})
					.execute();
		}
	}

	/** Open milestones of a running project are its deadlines, owned by the PI. */
	async refresh(tx: Tx, id: string): Promise<void> {
		const project = await tx
			.selectFrom('registry_project')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		const milestones = isProjectEnd(project.status)
			? []
			: await tx
					.selectFrom('registry_milestone')
					.selectAll()
					.where('project_id', '=', id)
					.where('done_on', 'is', null)
					.execute();
		await replaceDeadlines(
			tx,
			'project',
			id,
			milestones.map((m) => ({
				kind: 'milestone',
				due_on: m.due_on,
				subject_type: 'project',
				subject_id: id,
				subject_no: project.project_no,
				subject_title: project.name,
				owner_id: project.pi_id,
				detail: `${MILESTONE_LABELS[m.kind as MilestoneKind] ?? m.kind}${m.title ? ` ${m.title}` : ''}`,
			})),
		);
	}

	async get(store: Store, id: string) {
		const project = await super.get(store, id);
		const db = store.db;
		const [milestones, funds, outputs, history] = await Promise.all([
			milestonesOf(db as unknown as Tx, id),
			db
				.selectFrom('registry_funds')
				.selectAll()
				.where('project_id', '=', id)
				.orderBy('received_on')
				.execute(),
			db
				.selectFrom('registry_output')
				.selectAll()
				.where('project_id', '=', id)
				.orderBy('id')
				.execute(),
			readHistory(db as unknown as Tx, 'project', id),
		]);
		return {
			...project,
			milestones,
			funds: funds.map((f) => ({
				id: f.id,
				receivedOn: f.received_on,
				amount: Number(f.amount),
				note: f.note,
			})),
			outputs: outputs.map((o) => ({
				id: o.id,
				outputType: o.output_type,
				refId: o.ref_id,
				title: o.title,
				detail: o.detail,
			})),
			history,
		};
	}

	async transition(
		store: Store,
		id: string,
		change: { to: unknown; on?: unknown; reason?: unknown },
		actor: Actor,
		today: string,
	): Promise<Project> {
		return store.transaction(async (tx) => {
			const row = await tx
				.selectFrom('registry_project')
				.selectAll()
				.where('id', '=', id)
				.executeTakeFirst();
			if (!row) throw new NotFoundError('project', id);
			const to = parseStatus<ProjectStatus>(
				change.to,
				PROJECT_STATUS_LABELS,
				'to',
				'目标状态 To Status',
			);
			assertProjectTransition(row.status as ProjectStatus, to, row.category as ProjectCategory);
			const on = optionalDate(change.on, 'on', '日期 Date') ?? today;
			const reason = optionalText(change.reason, 'reason', '原因 Reason', 1000);
			if (requiresReason(to) && !reason)
				throw new ValidationError(
					`原因 Reason is required to move to ${PROJECT_STATUS_LABELS[to]} / 须填写原因`,
					'reason',
					'required',
				);
			const set: Record<string, unknown> = { status_on: on, updated_at: nowIso() };
			if (requiresReason(to)) set.end_reason = reason;
			if (!(await transition(tx, { table: 'registry_project', id, from: row.status, to, set }))) {
				throw new StateError(
					`项目 ${id} 的状态已被他人修改 / Project ${id} changed meanwhile`,
					row.status,
					to,
				);
			}
			const done = MILESTONES_OF_STAGE[row.category as ProjectCategory]?.[to];
			if (done) {
				await tx
					.updateTable('registry_milestone')
					.set({ done_on: on })
					.where('project_id', '=', id)
					.where('kind', 'in', done)
					.where('done_on', 'is', null)
					.execute();
			}
			await writeHistory(tx, {
				subjectType: 'project',
				subjectId: id,
				from: row.status,
				to,
				on,
				reason,
				actor: actor.actor,
			});
			await writeAudit(tx, {
				...actor,
				action: 'transition',
				entityType: 'project',
				entityId: id,
				changes: { status: [row.status, to], on, reason },
			});
			await this.refresh(tx, id);
			return spec.fromRow(
				await tx
					.selectFrom('registry_project')
					.selectAll()
					.where('id', '=', id)
					.executeTakeFirstOrThrow(),
			);
		});
	}

	private async requireOpen(tx: Tx, id: string) {
		const row = await tx
			.selectFrom('registry_project')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirst();
		if (!row) throw new NotFoundError('project', id);
		return row;
	}

	/**
	 * Adds one record under a project (a milestone, a tranche of funds, an output) in one
	 * transaction: the project must exist, and the audit row, with what `add` reports, is the project's.
	 */
	private addToProject<T>(
		store: Store,
		id: string,
		actor: Actor,
		action: string,
		add: (tx: Tx, project: RegistryProjectTable) => Promise<{ changes: unknown; result: T }>,
	): Promise<T> {
		return store.transaction(async (tx) => {
			const project = await this.requireOpen(tx, id);
			const { changes, result } = await add(tx, project);
			await writeAudit(tx, { ...actor, action, entityType: 'project', entityId: id, changes });
			return result;
		});
	}

	async addMilestone(store: Store, id: string, m: MilestoneGiven, actor: Actor) {
		return this.addToProject(store, id, actor, 'add_milestone', async (tx, project) => {
			if (isProjectEnd(project.status))
				throw new StateError(
					`项目 ${project.project_no} 已结束 / Project ${project.project_no} has ended`,
					project.status,
				);
			const record = {
				id: newId('mst'),
				project_id: id,
				kind: milestoneKindFor(project.category, m.kind),
				title: optionalText(m.title, 'title', '里程碑名称 Title', 200),
				due_on: requiredDate(m.dueOn, 'dueOn', '截止日期 Due On'),
				done_on: null,
				created_at: nowIso(),
			};
			await tx.insertInto('registry_milestone').values(record).execute();
			await this.refresh(tx, id);
			return {
				changes: record,
				result: {
					id: record.id,
					projectId: id,
					kind: record.kind,
					kindLabel: MILESTONE_LABELS[record.kind],
					title: record.title,
					dueOn: record.due_on,
					doneOn: null,
				},
			};
		});
	}

	/** One tranche of funds received (到账经费); the project's total is the sum of its tranches. */
	async recordFunds(store: Store, id: string, f: FundsGiven, actor: Actor) {
		return this.addToProject(store, id, actor, 'record_funds', async (tx, project) => {
			const amount = optionalNumber(f.amount, 'amount', '到账金额 Amount', { min: 0.01 });
			if (amount === null) throw missing('到账金额 Amount', 'amount');
			const record = {
				id: newId('fnd'),
				project_id: id,
				received_on: requiredDate(f.receivedOn, 'receivedOn', '到账日期 Received On'),
				amount,
				note: optionalText(f.note, 'note', '备注 Note', 500),
				created_at: nowIso(),
			};
			await tx.insertInto('registry_funds').values(record).execute();
			const total = Math.round((Number(project.funds_received) + amount) * 100) / 100;
			await tx
				.updateTable('registry_project')
				.set({ funds_received: total, updated_at: nowIso() })
				.where('id', '=', id)
				.execute();
			const budget = project.budget === null ? null : Number(project.budget);
			return {
				changes: {
					amount,
					receivedOn: record.received_on,
					fundsReceived: [Number(project.funds_received), total],
				},
				result: {
					id: record.id,
					projectId: id,
					receivedOn: record.received_on,
					amount,
					fundsReceived: total,
					budget,
					overBudget: budget !== null && total > budget,
				},
			};
		});
	}

	/** Links an output: a patent in this registry, a course, or a paper kept as a free record. */
	async linkOutput(store: Store, id: string, o: OutputGiven, actor: Actor) {
		return this.addToProject(store, id, actor, 'link_output', async (tx) => {
			const outputType = oneOf(o.outputType, 'outputType', '成果类型 Output Type', OUTPUT_TYPES);
			const refId = optionalText(o.refId, 'refId', '成果 ID Reference', 100);
			let title = optionalText(o.title, 'title', '成果名称 Title', 300);
			if (outputType === 'patent') {
				if (!refId)
					throw new ValidationError(
						'成果 ID 须填写专利 ID 或申请号 / Reference: the patent id or application number is required',
						'refId',
						'required',
					);
				const patent = await tx
					.selectFrom('registry_patent')
					.select(['id', 'title'])
					.where((eb) =>
						eb.or([
							eb('id', '=', refId),
							eb('application_no', '=', refId.replace(/^(ZL|CN)/i, '').replace(/\s+/g, '')),
						]),
					)
					.executeTakeFirst();
				if (!patent)
					throw new ValidationError(
						`专利 Patent "${refId}" is not in the registry / 专利不存在`,
						'refId',
						'reference',
					);
				title = title ?? patent.title;
				o = { ...o, refId: patent.id };
			}
			if (!title) throw missing('成果名称 Title', 'title');
			const record = {
				id: newId('out'),
				project_id: id,
				output_type: outputType,
				ref_id: (o.refId as string | undefined) ?? refId,
				title,
				detail: optionalText(o.detail, 'detail', '说明 Detail', 1000),
				created_at: nowIso(),
			};
			await tx.insertInto('registry_output').values(record).execute();
			return {
				changes: record,
				result: {
					id: record.id,
					projectId: id,
					outputType,
					refId: record.ref_id,
					title,
					detail: record.detail,
				},
			};
		});
	}
}

export const projects = new ProjectRepository();
