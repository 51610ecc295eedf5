import type { Migration } from './migration';

/** Targets per year and indicator, and the figures staff record for indicators records cannot give. */
export const scoreboard: Migration = {
	name: '0510_scoreboard',
	async up(db, ctx) {
		await db.schema
			.createTable('scoreboard_target')
			.addColumn('year', 'integer', (c) => c.notNull())
			.addColumn('indicator', 'text', (c) => c.notNull())
			.addColumn('target', ctx.float, (c) => c.notNull())
			.addColumn('updated_at', 'text', (c) => c.notNull())
			.addPrimaryKeyConstraint('scoreboard_target_pk', ['year', 'indicator'])
			.execute();
		await db.schema
			.createTable('indicator_entry')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('indicator', 'text', (c) => c.notNull())
			.addColumn('on_date', 'text', (c) => c.notNull())
			.addColumn('value', ctx.float, (c) => c.notNull())
			.addColumn('source', 'text', (c) => c.notNull())
			.addColumn('note', 'text')
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('updated_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('indicator_entry_indicator_date')
			.on('indicator_entry')
			.columns(['indicator', 'on_date'])
			.execute();
	},
};
