import type { Migration } from './migration';

/**
 * A stage's time limit in working days (工作日), counted on the consortium's working-day
 * calendar; null keeps the limit in hours (`due_hours`).
 */
export const approvalDueWorkingDays: Migration = {
	name: '0104_approval_due_working_days',
	async up(db) {
		await db.schema.alterTable('approval_stage').addColumn('due_working_days', 'integer').execute();
	},
};
