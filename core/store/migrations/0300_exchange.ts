import type { Migration } from './migration';

/** Practice stations, teacher placements with weekly logs, technician engagements with sessions. */
export const exchange: Migration = {
	name: '0300_exchange',
	async up(db, ctx) {
		const stamps = (t: any) =>
			t
				.addColumn('created_at', 'text', (c: any) => c.notNull())
				.addColumn('updated_at', 'text', (c: any) => c.notNull());
		await stamps(
			db.schema
				.createTable('exchange_station')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('name', 'text', (c) => c.notNull())
				.addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
				.addColumn('kind', 'text', (c) => c.notNull())
				.addColumn('capacity', 'integer', (c) => c.notNull())
				.addColumn('contact_name', 'text')
				.addColumn('contact_phone', 'text')
				.addColumn('contact_email', 'text')
				.addColumn('address', 'text')
				.addColumn('recognised_from', 'text')
				.addColumn('recognised_to', 'text'),
		).execute();
		await db.schema
			.createIndex('exchange_station_name')
			.on('exchange_station')
			.column('name')
			.unique()
			.execute();

		await stamps(
			db.schema
				.createTable('exchange_placement')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('teacher_id', 'text', (c) => c.notNull().references('person.id'))
				.addColumn('host_id', 'text', (c) => c.notNull().references('organisation.id'))
				.addColumn('station_id', 'text', (c) => c.references('exchange_station.id'))
				.addColumn('form', 'text', (c) => c.notNull())
				.addColumn('status', 'text', (c) => c.notNull())
				.addColumn('planned_start', 'text', (c) => c.notNull())
				.addColumn('planned_end', 'text', (c) => c.notNull())
				.addColumn('planned_days', 'integer', (c) => c.notNull())
				.addColumn('goals', 'text')
				.addColumn('mentor_id', 'text', (c) => c.references('person.id'))
				.addColumn('mentor_name', 'text')
				.addColumn('actual_days', 'integer', (c) => c.notNull().defaultTo(0))
				.addColumn('actual_hours', ctx.float, (c) => c.notNull().defaultTo(0))
				.addColumn('report', 'text')
				.addColumn('report_submitted_at', 'text')
				.addColumn('assessment_grade', 'text')
				.addColumn('assessment_comments', 'text')
				.addColumn('assessed_at', 'text')
				.addColumn('department_grade', 'text')
				.addColumn('department_comments', 'text')
				.addColumn('status_reason', 'text'),
		).execute();
		await db.schema
			.createIndex('exchange_placement_teacher')
			.on('exchange_placement')
			.column('teacher_id')
			.execute();
		await db.schema
			.createIndex('exchange_placement_station')
			.on('exchange_placement')
			.column('station_id')
			.execute();

		await stamps(
			db.schema
				.createTable('exchange_log')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('placement_id', 'text', (c) => c.notNull().references('exchange_placement.id'))
				.addColumn('week_start', 'text', (c) => c.notNull())
				.addColumn('hours', ctx.float, (c) => c.notNull())
				.addColumn('days_on_site', 'integer', (c) => c.notNull())
				.addColumn('on_site_dates', 'text')
				.addColumn('content', 'text', (c) => c.notNull())
				.addColumn('confirmed', 'integer', (c) => c.notNull().defaultTo(0))
				.addColumn('confirmed_by', 'text')
				.addColumn('confirmed_at', 'text'),
		).execute();
		// One log per placement and week: a second one would count the week twice.
		await db.schema
			.createIndex('exchange_log_week')
			.on('exchange_log')
			.columns(['placement_id', 'week_start'])
			.unique()
			.execute();

		await stamps(
			db.schema
				.createTable('exchange_engagement')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('technician_id', 'text', (c) => c.notNull().references('person.id'))
				.addColumn('enterprise_id', 'text', (c) => c.notNull().references('organisation.id'))
				.addColumn('course', 'text', (c) => c.notNull())
				.addColumn('module', 'text')
				.addColumn('term', 'text', (c) => c.notNull())
				.addColumn('years_in_industry', ctx.float)
				.addColumn('status', 'text', (c) => c.notNull())
				.addColumn('qualification', 'text')
				.addColumn('qualification_detail', 'text')
				.addColumn('department_grade', 'text')
				.addColumn('department_comments', 'text')
				.addColumn('evaluated_at', 'text')
				.addColumn('status_reason', 'text'),
		).execute();
		await db.schema
			.createIndex('exchange_engagement_technician')
			.on('exchange_engagement')
			.columns(['technician_id', 'term'])
			.execute();

		await db.schema
			.createTable('exchange_session')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('engagement_id', 'text', (c) => c.notNull().references('exchange_engagement.id'))
			.addColumn('date', 'text', (c) => c.notNull())
			.addColumn('hours', ctx.float, (c) => c.notNull())
			.addColumn('topic', 'text')
			.addColumn('feedback_score', ctx.float)
			.addColumn('feedback_count', 'integer')
			.addColumn('created_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('exchange_session_engagement')
			.on('exchange_session')
			.column('engagement_id')
			.execute();
	},
};
