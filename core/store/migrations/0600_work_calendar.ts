import type { Migration } from './migration';
import { officialDays } from '../../calendar/official';

/**
 * The working-day calendar, seeded with the shipped official years. Later shipped years are
 * added by `seedOfficialCalendar` without touching the consortium's own edits.
 */
export const workCalendar: Migration = {
	name: '0600_work_calendar',
	async up(db) {
		await db.schema
			.createTable('work_calendar_day')
			.addColumn('date', 'text', (c) => c.primaryKey())
			.addColumn('kind', 'text', (c) => c.notNull())
			.addColumn('name', 'text', (c) => c.notNull())
			.addColumn('source', 'text', (c) => c.notNull())
			.addColumn('updated_at', 'text', (c) => c.notNull())
			.execute();
		const at = new Date().toISOString();
		const rows = officialDays().map((d) => ({
			date: d.date,
			kind: d.kind,
			name: d.name,
			source: 'official',
			updated_at: at,
		}));
		if (rows.length > 0) await db.insertInto('work_calendar_day').values(rows).execute();
	},
};
