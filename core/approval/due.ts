import { addWorkingDays, calendarFrom, type CalendarDay } from '../calendar';
import type { ConsortiumSettings, Tx } from '../store';
import type { ApprovalStageTable } from './schema';

/**
 * When a stage that opens (or is escalated) now falls due. In working days, the due time is the
 * same time of day on the n-th working day of the consortium's calendar (weekends and official
 * holidays skipped, 调休 Saturdays counted), so a timeout or escalation never falls on 国庆;
 * in hours, it is plain elapsed time. Null: no limit.
 */
export async function stageDueAt(
	ctx: { tx: Tx; now: Date; settings: ConsortiumSettings },
	stage: Pick<ApprovalStageTable, 'due_hours' | 'due_working_days'>,
): Promise<string | null> {
	if (stage.due_working_days) {
		const days = (await ctx.tx
			.selectFrom('work_calendar_day')
			.select(['date', 'kind', 'name'])
			.execute()) as CalendarDay[];
		return addWorkingDays(
			ctx.now.toISOString(),
			stage.due_working_days,
			ctx.settings.timeZone,
			calendarFrom(days),
		);
	}
	if (stage.due_hours)
		return new Date(ctx.now.getTime() + stage.due_hours * 3600_000).toISOString();
	return null;
}
