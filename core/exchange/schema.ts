/** The exchange module's tables (教师下企业，技师进教室), merged into the store's `Database`. */
export interface ExchangeStationTable {
	id: string;
	name: string;
	organisation_id: string;
	/** 流动站 station or 实践基地 base. */
	kind: string;
	/** Teachers the site can host at the same time. */
	capacity: number;
	contact_name: string | null;
	contact_phone: string | null;
	contact_email: string | null;
	address: string | null;
	recognised_from: string | null;
	recognised_to: string | null;
	created_at: string;
	updated_at: string;
}

export interface ExchangePlacementTable {
	id: string;
	teacher_id: string;
	host_id: string;
	station_id: string | null;
	form: string;
	status: string;
	planned_start: string;
	planned_end: string;
	planned_days: number;
	goals: string | null;
	mentor_id: string | null;
	mentor_name: string | null;
	/** Derived from confirmed weekly logs on every confirmation; never typed. */
	actual_days: number;
	actual_hours: number;
	report: string | null;
	report_submitted_at: string | null;
	assessment_grade: string | null;
	assessment_comments: string | null;
	assessed_at: string | null;
	department_grade: string | null;
	department_comments: string | null;
	status_reason: string | null;
	created_at: string;
	updated_at: string;
}

export interface ExchangeLogTable {
	id: string;
	placement_id: string;
	/** The Monday of the logged week. */
	week_start: string;
	hours: number;
	days_on_site: number;
	/** JSON list of `YYYY-MM-DD` on-site dates, or null when only the count was given. */
	on_site_dates: string | null;
	content: string;
	confirmed: number;
	confirmed_by: string | null;
	confirmed_at: string | null;
	created_at: string;
	updated_at: string;
}

export interface ExchangeEngagementTable {
	id: string;
	technician_id: string;
	enterprise_id: string;
	course: string;
	module: string | null;
	term: string;
	years_in_industry: number | null;
	status: string;
	/** qualified / not_qualified, from the latest qualification check. */
	qualification: string | null;
	qualification_detail: string | null;
	department_grade: string | null;
	department_comments: string | null;
	evaluated_at: string | null;
	status_reason: string | null;
	created_at: string;
	updated_at: string;
}

export interface ExchangeSessionTable {
	id: string;
	engagement_id: string;
	date: string;
	hours: number;
	topic: string | null;
	/** Mean student feedback score, 0–100, and how many students answered. */
	feedback_score: number | null;
	feedback_count: number | null;
	created_at: string;
}

declare module '../store/schema' {
	interface Database {
		exchange_station: ExchangeStationTable;
		exchange_placement: ExchangePlacementTable;
		exchange_log: ExchangeLogTable;
		exchange_engagement: ExchangeEngagementTable;
		exchange_session: ExchangeSessionTable;
	}
}
