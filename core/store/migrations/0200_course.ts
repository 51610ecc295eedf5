import type { Migration } from './migration';

/**
 * Course proposals, their partners and team (join tables, so the directory can refuse to
 * delete an organisation or person a course still names), lifecycle history and deliverables.
 */
export const course: Migration = {
	name: '0200_course',
	async up(db, ctx) {
		await db.schema
			.createTable('course')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('code', 'text', (c) => c.notNull().unique())
			.addColumn('name', 'text', (c) => c.notNull())
			.addColumn('course_type', 'text', (c) => c.notNull())
			.addColumn('credits', ctx.float, (c) => c.notNull())
			.addColumn('hours_theory', 'integer', (c) => c.notNull())
			.addColumn('hours_practice', 'integer', (c) => c.notNull())
			.addColumn('hours_total', 'integer', (c) => c.notNull())
			.addColumn('enterprise_share', ctx.float, (c) => c.notNull())
			.addColumn('enterprise_lead_id', 'text', (c) => c.notNull().references('person.id'))
			.addColumn('modules', 'text', (c) => c.notNull().defaultTo('[]'))
			.addColumn('planned_deliverables', 'text', (c) => c.notNull().defaultTo('[]'))
			.addColumn('start_term', 'text')
			.addColumn('submitter_name', 'text')
			.addColumn('submitter_email', 'text')
			.addColumn('status', 'text', (c) => c.notNull())
			.addColumn('status_reason', 'text')
			.addColumn('approved_on', 'text')
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('updated_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema.createIndex('course_status').on('course').column('status').execute();
		await db.schema.createIndex('course_lead').on('course').column('enterprise_lead_id').execute();

		await db.schema
			.createTable('course_partner')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('course_id', 'text', (c) => c.notNull().references('course.id'))
			.addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
			.addColumn('position', 'integer', (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('course_partner_course')
			.on('course_partner')
			.columns(['course_id', 'organisation_id'])
			.unique()
			.execute();
		await db.schema
			.createIndex('course_partner_org')
			.on('course_partner')
			.column('organisation_id')
			.execute();

		await db.schema
			.createTable('course_member')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('course_id', 'text', (c) => c.notNull().references('course.id'))
			.addColumn('person_id', 'text', (c) => c.notNull().references('person.id'))
			.addColumn('position', 'integer', (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('course_member_course')
			.on('course_member')
			.columns(['course_id', 'person_id'])
			.unique()
			.execute();
		await db.schema
			.createIndex('course_member_person')
			.on('course_member')
			.column('person_id')
			.execute();

		await db.schema
			.createTable('course_history')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('course_id', 'text', (c) => c.notNull().references('course.id'))
			.addColumn('from_state', 'text')
			.addColumn('to_state', 'text', (c) => c.notNull())
			.addColumn('on_date', 'text', (c) => c.notNull())
			.addColumn('at', 'text', (c) => c.notNull())
			.addColumn('note', 'text')
			.addColumn('evidence', 'text', (c) => c.notNull().defaultTo('[]'))
			.addColumn('actor', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('course_history_course')
			.on('course_history')
			.column('course_id')
			.execute();

		await db.schema
			.createTable('course_deliverable')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('course_id', 'text', (c) => c.notNull().references('course.id'))
			.addColumn('kind', 'text', (c) => c.notNull())
			.addColumn('title', 'text')
			.addColumn('status', 'text', (c) => c.notNull())
			.addColumn('link', 'text')
			.addColumn('due_on', 'text')
			.addColumn('completed_on', 'text')
			.addColumn('note', 'text')
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('updated_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('course_deliverable_course')
			.on('course_deliverable')
			.column('course_id')
			.execute();
		await db.schema
			.createIndex('course_deliverable_kind')
			.on('course_deliverable')
			.columns(['kind', 'status'])
			.execute();
	},
};
