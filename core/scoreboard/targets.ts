import { writeAudit, type Actor } from '../store/audit';
import type { Store, Tx } from '../store/store';
import { nowIso } from '../util/id';
import { missing, oneOf, optionalNumber } from '../util/validate';
import { INDICATORS, indicatorByKey } from './indicators';
import './schema';

export interface Target {
	year: number;
	indicator: string;
	name: string;
	unit: string;
	target: number;
	defaultTarget: number;
	updatedAt: string;
}

/** Gives a year the published defaults for every indicator it has no target for yet. */
export async function seedTargets(tx: Tx, year: number): Promise<void> {
	const have = new Set(
		(
			await tx
				.selectFrom('scoreboard_target')
				.select('indicator')
				.where('year', '=', year)
				.execute()
		).map((r) => r.indicator),
	);
	const missing = INDICATORS.filter((i) => !have.has(i.key));
	if (missing.length === 0) return;
	const at = nowIso();
	await tx
		.insertInto('scoreboard_target')
		.values(
			missing.map((i) => ({ year, indicator: i.key, target: i.defaultTarget, updated_at: at })),
		)
		.onConflict((oc) => oc.columns(['year', 'indicator']).doNothing())
		.execute();
	await writeAudit(tx, {
		actor: 'system',
		action: 'seed',
		entityType: 'scoreboard_target',
		entityId: String(year),
		changes: Object.fromEntries(missing.map((i) => [i.key, i.defaultTarget])),
	});
}

export async function targetsFor(tx: Tx, year: number): Promise<Map<string, number>> {
	await seedTargets(tx, year);
	const rows = await tx
		.selectFrom('scoreboard_target')
		.select(['indicator', 'target'])
		.where('year', '=', year)
		.execute();
	return new Map(rows.map((r) => [r.indicator, Number(r.target)]));
}

function checkYear(year: unknown): number {
	const y = optionalNumber(year, 'year', '年度 Year', { min: 2000, max: 2100, integer: true });
	if (y === null) throw missing('年度 Year', 'year');
	return y;
}

export async function listTargets(store: Store, yearInput: unknown): Promise<Target[]> {
	const year = checkYear(yearInput);
	return store.transaction(async (tx) => {
		await seedTargets(tx, year);
		const rows = await tx
			.selectFrom('scoreboard_target')
			.selectAll()
			.where('year', '=', year)
			.execute();
		const byKey = new Map(rows.map((r) => [r.indicator, r]));
		return INDICATORS.filter((i) => byKey.has(i.key)).map((i) => {
			const row = byKey.get(i.key)!;
			return {
				year,
				indicator: i.key,
				name: `${i.nameZh} ${i.nameEn}`,
				unit: i.unit,
				target: Number(row.target),
				defaultTarget: i.defaultTarget,
				updatedAt: row.updated_at,
			};
		});
	});
}

export async function setTarget(
	store: Store,
	input: { year: unknown; indicator: unknown; target: unknown },
	actor: Actor,
): Promise<Target> {
	const year = checkYear(input.year);
	const indicator = indicatorByKey(
		oneOf(
			input.indicator,
			'indicator',
			'指标 Indicator',
			INDICATORS.map((i) => i.key),
		),
	)!;
	const target = optionalNumber(input.target, 'target', '目标值 Target', { min: 0 });
	if (target === null) throw missing('目标值 Target', 'target');
	await store.transaction(async (tx) => {
		await seedTargets(tx, year);
		const before = await tx
			.selectFrom('scoreboard_target')
			.select('target')
			.where('year', '=', year)
			.where('indicator', '=', indicator.key)
			.executeTakeFirstOrThrow();
		if (Number(before.target) === target) return;
		await tx
			.updateTable('scoreboard_target')
			.set({ target, updated_at: nowIso() })
			.where('year', '=', year)
			.where('indicator', '=', indicator.key)
			.execute();
		await writeAudit(tx, {
			...actor,
			action: 'update',
			entityType: 'scoreboard_target',
			entityId: `${year}:${indicator.key}`,
			changes: { target: [Number(before.target), target] },
		});
	});
	return (await listTargets(store, year)).find((t) => t.indicator === indicator.key)!;
}
