import { writeAudit, type Actor } from '../store/audit';
import type { Store, Tx } from '../store/store';
import { NotFoundError, StateError, ValidationError } from '../util/errors';
import { newId, nowIso } from '../util/id';
import {
	optionalDate,
	optionalNumber,
	optionalText,
	requiredDate,
	requiredText,
	scalarText,
} from '../util/validate';
import { addDays } from '../util/time';
import { creditedDates, mondayOf, weekDaysWithin } from './days';
import { readPlacement, type Placement } from './placement';

/** A log may be written while the teacher is at the enterprise; mentors may confirm a little later. */
const LOGGABLE = ['approved', 'in_progress'];
const CONFIRMABLE = ['approved', 'in_progress', 'report_submitted'];

export interface LogInput {
	weekStart: string;
	hours: number | string;
	daysOnSite?: number | string | null;
	/** Optional exact on-site dates within the week. */
	onSiteDates?: string[] | string | null;
	content: string;
}

export interface WeeklyLog {
	id: string;
	placementId: string;
	weekStart: string;
	weekEnd: string;
	hours: number;
	daysOnSite: number;
	onSiteDates: string[] | null;
	content: string;
	confirmed: boolean;
	confirmedLabel: string;
	confirmedBy: string | null;
	confirmedAt: string | null;
	createdAt: string;
}

function fromRow(row: any): WeeklyLog {
	return {
		id: row.id,
		placementId: row.placement_id,
		weekStart: row.week_start,
		weekEnd: addDays(row.week_start, 6),
		hours: Number(row.hours),
		daysOnSite: Number(row.days_on_site),
		onSiteDates: row.on_site_dates ? JSON.parse(row.on_site_dates) : null,
		content: row.content,
		confirmed: Boolean(row.confirmed),
		confirmedLabel: row.confirmed ? '已确认 Confirmed' : '待确认 Not Confirmed',
		confirmedBy: row.confirmed_by,
		confirmedAt: row.confirmed_at,
		createdAt: row.created_at,
	};
}

function readDates(value: LogInput['onSiteDates']): string[] {
	if (value === undefined || value === null || value === '') return [];
	const parts = Array.isArray(value)
		? value
		: scalarText(value, 'onSiteDates', '在岗日期 On-site Dates')
				.split(/[,，、;；\s]+/)
				.filter(Boolean);
	const dates = parts.map((p, i) => optionalDate(p, `onSiteDates[${i}]`, '在岗日期 On-site Date')!);
	return [...new Set(dates)].sort();
}

async function validate(tx: Tx, placement: Placement, input: LogInput) {
	const given = requiredDate(input.weekStart, 'weekStart', '周起始日 Week Start');
	const week = mondayOf(given);
	const within = weekDaysWithin(week, placement.plannedStart, placement.plannedEnd);
	if (within.length === 0) {
		throw new ValidationError(
			`周志不在实践期内：${given} 所在周 ${week} — ${addDays(week, 6)}，实践期 ${placement.plannedStart} — ${placement.plannedEnd} / Week Start ${given} (week ${week} — ${addDays(week, 6)}) is outside the placement's dates ${placement.plannedStart} — ${placement.plannedEnd}`,
			'weekStart',
			'range',
		);
	}
	const hours = optionalNumber(input.hours, 'hours', '工时 Hours', { min: 0, max: 24 * 7 });
	if (hours === null)
		throw new ValidationError('工时为必填项 / Hours is required', 'hours', 'required');
	const dates = readDates(input.onSiteDates);
	for (const [i, d] of dates.entries()) {
		if (!within.includes(d))
			throw new ValidationError(
				`在岗日期 ${d}（第 ${i + 1} 个）不在 ${week} 这一周的实践期内 / On-site Date ${d} is not a day of week ${week} inside the placement's dates`,
				`onSiteDates[${i}]`,
				'range',
			);
	}
	let days = optionalNumber(input.daysOnSite, 'daysOnSite', '在岗天数 Days On Site', {
		min: 0,
		max: within.length,
		integer: true,
	});
	if (dates.length) {
		if (days !== null && days !== dates.length)
			throw new ValidationError(
				`在岗天数 ${days} 与所填 ${dates.length} 个日期不符 / Days On Site ${days} differs from the ${dates.length} dates given`,
				'daysOnSite',
				'mismatch',
			);
		days = dates.length;
	}
	if (days === null)
		throw new ValidationError(
			'在岗天数为必填项 / Days On Site is required',
			'daysOnSite',
			'required',
		);
	if (hours > days * 24)
		throw new ValidationError(
			`工时 ${hours} 超过在岗 ${days} 天每天 24 小时 / Hours ${hours} exceed 24 per day on site (${days} days)`,
			'hours',
			'range',
		);
	const clash = await tx
		.selectFrom('exchange_log')
		.select('id')
		.where('placement_id', '=', placement.id)
		.where('week_start', '=', week)
		.executeTakeFirst();
	if (clash)
		throw new ValidationError(
			`${week} 这一周的周志已存在（${clash.id}） / A log for week ${week} already exists (${clash.id})`,
			'weekStart',
			'duplicate',
		);
	return {
		week_start: week,
		hours,
		days_on_site: days,
		on_site_dates: dates.length ? JSON.stringify(dates) : null,
		content: requiredText(input.content, 'content', '实践内容 Content', 10000),
	};
}

