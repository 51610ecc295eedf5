import {
	computeScoreboard,
	indicatorByKey,
	indicatorEntries,
	listTargets,
	setTarget,
	type ScoreLine,
} from '../../core/scoreboard';
import { openStore, type Store } from '../../core/store';
import { freshStoreConfig, testDialects } from '../helpers/dialects';
import { seedScoreboard } from '../helpers/scoreboard-seed';

const TZ = 'Asia/Shanghai';
const byKey = (lines: ScoreLine[]) => Object.fromEntries(lines.map((l) => [l.indicator, l]));
const pick = (l: ScoreLine) => ({
	actual: l.actual,
	target: l.target,
	percentage: l.percentage,
	expectedByNow: l.expectedByNow,
	status: l.status,
	source: l.source,
});

describe.each(testDialects())('scoreboard on a seeded consortium (%s)', (dialect) => {
	let store: Store;
	let seeded: Awaited<ReturnType<typeof seedScoreboard>>;

	beforeAll(async () => {
		store = await openStore(await freshStoreConfig(dialect));
		seeded = await seedScoreboard(store);
	});
	afterAll(() => store.close());

	it('computes every indicator for calendar 2026 as of 1 July (182 of 365 days), by hand', async () => {
		const lines = await computeScoreboard(store, { asOf: '2026-07-01', timeZone: TZ });
		expect(lines).toHaveLength(25);
		expect(lines[0]).toMatchObject({
			period: '2026年 Calendar year 2026',
			periodStart: '2026-01-01',
			periodEnd: '2026-12-31',
			asOf: '2026-07-01',
			elapsed: 49.9,
		});
		const l = byKey(lines);
		const records = (
			actual: number,
			target: number,
			percentage: number,
			expectedByNow: number | null,
			status: string,
		) => ({ actual, target, percentage, expectedByNow, status, source: 'records' });
		const entries = (
			actual: number | null,
			target: number,
			percentage: number | null,
			expectedByNow: number | null,
			status: string,
		) => ({ actual, target, percentage, expectedByNow, status, source: 'entries' });
		expect(Object.fromEntries(lines.map((x) => [x.indicator, pick(x)]))).toEqual({
			// sta_1 (since 2025), sta_2 (May 2026), sta_5 (ended 1 Jan 2026); not sta_3 (ended 31 Dec 2025) nor sta_4 (2027).
			practice_stations: records(3, 6, 50, 3, 'on_track'),
			// 教师一 and 教师二 (recognised 31 Dec 2026) of four 专业课 teachers; 教师三 recognised 2027; 公共课 and 2027 joiner left out.
			dual_qualified_share: { ...records(50, 75, 66.7, null, 'behind') },
			resource_libraries: records(0, 8, 0, 4, 'behind'),
			// dlv_5 (Feb) and dlv_6 (Oct) both complete within 2026.
			online_courses: records(2, 10, 20, 5, 'behind'),
			planned_textbooks: records(1, 10, 10, 5, 'behind'),
			practice_centres: entries(2, 3, 66.7, 1.5, 'on_track'),
			production_projects: entries(null, 15, null, 7.5, 'no_data'),
			supply_demand_platform: entries(null, 1, null, 0.5, 'no_data'),
			// The latest entry dated in the period (20 June), not the sum.
			graduates_placed_rate: entries(96.2, 95, 101.3, null, 'met'),
			first_employment_rate: entries(null, 95, null, null, 'no_data'),
			tech_service_platform: entries(null, 1, null, 0.5, 'no_data'),
			training_bases: entries(null, 3, null, 1.5, 'no_data'),
			// 800 + 900; 31 Dec 2025 and 1 Jan 2027 fall outside.
			staff_training: entries(1700, 3000, 56.7, 1495.9, 'on_track'),
			staff_training_college: entries(null, 2000, null, 997.3, 'no_data'),
			// crs_1 (1 Mar) and crs_4 (31 Dec); crs_2 approved 31 Dec 2025; crs_3 is not a core course.
			core_courses: records(2, 5, 40, 2.5, 'behind'),
			// dlv_1 completed 1 Jan 2026; dlv_2 in 2027; dlv_3 not completed.
			workbooks: records(1, 5, 20, 2.5, 'behind'),
			skill_master_studios: entries(null, 1, null, 0.5, 'no_data'),
			skill_master_stations: entries(null, 1, null, 0.5, 'no_data'),
			practice_bases: records(1, 5, 20, 2.5, 'behind'),
			integrated_teachers: entries(null, 5, null, 2.5, 'no_data'),
			discipline_leaders: entries(null, 1, null, 0.5, 'no_data'),
			municipal_topics: records(1, 1, 100, 0.5, 'met'),
			// prj_3 opened, prj_5 closed, prj_7 mid-term; prj_4 only applied; prj_6 started 2025.
			enterprise_projects: records(3, 5, 60, 2.5, 'on_track'),
			// pat_1, pat_2, pat_5, pat_6, pat_7; pat_3 granted 31 Dec 2025; pat_4 not granted.
			patents_granted: records(5, 5, 100, 2.5, 'met'),
			competence_gain: entries(12, 30, 40, null, 'behind'),
		});
		expect(l.practice_stations.recordIds).toEqual(['sta_1', 'sta_2', 'sta_5']);
		expect(l.dual_qualified_share.recordIds).toEqual([seeded.teachers.t1, seeded.teachers.t2]);
		expect(l.dual_qualified_share.detail).toEqual({ numerator: 2, denominator: 4 });
		expect(l.patents_granted.recordIds).toEqual(['pat_1', 'pat_2', 'pat_5', 'pat_6', 'pat_7']);
		expect(l.staff_training.recordIds).toEqual(['ind_1', 'ind_2']);
		expect(l.staff_training.detail).toEqual({
			sources: ['培训台账一 Register A', '培训台账二 Register B'],
		});
		expect(l.graduates_placed_rate.recordIds).toEqual(['ind_6']);
		expect(l.patents_granted).toMatchObject({
			name: '授权专利 Patents granted',
			nameZh: '授权专利',
			nameEn: 'Patents granted',
			statusLabel: '达标 Met',
		});
		expect(l.first_employment_rate.rule).toMatch(/staff entries/);
	});

	it('uses the school year from September, with its own boundaries and targets', async () => {
		// No year given: 1 March 2026 lies in the 2025–26 school year; 182 of its 365 days have passed.
		const l = byKey(
			await computeScoreboard(store, { period: 'school', asOf: '2026-03-01', timeZone: TZ }),
		);
		expect(l.patents_granted).toMatchObject({
			periodStart: '2025-09-01',
			periodEnd: '2026-08-31',
			elapsed: 49.9,
		});
		// pat_3 (31 Dec 2025), pat_1, pat_2, pat_6 (31 Aug 2026); pat_5 (1 Sep 2026) starts the next school year.
		expect(pick(l.patents_granted)).toEqual({
			actual: 4,
			target: 5,
			percentage: 80,
			expectedByNow: 2.5,
			status: 'on_track',
			source: 'records',
		});
		expect(l.patents_granted.recordIds).toEqual(['pat_1', 'pat_2', 'pat_3', 'pat_6']);
		expect(pick(l.staff_training)).toMatchObject({
			actual: 6700,
			percentage: 223.3,
			status: 'met',
		});
		expect(l.practice_stations.recordIds).toEqual(['sta_1', 'sta_2', 'sta_3', 'sta_5']);
		expect(l.core_courses.recordIds).toEqual(['crs_1', 'crs_2']);
		// Only 教师一 is recognised by 31 Aug 2026.
		expect(pick(l.dual_qualified_share)).toMatchObject({ actual: 25, status: 'behind' });
	});

	it('pro-rates at the edges of the period: the first day, the last day and after it', async () => {
		const first = byKey(
			await computeScoreboard(store, {
				year: 2026,
				asOf: '2026-01-01',
				timeZone: TZ,
				indicators: ['enterprise_projects', 'resource_libraries'],
			}),
		);
		expect(Object.keys(first)).toEqual(['resource_libraries', 'enterprise_projects']);
		expect(first.enterprise_projects).toMatchObject({
			elapsed: 0.3,
			expectedByNow: 0,
			status: 'on_track',
		});
		expect(first.resource_libraries).toMatchObject({ actual: 0, status: 'behind' });
		const last = byKey(
			await computeScoreboard(store, {
				year: 2026,
				asOf: '2026-12-31',
				timeZone: TZ,
				indicators: ['enterprise_projects'],
			}),
		);
		expect(last.enterprise_projects).toMatchObject({
			elapsed: 100,
			expectedByNow: 5,
			status: 'behind',
		});
		const later = byKey(
			await computeScoreboard(store, {
				year: 2026,
				asOf: '2027-05-01',
				timeZone: TZ,
				indicators: ['patents_granted'],
			}),
		);
		expect(later.patents_granted).toMatchObject({ elapsed: 100, actual: 5, status: 'met' });
		await expect(
			computeScoreboard(store, { asOf: '2026-07-01', timeZone: TZ, indicators: ['nope'] }),
		).rejects.toMatchObject({ field: 'indicators' });
	});

	it('seeds each year with the published targets and lets a year be edited alone', async () => {
		const targets = await listTargets(store, 2030);
		expect(targets).toHaveLength(25);
		expect(targets.find((t) => t.indicator === 'staff_training')).toMatchObject({
			target: 3000,
			defaultTarget: 3000,
			name: '年职工培训人次 Staff training per year',
			unit: '人次 person-times',
		});
		expect(targets.find((t) => t.indicator === 'dual_qualified_share')?.target).toBe(75);
		const set = await setTarget(
			store,
			{ year: 2030, indicator: 'dual_qualified_share', target: 50 },
			{ actor: 'test:council' },
		);
		expect(set).toMatchObject({ year: 2030, target: 50, defaultTarget: 75 });
		expect(
			(await listTargets(store, 2031)).find((t) => t.indicator === 'dual_qualified_share')?.target,
		).toBe(75);
		const l = byKey(
			await computeScoreboard(store, {
				year: 2030,
				asOf: '2030-06-01',
				timeZone: TZ,
				indicators: ['dual_qualified_share'],
			}),
		);
		expect(l.dual_qualified_share).toMatchObject({ target: 50, status: 'met' });
		const audit = await store.db
			.selectFrom('audit')
			.select(['actor', 'changes'])
			.where('entity_type', '=', 'scoreboard_target')
			.where('entity_id', '=', '2030:dual_qualified_share')
			.execute();
		expect(audit).toEqual([
			{ actor: 'test:council', changes: JSON.stringify({ target: [75, 50] }) },
		]);
		await expect(
			setTarget(store, { year: 2030, indicator: 'unknown', target: 1 }, { actor: 'x' }),
		).rejects.toMatchObject({ field: 'indicator' });
		await expect(
			setTarget(store, { year: 2030, indicator: 'patents_granted', target: -1 }, { actor: 'x' }),
		).rejects.toMatchObject({ field: 'target' });
	});

	it('records staff entries with their source, and refuses one without', async () => {
		const entry = await indicatorEntries.create(
			store,
			{
				indicator: 'first_employment_rate',
				onDate: '2027年3月1日',
				value: '97.5',
				source: '2027届初次就业统计',
			},
			{ actor: 'test' },
		);
		expect(entry).toMatchObject({
			indicator: 'first_employment_rate',
			onDate: '2027-03-01',
			value: 97.5,
		});
		await expect(
			indicatorEntries.create(
				store,
				{ indicator: 'staff_training', onDate: '2027-03-01', value: 10, source: '' },
				{ actor: 'test' },
			),
		).rejects.toMatchObject({ field: 'source' });
		await expect(
			indicatorEntries.create(
				store,
				{ indicator: 'patents', onDate: '2027-03-01', value: 10, source: 'x' },
				{ actor: 'test' },
			),
		).rejects.toMatchObject({ field: 'indicator' });
		const l = byKey(
			await computeScoreboard(store, {
				year: 2027,
				asOf: '2027-04-01',
				timeZone: TZ,
				indicators: ['first_employment_rate'],
			}),
		);
		expect(l.first_employment_rate).toMatchObject({
			actual: 97.5,
			status: 'met',
			source: 'entries',
			recordIds: [entry.id],
		});
	});

	it("falls back to staff entries, and says so, while an indicator's table is not in the store", async () => {
		const indicator = indicatorByKey('patents_granted')!;
		const derive = indicator.derive!;
		indicator.derive = { ...derive, tables: ['registry_not_installed'] };
		try {
			const none = byKey(
				await computeScoreboard(store, {
					year: 2026,
					asOf: '2026-07-01',
					timeZone: TZ,
					indicators: ['patents_granted'],
				}),
			);
			expect(none.patents_granted).toMatchObject({
				source: 'entries',
				actual: null,
				status: 'no_data',
				recordIds: [],
			});
			expect(none.patents_granted.rule).toMatch(
				/registry_not_installed table is not in this store/,
			);
		} finally {
			indicator.derive = derive;
		}
	});
});
