/**
 * A trigger's place in the audit trail.
 *
 * SQLite serialises writers, so seq order is commit order: `seq` alone says "everything up
 * to here was emitted or passed over".
 *
 * PostgreSQL assigns seq at insert, so a lower seq can commit after a higher one was read.
 * There the place is a transaction snapshot (`pg_current_snapshot()`): everything written
 * by the transactions that snapshot saw as finished was handled. A poll takes a new
 * snapshot (`target`) and emits the rows of transactions finished in it but not in the
 * previous one — a set that can never grow — in (xid, seq) order; `after` marks progress
 * through that set when it takes more than one poll. A transaction still running (even a
 * long one elsewhere in the cluster) stays in `xip` and is picked up when it finishes,
 * without holding back anyone else's rows. xid8 values may exceed 2^53: decimal strings.
 */
export interface Snapshot {
	xmax: string;
	xip: string[];
}

export interface AuditPosition {
	seq: number;
	snapshot?: Snapshot;
	target?: Snapshot;
	after?: { xid: string; seq: number };
}

export function parsePosition(text: string): AuditPosition {
	const value = JSON.parse(text) as AuditPosition;
	if (typeof value.seq !== 'number') throw new Error(`Corrupt trigger cursor position ${text}`);
	return value;
}

export function formatPosition(position: AuditPosition): string {
	return JSON.stringify(position);
}
