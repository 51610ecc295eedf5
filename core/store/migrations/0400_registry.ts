import type { Migration } from './migration';

/** Patents, research projects, their fee payments, milestones and the deadline index. */
export const registry: Migration = {
	name: '0400_registry',
	async up(db, ctx) {
		const text = 'text' as const;
		await db.schema
			.createTable('registry_patent')
			.addColumn('id', text, (c) => c.primaryKey())
			.addColumn('application_no', text, (c) => c.notNull().unique())
			.addColumn('title', text, (c) => c.notNull())
			.addColumn('type', text, (c) => c.notNull())
			.addColumn('filing_date', text, (c) => c.notNull())
			.addColumn('status', text, (c) => c.notNull())
			.addColumn('status_on', text)
			.addColumn('granted_on', text)
			.addColumn('agent', text)
			.addColumn('contact_id', text, (c) => c.references('person.id'))
			.addColumn('exam_response_due', text)
			.addColumn('exam_response_note', text)
			.addColumn('course_ids', text, (c) => c.notNull().defaultTo('[]'))
			.addColumn('notes', text)
			.addColumn('term_expires_on', text, (c) => c.notNull())
			.addColumn('next_fee_year', 'integer')
			.addColumn('next_fee_due', text)
			.addColumn('grace_ends_on', text)
			.addColumn('end_reason', text)
			.addColumn('created_at', text, (c) => c.notNull())
			.addColumn('updated_at', text, (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('registry_patent_status')
			.on('registry_patent')
			.column('status')
			.execute();
		await db.schema
			.createIndex('registry_patent_contact')
			.on('registry_patent')
			.column('contact_id')
			.execute();

		await db.schema
			.createTable('registry_patent_party')
			.addColumn('id', text, (c) => c.primaryKey())
			.addColumn('patent_id', text, (c) => c.notNull().references('registry_patent.id'))
			.addColumn('role', text, (c) => c.notNull())
			.addColumn('seq', 'integer', (c) => c.notNull())
			.addColumn('person_id', text, (c) => c.references('person.id'))
			.addColumn('organisation_id', text, (c) => c.references('organisation.id'))
			.addColumn('name', text, (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('registry_patent_party_patent')
			.on('registry_patent_party')
			.columns(['patent_id', 'role', 'seq'])
			.execute();
		await db.schema
			.createIndex('registry_patent_party_person')
			.on('registry_patent_party')
			.column('person_id')
			.execute();
		await db.schema
			.createIndex('registry_patent_party_org')
			.on('registry_patent_party')
			.column('organisation_id')
			.execute();

		await db.schema
			.createTable('registry_fee_payment')
			.addColumn('id', text, (c) => c.primaryKey())
			.addColumn('patent_id', text, (c) => c.notNull().references('registry_patent.id'))
			.addColumn('patent_year', 'integer', (c) => c.notNull())
			.addColumn('paid_on', text, (c) => c.notNull())
			.addColumn('amount', ctx.float, (c) => c.notNull())
			.addColumn('surcharge_rate', ctx.float, (c) => c.notNull())
			.addColumn('surcharge', ctx.float, (c) => c.notNull())
			.addColumn('note', text)
			.addColumn('created_at', text, (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('registry_fee_payment_year')
			.on('registry_fee_payment')
			.columns(['patent_id', 'patent_year'])
			.unique()
			.execute();

		await db.schema
			.createTable('registry_status_history')
			.addColumn('id', text, (c) => c.primaryKey())
			.addColumn('subject_type', text, (c) => c.notNull())
			.addColumn('subject_id', text, (c) => c.notNull())
			.addColumn('from_status', text)
			.addColumn('to_status', text, (c) => c.notNull())
			.addColumn('on_date', text, (c) => c.notNull())
			.addColumn('reason', text)
			.addColumn('actor', text, (c) => c.notNull())
			.addColumn('at', text, (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('registry_status_history_subject')
			.on('registry_status_history')
			.columns(['subject_type', 'subject_id'])
			.execute();

		await db.schema
			.createTable('registry_project')
			.addColumn('id', text, (c) => c.primaryKey())
			.addColumn('project_no', text, (c) => c.notNull().unique())
			.addColumn('name', text, (c) => c.notNull())
			.addColumn('category', text, (c) => c.notNull())
			.addColumn('level', text)
			.addColumn('funding_body', text)
			.addColumn('client_id', text, (c) => c.references('organisation.id'))
			.addColumn('client_name', text)
			.addColumn('contract_no', text)
			.addColumn('pi_id', text, (c) => c.notNull().references('person.id'))
			.addColumn('member_ids', text, (c) => c.notNull().defaultTo('[]'))
			.addColumn('budget', ctx.float)
			.addColumn('funds_received', ctx.float, (c) => c.notNull().defaultTo(0))
			.addColumn('start_date', text)
			.addColumn('end_date', text)
			.addColumn('status', text, (c) => c.notNull())
			.addColumn('status_on', text)
			.addColumn('end_reason', text)
			.addColumn('notes', text)
			.addColumn('created_at', text, (c) => c.notNull())
			.addColumn('updated_at', text, (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('registry_project_pi')
			.on('registry_project')
			.column('pi_id')
			.execute();
		await db.schema
			.createIndex('registry_project_client')
			.on('registry_project')
			.column('client_id')
			.execute();
		await db.schema
			.createIndex('registry_project_status')
			.on('registry_project')
			.column('status')
			.execute();

		await db.schema
			.createTable('registry_funds')
			.addColumn('id', text, (c) => c.primaryKey())
			.addColumn('project_id', text, (c) => c.notNull().references('registry_project.id'))
			.addColumn('received_on', text, (c) => c.notNull())
			.addColumn('amount', ctx.float, (c) => c.notNull())
			.addColumn('note', text)
			.addColumn('created_at', text, (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('registry_funds_project')
			.on('registry_funds')
			.column('project_id')
			.execute();

		await db.schema
			.createTable('registry_milestone')
			.addColumn('id', text, (c) => c.primaryKey())
			.addColumn('project_id', text, (c) => c.notNull().references('registry_project.id'))
			.addColumn('kind', text, (c) => c.notNull())
			.addColumn('title', text)
			.addColumn('due_on', text, (c) => c.notNull())
			.addColumn('done_on', text)
			.addColumn('created_at', text, (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('registry_milestone_project')
			.on('registry_milestone')
			.column('project_id')
			.execute();

		await db.schema
			.createTable('registry_output')
			.addColumn('id', text, (c) => c.primaryKey())
			.addColumn('project_id', text, (c) => c.notNull().references('registry_project.id'))
			.addColumn('output_type', text, (c) => c.notNull())
			.addColumn('ref_id', text)
			.addColumn('title', text, (c) => c.notNull())
			.addColumn('detail', text)
			.addColumn('created_at', text, (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('registry_output_project')
			.on('registry_output')
			.column('project_id')
			.execute();
		await db.schema
			.createIndex('registry_output_ref')
			.on('registry_output')
			.columns(['output_type', 'ref_id'])
			.execute();

		await db.schema
			.createTable('registry_deadline')
			.addColumn('id', text, (c) => c.primaryKey())
			.addColumn('kind', text, (c) => c.notNull())
			.addColumn('due_on', text, (c) => c.notNull())
			.addColumn('subject_type', text, (c) => c.notNull())
			.addColumn('subject_id', text, (c) => c.notNull())
			.addColumn('subject_no', text, (c) => c.notNull())
			.addColumn('subject_title', text, (c) => c.notNull())
			.addColumn('owner_id', text)
			.addColumn('detail', text)
			.execute();
		// The window query is a range scan on due_on; id makes the order total for paging.
		await db.schema
			.createIndex('registry_deadline_due')
			.on('registry_deadline')
			.columns(['due_on', 'id'])
			.execute();
		await db.schema
			.createIndex('registry_deadline_subject')
			.on('registry_deadline')
			.columns(['subject_type', 'subject_id'])
			.execute();
	},
};
