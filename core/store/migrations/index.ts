import type { Migration } from './migration';
import { foundation } from './0001_foundation';
import { personChatIds } from './0010_person_chat_ids';
import { approval } from './0100_approval';
import { approvalSlotOpened } from './0101_approval_slot_opened';
import { approvalRedelivered } from './0102_approval_redelivered';
import { approvalLinks } from './0103_approval_links';
import { approvalDueWorkingDays } from './0104_approval_due_working_days';
import { approvalInbox } from './0105_approval_inbox';
import { approvalDelegation } from './0106_approval_delegation';
import { approvalOwedRound } from './0109_approval_owed_round';
import { approvalAttachment } from './0110_approval_attachment';
import { approvalRemindWorkingDays } from './0112_approval_remind_working_days';
import { course } from './0200_course';
import { exchange } from './0300_exchange';
import { registry } from './0400_registry';
import { registryFees } from './0410_registry_fees';
import { events } from './0500_events';
import { scoreboard } from './0510_scoreboard';
import { workCalendar } from './0600_work_calendar';
import { approvalAmend } from './0111_approval_amend';

/**
 * Every module's migrations, in one list. Name ranges per module keep order stable:
 * 00xx foundation, 01xx approval, 02xx course, 03xx exchange, 04xx registry, 05xx events/scoreboard.
 */
export const migrations: Migration[] = [
	foundation,
	personChatIds,
	approval,
	approvalSlotOpened,
	approvalRedelivered,
	approvalLinks,
	approvalDueWorkingDays,
	approvalInbox,
	approvalDelegation,
	approvalOwedRound,
	approvalAttachment,
	approvalRemindWorkingDays,
	course,
	exchange,
	registry,
	registryFees,
	events,
	scoreboard,
	workCalendar,
	approvalAmend,
];
