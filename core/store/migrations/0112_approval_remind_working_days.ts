import type { Migration } from './migration';

/**
 * A stage's 催办 interval in working days, counted on the consortium's working-day calendar;
 * null keeps the interval in hours (`remind_hours`).
 */
export const approvalRemindWorkingDays: Migration = {
	name: '0112_approval_remind_working_days',
	async up(db) {
		await db.schema
			.alterTable('approval_stage')
			.addColumn('remind_working_days', 'integer')
			.execute();
	},
};
