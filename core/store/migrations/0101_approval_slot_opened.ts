import type { Migration } from './migration';

/**
 * When each approver's link was opened (their turn came). 催办 intervals count from here:
 * in 依次 or after an escalation a slot opens long after its stage started.
 */
export const approvalSlotOpened: Migration = {
	name: '0101_approval_slot_opened',
	async up(db) {
		await db.schema.alterTable('approval_slot').addColumn('opened_at', 'text').execute();
	},
};
