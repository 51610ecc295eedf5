/** The registry's tables, added to the store's `Database` by declaration merging. */
export interface RegistryPatentTable {
	id: string;
	application_no: string;
	title: string;
	type: string;
	filing_date: string;
	status: string;
	status_on: string | null;
	granted_on: string | null;
	agent: string | null;
	/** 负责人: the person reminders go to; the first inventor from the directory when not given. */
	contact_id: string | null;
	exam_response_due: string | null;
	exam_response_note: string | null;
	course_ids: string;
	notes: string | null;
	/** Computed from type and filing date, stored so deadlines can be queried by index. */
	term_expires_on: string;
	/** 原申请号 of a divisional. */
	parent_application_no: string | null;
	/** PCT 国际申请日 of a national-phase entry (equal to its filing date). */
	pct_filing_date: string | null;
	/** 已缴至第 N 年, from the ledger; payments recorded here count besides it. */
	paid_through_year: number | null;
	/** 1 when the store assumed `paid_through_year` because the ledger did not say (待核实). */
	paid_through_assumed: number;
	/** 费减: the share taken off (0.85, 0.7) and for how many patent years from the grant year. */
	fee_reduction_rate: number | null;
	fee_reduction_years: number | null;
	/** 专利权期限补偿 days (专利法 art. 42), already added into `term_expires_on`. */
	term_extension_days: number;
	/** The day rights were restored (恢复权利) after termination for an unpaid fee. */
	restored_on: string | null;
	next_fee_year: number | null;
	next_fee_due: string | null;
	grace_ends_on: string | null;
	end_reason: string | null;
	created_at: string;
	updated_at: string;
}

export interface RegistryPatentPartyTable {
	id: string;
	patent_id: string;
	/** `inventor` or `applicant`. */
	role: string;
	seq: number;
	person_id: string | null;
	organisation_id: string | null;
	/** As written, so external inventors and unknown owners are kept. */
	name: string;
}

export interface RegistryFeePaymentTable {
	id: string;
	patent_id: string;
	patent_year: number;
	paid_on: string;
	amount: number;
	surcharge_rate: number;
	surcharge: number;
	note: string | null;
	created_at: string;
}

export interface RegistryStatusHistoryTable {
	id: string;
	subject_type: string;
	subject_id: string;
	from_status: string | null;
	to_status: string;
	on_date: string;
	reason: string | null;
	actor: string;
	at: string;
}

export interface RegistryProjectTable {
	id: string;
	project_no: string;
	name: string;
	/** `vertical` 纵向 or `horizontal` 横向. */
	category: string;
	level: string | null;
	funding_body: string | null;
	client_id: string | null;
	client_name: string | null;
	contract_no: string | null;
	pi_id: string;
	member_ids: string;
	budget: number | null;
	funds_received: number;
	start_date: string | null;
	end_date: string | null;
	status: string;
	status_on: string | null;
	end_reason: string | null;
	notes: string | null;
	created_at: string;
	updated_at: string;
}

export interface RegistryFundsTable {
	id: string;
	project_id: string;
	received_on: string;
	amount: number;
	note: string | null;
	created_at: string;
}

export interface RegistryMilestoneTable {
	id: string;
	project_id: string;
	/** `opening` 开题, `midterm` 中期检查, `closing` 结题, or `other`. */
	kind: string;
	title: string | null;
	due_on: string;
	done_on: string | null;
	created_at: string;
}

export interface RegistryOutputTable {
	id: string;
	project_id: string;
	/** `patent`, `course`, `paper` or `other`. */
	output_type: string;
	ref_id: string | null;
	title: string;
	detail: string | null;
	created_at: string;
}

/**
 * Every open deadline, kept up to date whenever a patent or project changes, so that
 * "what is due between two dates" is one range scan on `due_on`.
 */
export interface RegistryDeadlineTable {
	id: string;
	kind: string;
	due_on: string;
	subject_type: string;
	subject_id: string;
	subject_no: string;
	subject_title: string;
	owner_id: string | null;
	detail: string | null;
}

declare module '../store/schema' {
	interface Database {
		registry_patent: RegistryPatentTable;
		registry_patent_party: RegistryPatentPartyTable;
		registry_fee_payment: RegistryFeePaymentTable;
		registry_status_history: RegistryStatusHistoryTable;
		registry_project: RegistryProjectTable;
		registry_funds: RegistryFundsTable;
		registry_milestone: RegistryMilestoneTable;
		registry_output: RegistryOutputTable;
		registry_deadline: RegistryDeadlineTable;
	}
}
