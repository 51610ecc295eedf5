/*
 * "Today", "this year" and day filters are the consortium's days (Asia/Shanghai, UTC+8, no
 * daylight saving): 23:30 there is 15:30 UTC the same day, 00:30 is 16:30 UTC the day before.
 */
import { closeAllStores, openStore, type Store } from '../../../core/store';
import {
	createRequest,
	listRequests,
	loadRecord,
	parseRequest,
	type ApprovalEnv,
} from '../../../core/approval';
import { dateInZone, startOfDayInZone } from '../../../core/util/time';
import { optionalDate } from '../../../core/util/validate';
import { freshStoreConfig } from '../../helpers/dialects';

const ZONE = 'Asia/Shanghai';
const at2330 = '2026-12-01T15:30:00.000Z'; // 2026-12-01 23:30 in Shanghai
const at0030 = '2026-12-01T16:30:00.000Z'; // 2026-12-02 00:30 in Shanghai

describe('days in the consortium zone', () => {
	it('a day begins at 16:00 UTC the day before in Shanghai; in UTC at midnight', () => {
		expect(startOfDayInZone('2026-12-02', ZONE)).toBe('2026-12-01T16:00:00.000Z');
		expect(startOfDayInZone('2026-12-02', 'UTC')).toBe('2026-12-02T00:00:00.000Z');
		// Across a daylight-saving change the offset at midnight is the one used: New York on 2026-03-08 (UTC−5 at 00:00).
		expect(startOfDayInZone('2026-03-08', 'America/New_York')).toBe('2026-03-08T05:00:00.000Z');
	});

	it('an instant is read as its calendar day in the zone: 23:30 is still that day, 00:30 the next', () => {
		expect(dateInZone(at2330, ZONE)).toBe('2026-12-01');
		expect(dateInZone(at0030, ZONE)).toBe('2026-12-02');
		expect(optionalDate(at2330, 'asOf', '统计日期 As Of')).toBe('2026-12-01');
		expect(optionalDate(at0030, 'asOf', '统计日期 As Of')).toBe('2026-12-02');
		expect(optionalDate(new Date(at0030), 'asOf', '统计日期 As Of')).toBe('2026-12-02');
		// A Schedule Trigger's timestamp carries its offset; the date is the same either way.
		expect(optionalDate('2026-12-02T00:30:00.000+08:00', 'asOf', '统计日期 As Of')).toBe(
			'2026-12-02',
		);
		// Another zone, when the consortium sets one.
		expect(optionalDate(at0030, 'asOf', '统计日期 As Of', 'UTC')).toBe('2026-12-01');
		// Wall time without a zone, and a bare date, keep the date as written.
		expect(optionalDate('2026-12-02 00:30', 'asOf', '统计日期 As Of')).toBe('2026-12-02');
		expect(optionalDate('2026-12-01', 'asOf', '统计日期 As Of')).toBe('2026-12-01');
	});
});

describe('approval list filters by the consortium day', () => {
	let store: Store;
	let env: ApprovalEnv;
	const settings = { timeZone: ZONE, linkSecret: 'unit-secret' };
	const spec = (title: string) =>
		parseRequest(
			{ title, submitterEmail: 's@x.com', numberPrefix: 'KC', stages: [{ approvers: 'a@x.com' }] },
			{ linkBase: 'http://n8n/webhook-waiting/1/node', executionId: null, nodeId: null },
		);

	beforeAll(async () => {
		store = await openStore(await freshStoreConfig('sqlite'));
		env = { store, settings };
		// 2026-12-01 23:30 and 2026-12-02 00:30 Beijing time, and 2026-12-02 23:59.
		for (const [title, now] of [
			['晚间 23:30', at2330],
			['凌晨 00:30', at0030],
			['深夜 23:59', '2026-12-02T15:59:00.000Z'],
		]) {
			await createRequest({ ...env, now: new Date(now) }, spec(title), { actor: 'test' });
		}
	});
	afterAll(async () => {
		await store.close();
		await closeAllStores();
	});

	const titles = async (filters: Record<string, string>) =>
		(await listRequests(env, filters, { limit: 50 })).items.map((r) => r.title).sort();

	it('"today" at 00:30 Asia/Shanghai returns that day\'s requests', async () => {
		// At 00:30 on 2026-12-02 the node's "today" is 2026-12-02; by UTC days it would still be 12-01.
		const today = dateInZone(new Date(at0030), ZONE);
		expect(today).toBe('2026-12-02');
		expect(await titles({ createdFrom: today, createdTo: today })).toEqual(
			['凌晨 00:30', '深夜 23:59'].sort(),
		);
	});

	it('every state value comes with its Chinese label', async () => {
		const [row] = (
			await listRequests(env, { createdFrom: '2026-12-01', createdTo: '2026-12-01' }, { limit: 1 })
		).items;
		const record = await loadRecord(store.db, row.id);
		expect(record).toMatchObject({
			status: 'pending',
			statusLabel: '审批中 Pending',
			reason: null,
			reasonLabel: null,
		});
		expect(record.stages[0]).toMatchObject({ status: 'active', statusLabel: '进行中 In progress' });
		expect(record.stages[0].approvers[0]).toMatchObject({
			status: 'pending',
			statusLabel: '待审批 Pending',
		});
	});

	it('a request at 23:30 belongs to its own Beijing day, not the next UTC one', async () => {
		expect(await titles({ createdFrom: '2026-12-01', createdTo: '2026-12-01' })).toEqual([
			'晚间 23:30',
		]);
		expect(await titles({ createdFrom: '2026-12-02' })).toEqual(
			['凌晨 00:30', '深夜 23:59'].sort(),
		);
		expect(await titles({ createdTo: '2026-12-01' })).toEqual(['晚间 23:30']);
	});
});
