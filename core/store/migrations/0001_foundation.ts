import { sql } from 'kysely';
import type { Migration } from './migration';

/** The audit trail and the directory of organisations and people, which every module uses. */
export const foundation: Migration = {
	name: '0001_foundation',
	async up(db, ctx) {
		await db.schema
			.createTable('setting')
			.addColumn('key', 'text', (c) => c.primaryKey())
			.addColumn('value', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createTable('audit')
			.addColumn('seq', ctx.autoIncrement, (c) =>
				ctx.dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey(),
			)
			.addColumn('id', 'text', (c) => c.notNull().unique())
			.addColumn('at', 'text', (c) => c.notNull())
			.addColumn('actor', 'text', (c) => c.notNull())
			.addColumn('action', 'text', (c) => c.notNull())
			.addColumn('entity_type', 'text', (c) => c.notNull())
			.addColumn('entity_id', 'text', (c) => c.notNull())
			.addColumn('changes', 'text')
			.addColumn('ip', 'text')
			.addColumn('user_agent', 'text')
			.addColumn('note', 'text')
			.execute();
		await db.schema
			.createIndex('audit_entity')
			.on('audit')
			.columns(['entity_type', 'entity_id'])
			.execute();

		await db.schema
			.createTable('organisation')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('name', 'text', (c) => c.notNull())
			.addColumn('kind', 'text', (c) => c.notNull())
			.addColumn('credit_code', 'text')
			.addColumn('contact_name', 'text')
			.addColumn('contact_email', 'text')
			.addColumn('contact_phone', 'text')
			.addColumn('member_since', 'text')
			.addColumn('roles', 'text', (c) => c.notNull().defaultTo('[]'))
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('updated_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('organisation_name')
			.on('organisation')
			.column('name')
			.unique()
			.execute();
		await db.schema
			.createIndex('organisation_credit_code')
			.on('organisation')
			.column('credit_code')
			.unique()
			.where(sql.ref('credit_code'), 'is not', null)
			.execute();

		await db.schema
			.createTable('person')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('name', 'text', (c) => c.notNull())
			.addColumn('kind', 'text', (c) => c.notNull())
			.addColumn('organisation_id', 'text', (c) => c.references('organisation.id'))
			.addColumn('department', 'text')
			.addColumn('email', 'text')
			.addColumn('phone', 'text')
			.addColumn('title', 'text')
			.addColumn('skill_level', 'text')
			.addColumn('course_category', 'text')
			.addColumn('dual_qualified', 'integer', (c) => c.notNull().defaultTo(0))
			.addColumn('dual_qualified_since', 'text')
			.addColumn('dual_qualified_level', 'text')
			.addColumn('employee_no', 'text')
			.addColumn('joined_on', 'text')
			.addColumn('enterprise_experience', 'integer', (c) => c.notNull().defaultTo(0))
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('updated_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('person_email')
			.on('person')
			.column('email')
			.unique()
			.where(sql.ref('email'), 'is not', null)
			.execute();
		await db.schema
			.createIndex('person_organisation')
			.on('person')
			.column('organisation_id')
			.execute();
	},
};
