/** The course module's tables, merged into the store's `Database`. */
export interface CourseTable {
	id: string;
	code: string;
	name: string;
	course_type: string;
	credits: number;
	hours_theory: number;
	hours_practice: number;
	hours_total: number;
	/** Fraction of teaching hours taught by enterprise staff, 0–1. */
	enterprise_share: number;
	enterprise_lead_id: string;
	/** JSON list of module titles (模块 / 工学一体化 learning tasks). */
	modules: string;
	/** JSON list of deliverable kinds planned at proposal time. */
	planned_deliverables: string;
	start_term: string | null;
	submitter_name: string | null;
	submitter_email: string | null;
	status: string;
	/** The reason given with the latest rejection, return or withdrawal. */
	status_reason: string | null;
	/** The 立项 date, once approved. */
	approved_on: string | null;
	created_at: string;
	updated_at: string;
}

export interface CoursePartnerTable {
	id: string;
	course_id: string;
	organisation_id: string;
	position: number;
}

export interface CourseMemberTable {
	id: string;
	course_id: string;
	person_id: string;
	position: number;
}

export interface CourseHistoryTable {
	id: string;
	course_id: string;
	from_state: string | null;
	to_state: string;
	/** The calendar date the step took effect (YYYY-MM-DD, consortium zone). */
	on_date: string;
	/** The instant it was recorded (UTC). */
	at: string;
	note: string | null;
	/** JSON list of evidence links. */
	evidence: string;
	actor: string;
}

export interface CourseDeliverableTable {
	id: string;
	course_id: string;
	kind: string;
	title: string | null;
	status: string;
	link: string | null;
	due_on: string | null;
	completed_on: string | null;
	note: string | null;
	created_at: string;
	updated_at: string;
}

declare module '../store/schema' {
	interface Database {
		course: CourseTable;
		course_partner: CoursePartnerTable;
		course_member: CourseMemberTable;
		course_history: CourseHistoryTable;
		course_deliverable: CourseDeliverableTable;
	}
}
