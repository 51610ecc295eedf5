import type { Tx } from './store';

export interface TransitionSpec {
	table: string;
	id: string;
	/** The state(s) the row must be in for the change to win. */
	from: string | readonly string[];
	to: string;
	/** Other columns to set in the same statement. */
	set?: Record<string, unknown>;
	column?: string;
}

/**
 * A conditional state change: `update … set status = to where id = ? and status in (from)`.
 * Returns true only if this call changed the row; a concurrent winner makes it return false.
 * Two clicks on one link therefore never both count.
 */
export async function transition(tx: Tx, spec: TransitionSpec): Promise<boolean> {
	const column = spec.column ?? 'status';
	const from = typeof spec.from === 'string' ? [spec.from] : [...spec.from];
	const result = await (tx as any)
		.updateTable(spec.table)
		.set({ ...spec.set, [column]: spec.to })
		.where('id', '=', spec.id)
		.where(column, 'in', from)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}
