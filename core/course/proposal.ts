import { requireOrganisation, requirePerson, type PersonRow } from '../directory/lookup';
import type { Tx } from '../store/store';
import type { CourseTable } from './schema';
import { ValidationError } from '../util/errors';
import {
	optionalEmail,
	optionalNumber,
	optionalText,
	requiredText,
	scalarText,
} from '../util/validate';
import { lineList, referenceList, share } from './lists';
import { hoursPerCreditFor, type CourseRules } from './rules';
import {
	COURSE_TYPES,
	COURSE_TYPE_LABELS,
	DELIVERABLE_KINDS,
	DELIVERABLE_KIND_LABELS,
	vocabulary,
} from './vocabulary';

/**
 * A proposal as a form, a spreadsheet row or a node sends it. Directory references accept
 * what people know: an organisation by id, credit code or exact name; a person by id or email.
 */
export interface CourseProposalInput {
	name?: unknown;
	code?: unknown;
	courseType?: unknown;
	credits?: unknown;
	hoursTheory?: unknown;
	hoursPractice?: unknown;
	hoursTotal?: unknown;
	partners?: unknown;
	enterpriseLead?: unknown;
	team?: unknown;
	enterpriseShare?: unknown;
	modules?: unknown;
	plannedDeliverables?: unknown;
	startTerm?: unknown;
	submitterName?: unknown;
	submitterEmail?: unknown;
}

export interface ValidatedProposal {
	/** What the proposal sets; the state columns belong to the lifecycle. */
	columns: Omit<
		CourseTable,
		'id' | 'status' | 'status_reason' | 'approved_on' | 'created_at' | 'updated_at'
	>;
	partnerIds: string[];
	memberIds: string[];
}

type PersonRef = Pick<PersonRow, 'id' | 'name' | 'kind' | 'organisation_id' | 'organisation_kind'>;

async function resolveOrganisation(tx: Tx, token: string, field: string) {
	const org = await requireOrganisation(tx, token, field, '合作企业 Partner Enterprise');
	if (org.kind !== 'enterprise') {
		throw new ValidationError(
			`合作企业「${org.name}」不是企业（单位类型 ${org.kind}） / Partner Enterprise "${org.name}" is a ${org.kind}, not an enterprise`,
			field,
			'reference',
		);
	}
	return org;
}

/** An enterprise member is an enterprise technician or anyone employed by an enterprise. */
export function isEnterpriseMember(person: {
	kind: string;
	organisation_kind: string | null;
}): boolean {
	return person.kind === 'technician' || person.organisation_kind === 'enterprise';
}

/**
 * Checks a whole proposal against the rules and the directory. Each failure is a
 * ValidationError naming the field to fix; the first one found is thrown.
 */