export function addLog(
	store: Store,
	placementId: string,
	input: LogInput,
	actor: Actor,
): Promise<WeeklyLog> {
	return store.transaction(async (tx) => {
		const placement = await readPlacement(tx, placementId);
		if (!LOGGABLE.includes(placement.status)) {
			throw new StateError(
				`实践已批准或进行中才能填写周志，当前为「${placement.statusLabel}」 / Weekly logs are written while a placement is approved or in progress; it is ${placement.statusLabel}`,
				placement.status,
				'log',
			);
		}
		const columns = await validate(tx, placement, input);
		const now = nowIso();
		const row = {
			id: newId('wlg'),
			placement_id: placementId,
			...columns,
			confirmed: 0,
			confirmed_by: null,
			confirmed_at: null,
			created_at: now,
			updated_at: now,
		};
		await tx.insertInto('exchange_log').values(row).execute();
		await writeAudit(tx, {
			...actor,
			action: 'create',
			entityType: 'exchange_log',
			entityId: row.id,
			changes: { placement_id: placementId, ...columns },
		});
		return fromRow(row);
	});
}

/** Recomputes a placement's actual days and hours from its confirmed logs: the only way they change. */
async function recompute(
	tx: Tx,
	placement: Placement,
	actor: Actor,
): Promise<{ days: number; hours: number }> {
	const logs = await tx
		.selectFrom('exchange_log')
		.selectAll()
		.where('placement_id', '=', placement.id)
		.where('confirmed', '=', 1)
		.execute();
	const days = new Set(
		logs.flatMap((l) => creditedDates(l, placement.plannedStart, placement.plannedEnd)),
	).size;
	const hours = Math.round(logs.reduce((sum, l) => sum + Number(l.hours), 0) * 100) / 100;
	if (days !== placement.actualDays || hours !== placement.actualHours) {
		await tx
			.updateTable('exchange_placement')
			.set({ actual_days: days, actual_hours: hours, updated_at: nowIso() })
			.where('id', '=', placement.id)
			.execute();
		await writeAudit(tx, {
			...actor,
			action: 'recompute',
			entityType: 'exchange_placement',
			entityId: placement.id,
			changes: {
				actual_days: [placement.actualDays, days],
				actual_hours: [placement.actualHours, hours],
			},
		});
	}
	return { days, hours };
}

/** The mentor's confirmation (导师确认): only confirmed weeks count as practice. */
export function confirmLog(
	store: Store,
	logId: string,
	input: { confirmedBy?: string | null },
	actor: Actor,
): Promise<WeeklyLog & { placementActualDays: number; placementActualHours: number }> {
	return store.transaction(async (tx) => {
		const log = await tx
			.selectFrom('exchange_log')
			.selectAll()
			.where('id', '=', logId)
			.executeTakeFirst();
		if (!log) throw new NotFoundError('exchange_log', logId);
		const placement = await readPlacement(tx, log.placement_id);
		if (!CONFIRMABLE.includes(placement.status)) {
			throw new StateError(
				`实践为「${placement.statusLabel}」，周志不能再确认 / Logs of a placement that is ${placement.statusLabel} can no longer be confirmed`,
				placement.status,
				'confirm',
			);
		}
		const confirmedBy =
			optionalText(input.confirmedBy, 'confirmedBy', '确认人 Confirmed By', 100) ??
			placement.mentorName ??
			actor.actor;
		const now = nowIso();
		const result = await tx
			.updateTable('exchange_log')
			.set({ confirmed: 1, confirmed_by: confirmedBy, confirmed_at: now, updated_at: now })
			.where('id', '=', logId)
			.where('confirmed', '=', 0)
			.executeTakeFirst();
		if (Number(result.numUpdatedRows) !== 1)
			throw new StateError(
				`周志 ${logId} 已确认 / Weekly log ${logId} is already confirmed`,
				'confirmed',
				'confirm',
			);
		await writeAudit(tx, {
			...actor,
			action: 'confirm',
			entityType: 'exchange_log',
			entityId: logId,
			changes: { confirmed: [0, 1], confirmed_by: confirmedBy },
		});
		const totals = await recompute(tx, placement, actor);
		const row = await tx
			.selectFrom('exchange_log')
			.selectAll()
			.where('id', '=', logId)
			.executeTakeFirstOrThrow();
		return {
			...fromRow(row),
			placementActualDays: totals.days,
			placementActualHours: totals.hours,
		};
	});
}

export async function listLogs(store: Store, placementId: string): Promise<WeeklyLog[]> {
	await readPlacement(store.db, placementId);
	const rows = await store.db
		.selectFrom('exchange_log')
		.selectAll()
		.where('placement_id', '=', placementId)
		.orderBy('week_start')
		.execute();
	return rows.map(fromRow);
}
