/** The scoreboard's tables, merged into the store's `Database`. */
export interface ScoreboardTargetTable {
	/** The year a target applies to: a calendar year, or the year a school year starts in. */
	year: number;
	indicator: string;
	target: number;
	updated_at: string;
}

export interface IndicatorEntryTable {
	id: string;
	indicator: string;
	/** The calendar date the figure belongs to; it counts in the period containing it. */
	on_date: string;
	value: number;
	/** Where the figure comes from (a report, a roster, a survey): required, so it can be checked. */
	source: string;
	note: string | null;
	created_at: string;
	updated_at: string;
}

declare module '../store/schema' {
	interface Database {
		scoreboard_target: ScoreboardTargetTable;
		indicator_entry: IndicatorEntryTable;
	}
}
