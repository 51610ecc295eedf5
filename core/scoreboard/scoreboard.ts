import { existingTables } from '../events/timed';
import type { Store } from '../store/store';
import { ValidationError } from '../util/errors';
import { dateInZone } from '../util/time';
import { optionalDate } from '../util/validate';
import type { Derived } from './derive';
import { evaluate, STATUS_LABELS, type Status } from './evaluate';
import { INDICATORS, type Indicator } from './indicators';
import { elapsedFraction, type Period, PERIOD_KINDS, periodFor, type PeriodKind } from './period';
import { targetsFor } from './targets';

export interface ScoreboardRequest {
	period?: PeriodKind;
	/** The calendar year, or the year the school year starts in; default: the period containing `asOf`. */
	year?: number | null;
	startMonth?: number;
	/** The day progress is judged on (consortium zone); default today. */
	asOf?: string | null;
	/** Only these indicator keys; default all. */
	indicators?: string[];
	timeZone: string;
	now?: Date;
}

/** One indicator's line: the item the Scoreboard operation emits. */
export interface ScoreLine {
	indicator: string;
	name: string;
	nameZh: string;
	nameEn: string;
	unit: string;
	period: string;
	periodStart: string;
	periodEnd: string;
	asOf: string;
	/** Percent of the period elapsed on `asOf`. */
	elapsed: number;
	actual: number | null;
	target: number;
	percentage: number | null;
	expectedByNow: number | null;
	status: Status;
	statusLabel: string;
	/** `records`: counted from the store's records; `entries`: figures staff recorded. */
	source: 'records' | 'entries';
	rule: string;
	recordIds: string[];
	detail: Record<string, unknown> | null;
}

async function fromEntries(store: Store, indicator: Indicator, period: Period): Promise<Derived> {
	const rows = await store.db
		.selectFrom('indicator_entry')
		.select(['id', 'value', 'on_date', 'source'])
		.where('indicator', '=', indicator.key)
		.where('on_date', '>=', period.start)
		.where('on_date', '<=', period.end)
		.orderBy('on_date')
		.orderBy('id')
		.execute();
	if (rows.length === 0) return { actual: null, ids: [] };
	if (indicator.entries === 'latest') {
		const last = rows[rows.length - 1];
		return {
			actual: Number(last.value),
			ids: [last.id],
			detail: { onDate: last.on_date, sources: [last.source] },
		};
	}
	const total = rows.reduce((sum, r) => sum + Number(r.value), 0);
	return {
		actual: Math.round(total * 1000) / 1000,
		ids: rows.map((r) => r.id),
		detail: { sources: [...new Set(rows.map((r) => r.source))] },
	};
}

export function resolvePeriod(request: ScoreboardRequest): { period: Period; asOf: string } {
	const asOf =
		optionalDate(request.asOf, 'asOf', '统计日 As Of', request.timeZone) ??
		dateInZone(request.now ?? new Date(), request.timeZone);
	const kind = request.period ?? 'calendar';
	if (!(PERIOD_KINDS as readonly string[]).includes(kind))
		throw new ValidationError(`统计周期 Period "${String(kind)}" / 无效`, 'period', 'enum');
	const startMonth = request.startMonth ?? 9;
	let year = request.year ?? null;
	if (year === null) {
		const [y, m] = asOf.split('-').map(Number);
		year = kind === 'school' && m < startMonth ? y - 1 : y;
	}
	return { period: periodFor(kind, Number(year), startMonth), asOf };
}

/**
 * Every indicator for a period: counted from the records where the tables exist, otherwise
 * from staff entries (and said so); compared with the year's target, pro-rated for counts.
 */
export async function computeScoreboard(
	store: Store,
	request: ScoreboardRequest,
): Promise<ScoreLine[]> {
	const { period, asOf } = resolvePeriod(request);
	const wanted = request.indicators?.length ? request.indicators : null;
	const unknown = wanted?.filter((k) => !INDICATORS.some((i) => i.key === k));
	if (unknown?.length)
		throw new ValidationError(
			`指标 Indicator "${unknown[0]}" is unknown / 未知指标`,
			'indicators',
			'enum',
		);
	const targets = await store.transaction((tx) => targetsFor(tx, period.year));
	const tables = await existingTables(store.db, store.dialect);
	const fraction = elapsedFraction(period, asOf);
	const lines: ScoreLine[] = [];
	for (const indicator of INDICATORS) {
		if (wanted && !wanted.includes(indicator.key)) continue;
		const derivable = indicator.derive && indicator.derive.tables.every((t) => tables.has(t));
		const result = derivable
			? await indicator.derive!.run(store.db, period, request.timeZone)
			: await fromEntries(store, indicator, period);
		const target = targets.get(indicator.key) ?? indicator.defaultTarget;
		const evaluation = evaluate(indicator.measure, result.actual, target, fraction);
		lines.push({
			indicator: indicator.key,
			name: `${indicator.nameZh} ${indicator.nameEn}`,
			nameZh: indicator.nameZh,
			nameEn: indicator.nameEn,
			unit: indicator.unit,
			period: period.label,
			periodStart: period.start,
			periodEnd: period.end,
			asOf,
			elapsed: Math.round(fraction * 1000) / 10,
			actual: result.actual,
			target,
			percentage: evaluation.percentage,
			expectedByNow: evaluation.expectedByNow,
			status: evaluation.status,
			statusLabel: STATUS_LABELS[evaluation.status],
			source: derivable ? 'records' : 'entries',
			rule: derivable
				? indicator.derive!.rule
				: indicator.derive
					? `人工填报 staff entries: the ${indicator.derive.tables.join(', ')} table is not in this store yet`
					: `人工填报 staff entries (${indicator.entries === 'sum' ? 'sum of entries dated in the period' : 'latest entry dated in the period'})`,
			recordIds: result.ids,
			detail: result.detail ?? null,
		});
	}
	return lines;
}
