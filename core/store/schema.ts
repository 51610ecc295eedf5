/**
 * The store's table types. Each domain module adds its own tables to `Database` by
 * declaration merging (`declare module '../store/schema'`), so modules never edit one
 * shared file.
 *
 * Conventions shared by every table:
 * - ids are text (`newId(prefix)`), time-ordered, so keyset pagination by id follows creation;
 * - instants are ISO-8601 UTC text; calendar dates are `YYYY-MM-DD` text;
 * - JSON is stored as text; booleans as integers 0/1.
 */
export interface SchemaMigrationTable {
	name: string;
	applied_at: string;
}

export interface AuditTable {
	/** Autoincrement on both dialects: the order in which changes committed their audit rows. */
	seq?: number;
	id: string;
	at: string;
	actor: string;
	action: string;
	entity_type: string;
	entity_id: string;
	/** JSON of the fields that changed, before and after. */
	changes: string | null;
	ip: string | null;
	user_agent: string | null;
	note: string | null;
}

export interface OrganisationTable {
	id: string;
	name: string;
	kind: string;
	credit_code: string | null;
	contact_name: string | null;
	contact_email: string | null;
	contact_phone: string | null;
	member_since: string | null;
	roles: string;
	created_at: string;
	updated_at: string;
}

export interface PersonTable {
	id: string;
	name: string;
	kind: string;
	organisation_id: string | null;
	department: string | null;
	email: string | null;
	phone: string | null;
	title: string | null;
	skill_level: string | null;
	course_category: string | null;
	dual_qualified: number;
	dual_qualified_since: string | null;
	dual_qualified_level: string | null;
	employee_no: string | null;
	joined_on: string | null;
	enterprise_experience: number;
	wecom_user_id: string | null;
	dingtalk_user_id: string | null;
	feishu_open_id: string | null;
	created_at: string;
	updated_at: string;
}

export interface SettingTable {
	key: string;
	value: string;
}

export interface Database {
	setting: SettingTable;
	schema_migration: SchemaMigrationTable;
	audit: AuditTable;
	organisation: OrganisationTable;
	person: PersonTable;
}
