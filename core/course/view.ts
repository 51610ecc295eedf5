import type { Db, Tx } from '../store/store';
import type { CourseTable } from './schema';
import { COURSE_STATE_LABELS, type CourseState } from './lifecycle';
import {
	COURSE_TYPE_LABELS,
	DELIVERABLE_KIND_LABELS,
	type CourseType,
	type DeliverableKind,
} from './vocabulary';

/**
 * A course as nodes emit it: flat (no nested objects or arrays), so an item drops straight
 * into a spreadsheet row. Lists are joined text; ids and names sit side by side. A few
 * Chinese keys repeat the main columns for ledgers read by people.
 */
export interface CourseView {
	id: string;
	code: string;
	name: string;
	courseType: CourseType;
	courseTypeLabel: string;
	credits: number;
	hoursTheory: number;
	hoursPractice: number;
	hoursTotal: number;
	enterpriseShare: number;
	partnerIds: string;
	partnerNames: string;
	enterpriseLeadId: string;
	enterpriseLeadName: string;
	enterpriseLeadEmail: string;
	teamIds: string;
	teamNames: string;
	teamSize: number;
	modules: string;
	plannedDeliverables: string;
	startTerm: string;
	submitterName: string;
	submitterEmail: string;
	status: CourseState;
	statusLabel: string;
	statusReason: string;
	approvedOn: string;
	createdAt: string;
	updatedAt: string;
	课程代码: string;
	课程名称: string;
	课程类型: string;
	学分: number;
	总学时: number;
	合作企业: string;
	状态: string;
	[key: string]: string | number;
}

/** Loads partner, team and lead names for many courses in three queries, not three per course. */
export async function viewCourses(db: Db | Tx, rows: CourseTable[]): Promise<CourseView[]> {
	if (rows.length === 0) return [];
	const ids = rows.map((r) => r.id);
	const partners = await db
		.selectFrom('course_partner')
		.innerJoin('organisation', 'organisation.id', 'course_partner.organisation_id')
		.select(['course_partner.course_id', 'organisation.id', 'organisation.name'])
		.where('course_partner.course_id', 'in', ids)
		.orderBy('course_partner.position')
		.execute();
	const members = await db
		.selectFrom('course_member')
		.innerJoin('person', 'person.id', 'course_member.person_id')
		.select(['course_member.course_id', 'person.id', 'person.name'])
		.where('course_member.course_id', 'in', ids)
		.orderBy('course_member.position')
		.execute();
	const leads = await db
		.selectFrom('person')
		.select(['id', 'name', 'email'])
		.where('id', 'in', [...new Set(rows.map((r) => r.enterprise_lead_id))])
		.execute();
	return rows.map((row) => {
		const p = partners.filter((x) => x.course_id === row.id);
		const m = members.filter((x) => x.course_id === row.id);
		const lead = leads.find((l) => l.id === row.enterprise_lead_id);
		const type = row.course_type as CourseType;
		const status = row.status as CourseState;
		const planned = JSON.parse(row.planned_deliverables) as DeliverableKind[];
		return {
			id: row.id,
			code: row.code,
			name: row.name,
			courseType: type,
			courseTypeLabel: COURSE_TYPE_LABELS[type],
			credits: Number(row.credits),
			hoursTheory: Number(row.hours_theory),
			hoursPractice: Number(row.hours_practice),
			hoursTotal: Number(row.hours_total),
			enterpriseShare: Number(row.enterprise_share),
			partnerIds: p.map((x) => x.id).join(', '),
			partnerNames: p.map((x) => x.name).join('、'),
			enterpriseLeadId: row.enterprise_lead_id,
			enterpriseLeadName: lead?.name ?? '',
			enterpriseLeadEmail: lead?.email ?? '',
			teamIds: m.map((x) => x.id).join(', '),
			teamNames: m.map((x) => x.name).join('、'),
			teamSize: m.length,
			modules: (JSON.parse(row.modules) as string[]).join('；'),
			plannedDeliverables: planned.join(', '),
			startTerm: row.start_term ?? '',
			submitterName: row.submitter_name ?? '',
			submitterEmail: row.submitter_email ?? '',
			status,
			statusLabel: COURSE_STATE_LABELS[status],
			statusReason: row.status_reason ?? '',
			approvedOn: row.approved_on ?? '',
			createdAt: row.created_at,
			updatedAt: row.updated_at,
			课程代码: row.code,
			课程名称: row.name,
			课程类型: COURSE_TYPE_LABELS[type].split(' ')[0],
			学分: Number(row.credits),
			总学时: Number(row.hours_total),
			合作企业: p.map((x) => x.name).join('、'),
			计划成果: planned.map((k) => DELIVERABLE_KIND_LABELS[k].split(' ')[0]).join('、'),
			状态: COURSE_STATE_LABELS[status].split(' ')[0],
		};
	});
}

/** A stored course back in the shape `validateProposal` reads, for re-validation on submit. */
export function rowToProposalInput(row: CourseTable, partnerIds: string[], memberIds: string[]) {
	return {
		name: row.name,
		code: row.code,
		courseType: row.course_type,
		credits: Number(row.credits),
		hoursTheory: Number(row.hours_theory),
		hoursPractice: Number(row.hours_practice),
		hoursTotal: Number(row.hours_total),
		enterpriseShare: Number(row.enterprise_share),
		partners: partnerIds,
		enterpriseLead: row.enterprise_lead_id,
		team: memberIds,
		modules: JSON.parse(row.modules) as string[],
		plannedDeliverables: JSON.parse(row.planned_deliverables) as string[],
		startTerm: row.start_term,
		submitterName: row.submitter_name,
		submitterEmail: row.submitter_email,
	};
}