export async function validateProposal(
	tx: Tx,
	input: CourseProposalInput,
	rules: CourseRules,
): Promise<ValidatedProposal> {
	const name = requiredText(input.name, 'name', '课程名称 Course Name', 200);
	const code = requiredText(input.code, 'code', '课程代码 Course Code', 40);
	const courseType = vocabulary(
		input.courseType,
		'courseType',
		'课程类型 Course Type',
		COURSE_TYPES,
		COURSE_TYPE_LABELS,
	);
	const credits = optionalNumber(input.credits, 'credits', '学分 Credits', { min: 0.5, max: 30 });
	if (credits === null)
		throw new ValidationError('学分为必填项 / Credits is required', 'credits', 'required');
	const theory =
		optionalNumber(input.hoursTheory, 'hoursTheory', '理论学时 Theory Hours', {
			min: 0,
			integer: true,
		}) ?? 0;
	const practice =
		optionalNumber(input.hoursPractice, 'hoursPractice', '实践学时 Practice Hours', {
			min: 0,
			integer: true,
		}) ?? 0;
	const givenTotal = optionalNumber(input.hoursTotal, 'hoursTotal', '总学时 Total Hours', {
		min: 0,
		integer: true,
	});
	const total = theory + practice;
	if (givenTotal !== null && givenTotal !== total) {
		throw new ValidationError(
			`理论与实践学时之和应等于总学时：总学时 ${givenTotal} ≠ 理论 ${theory} + 实践 ${practice} = ${total} / Total Hours ${givenTotal} ≠ theory ${theory} + practice ${practice} = ${total}`,
			'hoursTotal',
			'hours_sum',
		);
	}
	if (total === 0)
		throw new ValidationError(
			'总学时应大于 0 / Total Hours must be above 0',
			'hoursTotal',
			'required',
		);
	const ratio = hoursPerCreditFor(rules, courseType);
	const low = credits * ratio.min;
	const high = credits * ratio.max;
	if (total < low || total > high) {
		throw new ValidationError(
			`学分与学时不符：${COURSE_TYPE_LABELS[courseType].split(' ')[0]}每学分 ${ratio.min}–${ratio.max} 学时，${credits} 学分应为 ${low}–${high} 学时，本课程 ${total} 学时 / Credits ${credits} need ${low}–${high} hours at ${ratio.min}–${ratio.max} per credit for this course type; the course has ${total}`,
			'credits',
			'hours_per_credit',
		);
	}
	const enterpriseShare = share(
		input.enterpriseShare,
		'enterpriseShare',
		'企业授课比例 Enterprise Share',
	);
	if (enterpriseShare < rules.minEnterpriseShare || enterpriseShare > rules.maxEnterpriseShare) {
		throw new ValidationError(
			`企业授课比例 ${pct(enterpriseShare)} 超出 ${pct(rules.minEnterpriseShare)}–${pct(rules.maxEnterpriseShare)} / Enterprise Share ${pct(enterpriseShare)} is outside ${pct(rules.minEnterpriseShare)}–${pct(rules.maxEnterpriseShare)}`,
			'enterpriseShare',
			'share_bounds',
		);
	}

	const partnerTokens = referenceList(input.partners, 'partners', '合作企业 Partner Enterprises');
	if (partnerTokens.length < rules.minPartners) {
		throw new ValidationError(
			`至少需要 ${rules.minPartners} 家合作企业，填写了 ${partnerTokens.length} 家 / Partner Enterprises: at least ${rules.minPartners} required`,
			'partners',
			'required',
		);
	}
	const partnerIds: string[] = [];
	for (const [i, token] of partnerTokens.entries()) {
		const org = await resolveOrganisation(tx, token, `partners[${i}]`);
		if (!partnerIds.includes(org.id)) partnerIds.push(org.id);
	}

	const leadToken = requiredText(
		input.enterpriseLead,
		'enterpriseLead',
		'企业负责人 Enterprise Lead',
		200,
	);
	const lead = await requirePerson(tx, leadToken, 'enterpriseLead', '企业负责人 Enterprise Lead');
	if (
		rules.leadFromPartner &&
		(!lead.organisation_id || !partnerIds.includes(lead.organisation_id))
	) {
		throw new ValidationError(
			`企业负责人${lead.name}不在合作企业任职 / Enterprise Lead ${lead.name} does not work for a partner enterprise`,
			'enterpriseLead',
			'lead_partner',
		);
	}

	const teamTokens = referenceList(input.team, 'team', '课程团队 Team');
	const members: PersonRef[] = [];
	for (const [i, token] of teamTokens.entries()) {
		const person = await requirePerson(tx, token, `team[${i}]`, '课程团队 Team');
		if (members.some((m) => m.id === person.id)) {
			throw new ValidationError(
				`课程团队中${person.name}重复（第 ${i + 1} 人） / Team lists ${person.name} twice`,
				`team[${i}]`,
				'duplicate',
			);
		}
		members.push(person);
	}
	if (members.length < rules.minTeamSize || members.length > rules.maxTeamSize) {
		throw new ValidationError(
			`课程团队有 ${members.length} 人，应为 ${rules.minTeamSize}–${rules.maxTeamSize} 人 / Team has ${members.length} people; it must have ${rules.minTeamSize}–${rules.maxTeamSize}`,
			'team',
			'team_size',
		);
	}
	const enterpriseMembers = members.filter(isEnterpriseMember).length;
	if (enterpriseMembers < rules.minEnterpriseMembers) {
		throw new ValidationError(
			`课程团队中企业人员 ${enterpriseMembers} 名，至少需要 ${rules.minEnterpriseMembers} 名 / Team has ${enterpriseMembers} enterprise members; at least ${rules.minEnterpriseMembers} required`,
			'team',
			'enterprise_member',
		);
	}

	const modules = lineList(input.modules, 'modules', '课程模块 Modules');
	const planned = [
		...new Set(
			lineList(
				Array.isArray(input.plannedDeliverables)
					? input.plannedDeliverables
					: scalarText(
							input.plannedDeliverables,
							'plannedDeliverables',
							'计划成果 Planned Deliverables',
						).replace(/[,，、]/g, ';'),
				'plannedDeliverables',
				'计划成果 Planned Deliverables',
			).map((kind, i) =>
				vocabulary(
					kind,
					`plannedDeliverables[${i}]`,
					'计划成果 Planned Deliverables',
					DELIVERABLE_KINDS,
					DELIVERABLE_KIND_LABELS,
				),
			),
		),
	];

	return {
		columns: {
			code,
			name,
			course_type: courseType,
			credits,
			hours_theory: theory,
			hours_practice: practice,
			hours_total: total,
			enterprise_share: enterpriseShare,
			enterprise_lead_id: lead.id,
			modules: JSON.stringify(modules),
			planned_deliverables: JSON.stringify(planned),
			start_term: optionalText(input.startTerm, 'startTerm', '开课学期 Start Term', 40),
			submitter_name: optionalText(input.submitterName, 'submitterName', '申报人 Submitter', 100),
			submitter_email: optionalEmail(
				input.submitterEmail,
				'submitterEmail',
				'申报人邮箱 Submitter Email',
			),
		},
		partnerIds,
		memberIds: members.map((m) => m.id),
	};
}

function pct(fraction: number): string {
	return `${Math.round(fraction * 1000) / 10}%`;
}
