/**
 * A place in the audit trail. On PostgreSQL rows are walked in (xid, seq) order below the
 * commit horizon; on SQLite `xid` is always "0" and seq order is commit order. xid8 values
 * can exceed 2^53, so they travel as decimal strings and compare as BigInt.
 */
export interface AuditPosition {
	xid: string;
	seq: number;
}

export const ORIGIN: AuditPosition = { xid: '0', seq: 0 };

export function comparePositions(a: AuditPosition, b: AuditPosition): number {
	const ax = BigInt(a.xid);
	const bx = BigInt(b.xid);
	if (ax !== bx) return ax < bx ? -1 : 1;
	return a.seq === b.seq ? 0 : a.seq < b.seq ? -1 : 1;
}

export function maxPosition(a: AuditPosition, b: AuditPosition): AuditPosition {
	return comparePositions(a, b) >= 0 ? a : b;
}

export function parsePosition(text: string): AuditPosition {
	const value = JSON.parse(text) as Partial<AuditPosition>;
	if (typeof value.xid !== 'string' || !/^\d+$/.test(value.xid) || typeof value.seq !== 'number') {
		throw new Error(`Corrupt trigger cursor position ${text}`);
	}
	return { xid: value.xid, seq: value.seq };
}

export function formatPosition(position: AuditPosition): string {
	return JSON.stringify({ xid: position.xid, seq: position.seq });
}
