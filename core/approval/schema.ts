/** The approval module's tables, merged into the store's `Database`. */
export interface ApprovalSequenceTable {
	prefix: string;
	year: number;
	last: number;
}

export interface ApprovalRequestTable {
	id: string;
	number: string;
	subject_type: string;
	subject_id: string | null;
	title: string;
	/** JSON array of {label, value}. */
	subject_fields: string;
	submitter_email: string;
	submitter_name: string | null;
	/** JSON array of {email, name}. */
	cc: string;
	status: string;
	reason: string | null;
	reason_note: string | null;
	current_stage: number | null;
	/** Due time of the current stage, copied here so "overdue" is one indexed filter. */
	due_at: string | null;
	auto_pass: number;
	/** Where approvers' links point: the permanent link endpoint (older requests: the resume URL + `/decide`). */
	link_base: string | null;
	/** The waiting execution's resume URL + `/decide`, where the outcome is handed over; null on older requests (then `link_base`). */
	resume_url: string | null;
	/** The last notification round handed to the waiting execution (a retried hand-over sends nothing twice). */
	handed_round: number;
	/** The round a decision at the link endpoint opened and owes the waiting execution (above `handed_round` while unclaimed). */
	owed_round: number;
	execution_id: string | null;
	node_id: string | null;
	/** Counts notification rounds handed to the workflow, and the round the execution waits on. */
	notify_round: number;
	waited_round: number;
	/** 1 once the waiting execution has been resumed with the result: it happens exactly once. */
	delivered: number;
	/** When the result was handed out again after n8n lost the execution that carried it (补投); at most once. */
	redelivered_at: string | null;
	created_at: string;
	updated_at: string;
	decided_at: string | null;
}

export interface ApprovalStageTable {
	id: string;
	request_id: string;
	idx: number;
	name: string;
	mode: string;
	quorum: number | null;
	status: string;
	/** JSON of the skip condition, or null. */
	skip_if: string | null;
	due_hours: number | null;
	/** The time limit in working days of the consortium's calendar; wins over `due_hours`. */
	due_working_days: number | null;
	remind_hours: number | null;
	/** The 催办 interval in working days of the consortium's calendar; wins over `remind_hours`. */
	remind_working_days: number | null;
	timeout_action: string;
	/** JSON array of {email, name}. */
	escalate_to: string;
	escalated: number;
	due_at: string | null;
	started_at: string | null;
	finished_at: string | null;
}

export interface ApprovalSlotTable {
	id: string;
	request_id: string;
	stage_id: string;
	stage_idx: number;
	position: number;
	email: string;
	name: string | null;
	status: string;
	/** sha256 of the link token; the token itself is never stored. */
	token_hash: string | null;
	/** 128 random bits from which the token is derived with the link secret. */
	token_salt: string | null;
	decided_at: string | null;
	comment: string | null;
	ip: string | null;
	user_agent: string | null;
	reassigned_from: string | null;
	/** 委托: the approver this slot's deputy acts for; null when they act for themselves. */
	delegated_from: string | null;
	added: number;
	reminded_at: string | null;
	/** When the approver's turn came and their link went out; null on slots opened before 0101. */
	opened_at: string | null;
	created_at: string;
}

export interface ApprovalInboxTable {
	id: string;
	email: string;
	/** sha256 of the inbox token; the token itself is never stored. */
	token_hash: string;
	/** 128 random bits from which the token is derived with the link secret. */
	token_salt: string;
	created_at: string;
	expires_at: string;
	/** Set when the link is revoked, or replaced by a newer one for the same person. */
	revoked_at: string | null;
}

export interface ApprovalDelegationTable {
	id: string;
	email: string;
	deputy_email: string;
	deputy_name: string | null;
	/** Dates in the consortium's zone, both included. */
	from_date: string;
	to_date: string;
	created_at: string;
	revoked_at: string | null;
}

/** 附件: a file a request carries, its bytes in the store (blob on SQLite, bytea on PostgreSQL). */
export interface ApprovalAttachmentTable {
	id: string;
	request_id: string;
	/** The order the workflow gave the files in. */
	position: number;
	file_name: string;
	mime_type: string;
	size: number;
	/** Hex sha256 of the content, for checks without reading the bytes. */
	sha256: string;
	content: Uint8Array;
	created_at: string;
}

declare module '../store/schema' {
	interface Database {
		approval_attachment: ApprovalAttachmentTable;
		approval_delegation: ApprovalDelegationTable;
		approval_inbox: ApprovalInboxTable;
		approval_sequence: ApprovalSequenceTable;
		approval_request: ApprovalRequestTable;
		approval_stage: ApprovalStageTable;
		approval_slot: ApprovalSlotTable;
	}
}
