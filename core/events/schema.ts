/** The trigger's tables, merged into the store's `Database`. */
export interface EventCursorTable {
	key: string;
	workflow_id: string;
	node_id: string;
	/** JSON `AuditPosition`: every audit row at or before it was emitted or passed over. */
	position: string;
	/** When the cursor was made: time-based events that became due earlier are not replayed. */
	started_at: string;
	updated_at: string;
}

export interface EventFiredTable {
	cursor_key: string;
	event_id: string;
	fired_at: string;
}

declare module '../store/schema' {
	interface Database {
		event_cursor: EventCursorTable;
		event_fired: EventFiredTable;
	}
	interface AuditTable {
		/** PostgreSQL only: the writing transaction's id (`xid8`), read back as text. */
		xid?: string;
	}
}
