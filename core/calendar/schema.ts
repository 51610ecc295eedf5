/** The consortium's editable working-day calendar, merged into the store's `Database`. */
export interface WorkCalendarDayTable {
	/** Local calendar date `YYYY-MM-DD` in the consortium's zone. */
	date: string;
	/** 'holiday' (no work, even on a weekday) or 'workday' (work, even on a weekend: 调休). */
	kind: string;
	name: string;
	/** 'official' when seeded from the State Council notice, 'consortium' once edited. */
	source: string;
	updated_at: string;
}

declare module '../store/schema' {
	interface Database {
		work_calendar_day: WorkCalendarDayTable;
	}
}
