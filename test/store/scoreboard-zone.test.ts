import { organisations } from '../../core/directory';
import '../../core/exchange';
import { computeScoreboard, periodFor, stationsOfKind } from '../../core/scoreboard';
import { openStore, type Store } from '../../core/store';
import { freshStoreConfig, testDialects } from '../helpers/dialects';

/**
 * Issue #17 point 10: a station without a recognition date counts from the day it was entered,
 * compared as a UTC day (`created_at <= '2026-12-31T23:59:59.999Z'`), so one entered at 00:30
 * Beijing time on 1 January 2027 (16:30 UTC on 31 December) counted in 2026. The day is the
 * consortium's: 23:30 Beijing time on 31 December is still 2026, 00:30 on 1 January is 2027.
 */
describe.each(testDialects())('scoreboard days in the consortium zone (%s)', (dialect) => {
	let store: Store;

	beforeAll(async () => {
		store = await openStore(await freshStoreConfig(dialect));
		const org = await organisations.create(
			store,
			{ name: '海峡数控装备有限公司', kind: 'enterprise' },
			{ actor: 'test' },
		);
		const station = (id: string, createdAt: string) => ({
			id,
			name: `站点 ${id}`,
			organisation_id: org.id,
			kind: 'station',
			capacity: 2,
			recognised_from: null,
			recognised_to: null,
			created_at: createdAt,
			updated_at: createdAt,
		});
		await (store.db as any)
			.insertInto('exchange_station')
			.values([
				station('sta_2330', '2026-12-31T15:30:00.000Z'),
				station('sta_0030', '2026-12-31T16:30:00.000Z'),
			])
			.execute();
	});
	afterAll(() => store.close());

	const counted = async (year: number, timeZone: string) =>
		(await stationsOfKind('station').run(store.db, periodFor('calendar', year), timeZone)).ids;

	it('counts a station entered at 23:30 Beijing time on 31 December in that year, 00:30 on 1 January in the next', async () => {
		expect(await counted(2026, 'Asia/Shanghai')).toEqual(['sta_2330']);
		expect(await counted(2027, 'Asia/Shanghai')).toEqual(['sta_0030', 'sta_2330']);
		// In a consortium on UTC both instants are 31 December.
		expect(await counted(2026, 'UTC')).toEqual(['sta_0030', 'sta_2330']);
	});

	it("passes the request's zone from the scoreboard, and reads an instant's as-of day there", async () => {
		const lines = await computeScoreboard(store, {
			asOf: '2026-12-31T16:30:00.000Z',
			indicators: ['practice_stations'],
			timeZone: 'Asia/Shanghai',
		});
		// 00:30 Beijing time on 1 January 2027: the 2027 period, both stations in it.
		expect(lines[0]).toMatchObject({ periodStart: '2027-01-01', asOf: '2027-01-01', actual: 2 });
		// The same instant in a consortium on UTC is 31 December 2026 (was read in Beijing time).
		const [utc] = await computeScoreboard(store, {
			asOf: '2026-12-31T16:30:00.000Z',
			indicators: ['practice_stations'],
			timeZone: 'UTC',
		});
		expect(utc).toMatchObject({ periodStart: '2026-01-01', asOf: '2026-12-31', actual: 2 });
	});
});
