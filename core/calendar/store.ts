import { writeAudit, type Actor } from '../store/audit';
import type { Store, Tx } from '../store/store';
import { nowIso } from '../util/id';
import { filterValue, oneOf, optionalDate, requiredDate, requiredText } from '../util/validate';
import { officialDays, type CalendarDay, type CalendarKind } from './official';
import { calendarFrom, type WorkCalendar } from './working-days';
import './schema';

export const CALENDAR_KINDS: readonly CalendarKind[] = ['holiday', 'workday'];
export const CALENDAR_KIND_LABELS: Record<CalendarKind, string> = {
	holiday: '放假 Holiday',
	workday: '调休上班 Working Day',
};

export interface StoredCalendarDay extends CalendarDay {
	source: 'official' | 'consortium';
	updatedAt: string;
}

function toDay(row: {
	date: string;
	kind: string;
	name: string;
	source: string;
	updated_at: string;
}): StoredCalendarDay {
	return {
		date: row.date,
		kind: row.kind as CalendarKind,
		name: row.name,
		source: row.source as StoredCalendarDay['source'],
		updatedAt: row.updated_at,
	};
}

/**
 * Adds the shipped official days the store lacks (a year published after the store was made);
 * a date the consortium already has, edited or not, is left as it is.
 */
export async function seedOfficialCalendar(
	tx: Tx,
	days: CalendarDay[] = officialDays(),
): Promise<number> {
	if (days.length === 0) return 0;
	const have = new Set(
		(
			await tx
				.selectFrom('work_calendar_day')
				.select('date')
				.where(
					'date',
					'in',
					days.map((d) => d.date),
				)
				.execute()
		).map((r) => r.date),
	);
	const missing = days.filter((d) => !have.has(d.date));
	if (missing.length === 0) return 0;
	const at = nowIso();
	await tx
		.insertInto('work_calendar_day')
		.values(
			missing.map((d) => ({
				date: d.date,
				kind: d.kind,
				name: d.name,
				source: 'official',
				updated_at: at,
			})),
		)
		.onConflict((oc) => oc.column('date').doNothing())
		.execute();
	await writeAudit(tx, {
		actor: 'system',
		action: 'seed',
		entityType: 'work_calendar_day',
		entityId: `${missing[0].date}..${missing.at(-1)!.date}`,
		changes: { added: missing.length },
	});
	return missing.length;
}

export interface CalendarFilter {
	from?: unknown;
	to?: unknown;
	kind?: unknown;
}

export async function listCalendarDays(
	store: Store,
	filter: CalendarFilter = {},
): Promise<StoredCalendarDay[]> {
	const from = optionalDate(filter.from, 'from', '起始日期 From');
	const to = optionalDate(filter.to, 'to', '截止日期 To');
	const kindText = filterValue(filter.kind, 'kind', '类型 Kind');
	const kind = kindText === null ? null : oneOf(kindText, 'kind', '类型 Kind', CALENDAR_KINDS);
	let query = store.db.selectFrom('work_calendar_day').selectAll();
	if (from) query = query.where('date', '>=', from);
	if (to) query = query.where('date', '<=', to);
	if (kind) query = query.where('kind', '=', kind);
	return (await query.orderBy('date').execute()).map(toDay);
}

/** The whole calendar as the working-day functions take it. */
export async function loadWorkCalendar(store: Store): Promise<WorkCalendar> {
	return calendarFrom(await listCalendarDays(store));
}

export interface CalendarDayInput {
	date: unknown;
	kind: unknown;
	name: unknown;
}

/** Sets one date's kind and name; the audit keeps what it was. Unchanged input writes nothing. */
export async function upsertCalendarDay(
	store: Store,
	input: CalendarDayInput,
	actor: Actor,
): Promise<StoredCalendarDay> {
	const date = requiredDate(input.date, 'date', '日期 Date');
	const kind = oneOf(input.kind, 'kind', '类型 Kind', CALENDAR_KINDS);
	const name = requiredText(input.name, 'name', '名称 Name', 100);
	return store.transaction(async (tx) => {
		const before = await tx
			.selectFrom('work_calendar_day')
			.selectAll()
			.where('date', '=', date)
			.executeTakeFirst();
		if (before && before.kind === kind && before.name === name) return toDay(before);
		const row = { date, kind, name, source: 'consortium', updated_at: nowIso() };
		if (before)
			await tx.updateTable('work_calendar_day').set(row).where('date', '=', date).execute();
		else await tx.insertInto('work_calendar_day').values(row).execute();
		const changes = before
			? { kind: [before.kind, kind], name: [before.name, name] }
			: { kind: [null, kind], name: [null, name] };
		await writeAudit(tx, {
			...actor,
			action: before ? 'update' : 'create',
			entityType: 'work_calendar_day',
			entityId: date,
			changes,
		});
		return toDay(row);
	});
}
