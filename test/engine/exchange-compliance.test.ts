import { closeAllStores, openStore, type Store } from '../../core/store';
import { freshStoreConfig, testDialects } from '../helpers/dialects';
import { runExchange } from '../helpers/exchange-engine';
import { seedExchange } from '../helpers/exchange-seed';
import { Engine, storeCredentials } from './harness';

/*
 * Every figure below is worked out by hand from test/helpers/exchange-seed.ts.
 * Report date 2026-12-01: the five-year window is 2021-12-02 … 2026-12-01.
 */
describe.each(testDialects())(
	'Exchange compliance reports on a seeded data set (%s)',
	(dialect) => {
		let store: Store;
		let engine: Engine;
		let seed: Awaited<ReturnType<typeof seedExchange>>;

		beforeAll(async () => {
			const config = await freshStoreConfig(dialect);
			store = await openStore(config);
			seed = await seedExchange(store);
			engine = new Engine({ credentials: storeCredentials(config) });
		});
		afterAll(async () => {
			await store.close();
			await closeAllStores();
		});

		const report = async (operation: string, extra: Record<string, unknown> = {}) => {
			const { run, out } = await runExchange(engine, {
				resource: 'compliance',
				operation,
				asOf: '2026-12-01',
				...extra,
			});
			expect(run.error()).toBeUndefined();
			return out;
		};
		const byName = (items: any[], name: string) => items.find((i) => i.name === name);

		// The day figures below count logged days in a rolling window, the options a college may
		// choose; the defaults (calendar months, five-year cycles) are checked after them.
		const byDays = { countingRule: 'loggedDays', windowModel: 'rolling' };

		it('five-year practice: window edges, overlapping placements once, cancelled placements not at all, 公共课 half', async () => {
			const items = await report('fiveYear', { rules: byDays });
			expect(items).toHaveLength(9);
			// 张一: 2021-12-02, 12-03 (12-01 is outside) + 2026-12-01 (12-02 is after the report date)
			// + March 2024 at two overlapping placements: 20 + 2 (03-30, 03-31) + 5 (04-01 … 04-05) = 27.
			// The cancelled June 2026 placement's 5 confirmed days do not count. 2 + 1 + 27 = 30.
			expect(byName(items, '张一')).toMatchObject({
				windowStart: '2021-12-02',
				windowEnd: '2026-12-01',
				loggedDays: 30,
				required: 180,
				shortfall: 150,
				// Joined 2010-09-01, past the first five years: the rolling window is due on the report date.
				makeUpBy: '2026-12-01',
				daysLeft: 0,
				status: 'shortfall',
			});
			// 王二, 公共课 (本联合体设置: half): 90 required. 2023-02-28 … 03-02 (3) + the week of 2024-02-26 with 02-29 (7) = 10.
			expect(byName(items, '王二')).toMatchObject({
				loggedDays: 10,
				required: 90,
				shortfall: 80,
				makeUpBy: '2026-12-01',
			});
			// 周七: 30 weeks × 6 days in 2025 = 180, exactly enough.
			expect(byName(items, '周七')).toMatchObject({
				loggedDays: 180,
				required: 180,
				shortfall: 0,
				makeUpBy: null,
				status: 'compliant',
			});
			// 李三 joined 2026-02-01: his first five years end 2031-01-31, and the window is those years.
			expect(byName(items, '李三')).toMatchObject({
				loggedDays: 0,
				shortfall: 180,
				windowStart: '2026-02-01',
				makeUpBy: '2031-01-31',
			});
			// 吴八 has no joining date: counted from the anchor 2016-05-11, his first five years ended 2021-05-10.
			expect(byName(items, '吴八')).toMatchObject({ loggedDays: 0, makeUpBy: '2026-12-01' });
		});

		it('five-year practice by default: calendar months in the five-year cycle from joining', async () => {
			const items = await report('fiveYear');
			// 周七 joined 2015-01-01: the cycle 2025-01-01 … 2029-12-31. Thirty six-day weeks are full-time,
			// so 2025-03-03 … 09-28 counts whole: six months to 09-02, then 26 days / 30 = 6.87 months.
			expect(byName(items, '周七')).toMatchObject({
				countingRule: 'calendarMonths',
				windowStart: '2025-01-01',
				windowEnd: '2029-12-31',
				months: 6.87,
				loggedDays: 180,
				required: 6,
				shortfall: 0,
				status: 'compliant',
			});
			// 张一's cycle 2025-09-01 … 2030-08-31 holds only 2026-12-01 (one day of a two-day week): 1/30 month.
			expect(byName(items, '张一')).toMatchObject({
				windowStart: '2025-09-01',
				months: 0.03,
				required: 6,
				shortfall: 5.97,
				makeUpBy: '2030-08-31',
				daysLeft: 1369,
			});
			// 王二 (公共课, joined 2020-02-29): the cycle 2025-03-01 … 2030-02-28 holds nothing yet; 3 months required.
			expect(byName(items, '王二')).toMatchObject({
				windowStart: '2025-03-01',
				windowEnd: '2030-02-28',
				months: 0,
				required: 3,
				shortfall: 3,
				makeUpBy: '2030-02-28',
				daysLeft: 1185,
			});
		});

		it('five-year practice on 29 February: the rolling window starts 2023-03-01', async () => {
			const items = await report('fiveYear', { asOf: '2028-02-29', rules: byDays });
			// 王二: 2023-02-28 is out, 03-01 and 03-02 in (2); 2024 week (7); 2028-02-28 and 02-29 in, 03-01 after (2).
			expect(byName(items, '王二')).toMatchObject({
				windowStart: '2023-03-01',
				windowEnd: '2028-02-29',
				loggedDays: 11,
				shortfall: 79,
			});
		});

		it('every threshold can be overridden: a month of 22 working days, a 2-month window', async () => {
			const items = await report('fiveYear', {
				rules: { ...byDays, daysPerMonth: 22, windowMonths: 2 },
			});
			expect(byName(items, '张一')).toMatchObject({ loggedDays: 30, required: 44, shortfall: 14 });
			expect(byName(items, '王二')).toMatchObject({ required: 22, shortfall: 12 });
			expect(byName(items, '周七')).toMatchObject({ shortfall: 0 });
		});

		it('practice this year against one month, 专业课 teachers only', async () => {
			const items = await report('annual', { rules: byDays });
			expect(items.map((i) => i.name).sort()).toEqual(
				['吴八', '周七', '孙六', '张一', '李三', '赵四', '郑九', '钱五'].sort(),
			);
			expect(byName(items, '张一')).toMatchObject({
				year: 2026,
				loggedDays: 1,
				required: 30,
				shortfall: 29,
				makeUpBy: '2026-12-31',
				status: 'shortfall',
			});
			expect(byName(items, '周七')).toMatchObject({ loggedDays: 0, shortfall: 30 });
		});

		it('new teachers without enterprise experience and without a placement', async () => {
			const items = await report('newTeachers');
			// 赵四 has a planned placement; 钱五 has experience; 郑九 joined exactly 12 months ago; 孙六's only placement was cancelled.
			expect(items.map((i) => [i.name, i.joinedOn, i.daysSinceJoined]).sort()).toEqual([
				['孙六', '2025-12-02', 364],
				['李三', '2026-02-01', 303],
			]);
		});

		it('双师型 share of 专业课 teachers by department and overall, against 75%', async () => {
			const items = await report('dualQualified');
			const dept = (d: string) => items.find((i) => i.department === d);
			// 机电系: 张一 of 张一, 李三, 吴八, 郑九. 电子系: 钱五, 孙六, 周七 of four (赵四 is recognised only from 2027).
			expect(dept('机电系')).toMatchObject({
				teachers: 4,
				dualQualified: 1,
				share: 0.25,
				needed: 2,
				status: 'below_target',
			});
			expect(dept('电子系')).toMatchObject({
				teachers: 4,
				dualQualified: 3,
				share: 0.75,
				needed: 0,
				status: 'on_target',
			});
			expect(dept('全部 All')).toMatchObject({
				teachers: 8,
				dualQualified: 4,
				share: 0.5,
				target: 0.75,
				needed: 2,
			});
			expect(dept('基础部')).toBeUndefined();
		});

		it('per-station use against capacity', async () => {
			const items = await report('stationUse');
			// Station 1: 张一's in-progress week and 赵四's planned placement cover 2026-12-01; the cancelled one does not.
			expect(items.find((i) => i.stationId === seed.s1.id)).toMatchObject({
				capacity: 2,
				inUse: 2,
				utilisation: 1,
				placementsThisYear: 2,
				teacherDaysThisYear: 1,
				status: 'full',
			});
			expect(items.find((i) => i.stationId === seed.s2.id)).toMatchObject({
				capacity: 1,
				inUse: 0,
				placementsThisYear: 0,
				status: 'not_recognised',
			});
		});

		it('technician teaching hours per term, with weighted feedback', async () => {
			const all = await report('technicianHours');
			expect(all).toHaveLength(3);
			const autumn = await report('technicianHours', { term: '2026-2027-1' });
			expect(autumn).toHaveLength(2);
			// 4 + 4 + 6 + 4 hours; feedback (90×40 + 80×10 + 70×50) / 100 = 79.
			expect(byName(autumn, '王师傅')).toMatchObject({
				sessions: 4,
				hours: 18,
				courses: '数控编程、工业机器人',
				feedbackScore: 79,
				shortfall: 0,
				status: 'compliant',
			});
			expect(byName(autumn, '陈工')).toMatchObject({
				sessions: 1,
				hours: 2,
				minHours: 16,
				shortfall: 14,
				feedbackScore: null,
				status: 'shortfall',
			});
		});

		it('checks technician qualifications against default and overridden rules', async () => {
			const ok = await runExchange(engine, {
				resource: 'engagement',
				operation: 'checkQualification',
				id: seed.e1.id,
			});
			expect(ok.out[0]).toMatchObject({ qualified: true, qualification: 'qualified' });
			const no = await runExchange(engine, {
				resource: 'engagement',
				operation: 'checkQualification',
				id: seed.e3.id,
			});
			expect(no.out[0]).toMatchObject({ qualified: false, qualification: 'not_qualified' });
			expect(no.out[0].qualificationDetail).toEqual([
				expect.objectContaining({ rule: 'yearsInIndustry', passed: false }),
				expect.objectContaining({ rule: 'titleOrSkillLevel', passed: false }),
			]);
			const relaxed = await runExchange(engine, {
				resource: 'engagement',
				operation: 'checkQualification',
				id: seed.e3.id,
				rules: { minYearsInIndustry: 2, titles: '助理工程师,工程师' },
			});
			expect(relaxed.out[0]).toMatchObject({ qualified: true });
		});
	},
);
