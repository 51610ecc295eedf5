/*
 * Practice counted as the rule counts it. 《职业学校教师企业实践规定》(教师〔2016〕3号) 第四条:
 * 专业课教师"每5年必须累计不少于6个月到企业或生产服务一线实践" — months, not logged days.
 * Every figure below is worked out by hand.
 */
import { organisations, people } from '../../core/directory';
import {
	addLog,
	complianceRules,
	confirmLog,
	createPlacement,
	fiveYearReport,
	annualReport,
	transitionPlacement,
} from '../../core/exchange';
import { openStore, type Store } from '../../core/store';
import { addDays } from '../../core/util/time';
import { freshStoreConfig, testDialects } from '../helpers/dialects';

const actor = { actor: 'test:practice' };

/** Mondays from `first` to `last`, both Mondays. */
const mondays = (first: string, last: string) => {
	const out: string[] = [];
	for (let d = first; d <= last; d = addDays(d, 7)) out.push(d);
	return out;
};

describe.each(testDialects())(
	'practice counted in calendar months or logged days (%s)',
	(dialect) => {
		let store: Store;
		let ids: Record<string, string>;

		async function placed(
			teacherId: string,
			hostId: string,
			start: string,
			end: string,
			logs: Array<[week: string, days: number]>,
		) {
			const p = await createPlacement(
				store,
				{ teacherId, hostId, form: 'post', plannedStart: start, plannedEnd: end },
				actor,
			);
			await transitionPlacement(store, p.id, 'approved', {}, actor);
			await transitionPlacement(store, p.id, 'in_progress', {}, actor);
			for (const [week, days] of logs) {
				const log = await addLog(
					store,
					p.id,
					{ weekStart: week, daysOnSite: days, hours: days * 8, content: '顶岗实践' },
					actor,
				);
				await confirmLog(store, log.id, {}, actor);
			}
		}

		beforeAll(async () => {
			store = await openStore(await freshStoreConfig(dialect));
			const host = await organisations.create(
				store,
				{ name: '星河智能制造有限公司', kind: 'enterprise' },
				actor,
			);
			const teacher = (name: string, joinedOn: string) =>
				people.create(
					store,
					{
						name,
						kind: 'teacher',
						courseCategory: 'professional',
						joinedOn,
						enterpriseExperience: true,
					} as never,
					actor,
				);
			const fullTime = await teacher('全职', '2015-09-01');
			const partTime = await teacher('兼职', '2015-09-01');
			const lapsed = await teacher('过期', '2015-09-01');
			ids = { fullTime: fullTime.id, partTime: partTime.id, lapsed: lapsed.id };
			// 全职: 2026-01-01 (Thu) … 2026-06-30 (Tue), on site every working day, Monday to Friday.
			// The first week holds Thu 01-01 and Fri 01-02, the last Mon 06-29 and Tue 06-30; the rest are five-day weeks.
			// Working days: Jan 22 + Feb 20 + Mar 22 + Apr 22 + May 21 + Jun 22 = 129.
			const weeks = mondays('2025-12-29', '2026-06-29');
			await placed(
				fullTime.id,
				host.id,
				'2026-01-01',
				'2026-06-30',
				weeks.map((w, i) => [w, i === 0 || i === weeks.length - 1 ? 2 : 5]),
			);
			// 兼职: the same six months, three days a week: only the days on site count.
			await placed(
				partTime.id,
				host.id,
				'2026-01-05',
				'2026-06-28',
				mondays('2026-01-05', '2026-06-22').map((w) => [w, 3]),
			);
			// 过期: four months full-time in 2022 (2022-03-01 Tue … 2022-06-30 Thu), in the previous five-year cycle.
			const w2022 = mondays('2022-02-28', '2022-06-27');
			await placed(
				lapsed.id,
				host.id,
				'2022-03-01',
				'2022-06-30',
				w2022.map((w, i) => [w, i === 0 || i === w2022.length - 1 ? 4 : 5]),
			);
		});
		afterAll(() => store.close());

		const row = (items: Array<Record<string, unknown>>, id: string) =>
			items.find((i) => i.teacherId === id)!;

		it('six calendar months full-time, Monday to Friday, is compliant under the default rule', async () => {
			const items = await fiveYearReport(store, { asOf: '2026-12-01', rules: complianceRules() });
			// Joined 2015-09-01: cycles end 2020-08-31, 2025-08-31, 2030-08-31.
			expect(row(items, ids.fullTime)).toMatchObject({
				countingRule: 'calendarMonths',
				windowStart: '2025-09-01',
				windowEnd: '2030-08-31',
				countedThrough: '2026-12-01',
				months: 6,
				loggedDays: 129,
				required: 6,
				shortfall: 0,
				unit: '月 Months',
				makeUpBy: null,
				status: 'compliant',
				statusLabel: '达标 Compliant',
			});
		});

		it('the same data under the logged-days option gives the logged figure', async () => {
			const items = await fiveYearReport(store, {
				asOf: '2026-12-01',
				rules: complianceRules({ countingRule: 'loggedDays' }),
			});
			// 129 working days against 6 × 30 = 180: 51 short, due at the end of the cycle.
			expect(row(items, ids.fullTime)).toMatchObject({
				countingRule: 'loggedDays',
				loggedDays: 129,
				required: 180,
				shortfall: 51,
				unit: '天 Days',
				makeUpBy: '2030-08-31',
				status: 'shortfall',
			});
		});

		it('a part-time placement counts only its days on site, also in calendar months', async () => {
			const items = await fiveYearReport(store, { asOf: '2026-12-01', rules: complianceRules() });
			// 25 weeks × 3 days (Mon–Wed) = 75 days in runs of three: 25 × 3 / 30 = 2.5 months.
			expect(row(items, ids.partTime)).toMatchObject({
				loggedDays: 75,
				months: 2.5,
				shortfall: 3.5,
				status: 'shortfall',
			});
		});

		it('the annual report counts the same way: 1 month a year (国发〔2019〕4号)', async () => {
			const items = await annualReport(store, { asOf: '2026-12-01', rules: complianceRules() });
			expect(row(items, ids.fullTime)).toMatchObject({
				year: 2026,
				months: 6,
				required: 1,
				shortfall: 0,
				status: 'compliant',
			});
			expect(row(items, ids.lapsed)).toMatchObject({
				months: 0,
				shortfall: 1,
				makeUpBy: '2026-12-31',
			});
		});

		describe('the five-year report: window, what counts on the deadline and the make-up date are one model', () => {
			it('cycle (default): practice from the previous cycle does not count, and nothing counted leaves before the make-up date', async () => {
				const rules = complianceRules();
				const now = row(await fiveYearReport(store, { asOf: '2026-12-01', rules }), ids.lapsed);
				// The 2022 months lie in the cycle 2020-09-01 … 2025-08-31, so the current cycle holds none.
				expect(now).toMatchObject({
					windowStart: '2025-09-01',
					windowEnd: '2030-08-31',
					months: 0,
					shortfall: 6,
					makeUpBy: '2030-08-31',
					daysLeft: 1369,
				});
				// On the make-up date the report measures the same window, with the same practice in it.
				const onDeadline = row(
					await fiveYearReport(store, { asOf: now.makeUpBy as string, rules }),
					ids.lapsed,
				);
				expect(onDeadline).toMatchObject({
					windowStart: now.windowStart,
					windowEnd: now.windowEnd,
					months: now.months,
					shortfall: now.shortfall,
					daysLeft: 0,
				});
			});

			it('rolling: the window ends on the make-up date, so every counted day is inside it then', async () => {
				const rules = complianceRules({ windowModel: 'rolling' });
				const now = row(await fiveYearReport(store, { asOf: '2026-12-01', rules }), ids.lapsed);
				// Past the first five years the deadline is the report date: 2021-12-02 … 2026-12-01 holds
				// 2022-03-01 … 06-30, four whole months (03-01 + 4 months ends 06-30). Two short, due now.
				expect(now).toMatchObject({
					windowStart: '2021-12-02',
					windowEnd: '2026-12-01',
					months: 4,
					shortfall: 2,
					makeUpBy: '2026-12-01',
					daysLeft: 0,
				});
				// The old model said "差额 2，补足期限 2030-08-31"; by then the window 2025-09-01 … 2030-08-31
				// holds none of these months. Measured on the date it names, the make-up date still finds them.
				const onDeadline = row(
					await fiveYearReport(store, { asOf: now.makeUpBy as string, rules }),
					ids.lapsed,
				);
				expect(onDeadline).toMatchObject({
					windowStart: now.windowStart,
					windowEnd: now.windowEnd,
					months: now.months,
				});
				// Five years on, every one of those days has left the window, and the report says so.
				expect(
					row(await fiveYearReport(store, { asOf: '2027-07-01', rules }), ids.lapsed),
				).toMatchObject({
					windowStart: '2022-07-02',
					months: 0,
					shortfall: 6,
					makeUpBy: '2027-07-01',
				});
			});

			it('rolling, in the first five years: the make-up date is their end, and the window is those years', async () => {
				const teacher = await people.create(
					store,
					{
						name: '新人',
						kind: 'teacher',
						courseCategory: 'professional',
						joinedOn: '2026-02-01',
					} as never,
					actor,
				);
				const item = row(
					await fiveYearReport(store, {
						asOf: '2026-12-01',
						rules: complianceRules({ windowModel: 'rolling' }),
					}),
					teacher.id,
				);
				expect(item).toMatchObject({
					windowStart: '2026-02-01',
					windowEnd: '2031-01-31',
					countedThrough: '2026-12-01',
					shortfall: 6,
					makeUpBy: '2031-01-31',
				});
			});
		});
	},
);
