import {
	addWorkingDays,
	listCalendarDays,
	loadWorkCalendar,
	officialDays,
	seedOfficialCalendar,
	upsertCalendarDay,
} from '../../core/calendar';
import { openStore, type Store } from '../../core/store';
import { ValidationError } from '../../core/util/errors';
import { freshStoreConfig, testDialects } from '../helpers/dialects';

const TZ = 'Asia/Shanghai';
const sh = (local: string) => new Date(`${local}+08:00`).toISOString();
const admin = { actor: 'admin@example.edu.cn' };

describe.each(testDialects())('working-day calendar table (%s)', (dialect) => {
	let store: Store;

	beforeAll(async () => {
		store = await openStore(await freshStoreConfig(dialect));
	});
	afterAll(() => store.close());

	it('starts seeded with the shipped official days', async () => {
		const days = await listCalendarDays(store);
		expect(days).toHaveLength(officialDays().length);
		expect(days.every((d) => d.source === 'official')).toBe(true);
		expect(
			await listCalendarDays(store, { from: '2026-10-01', to: '2026-10-31', kind: 'workday' }),
		).toEqual([
			expect.objectContaining({ date: '2026-10-10', kind: 'workday', name: '国庆节调休上班' }),
		]);
		// Seeding again adds nothing: every shipped date is there.
		expect(await store.transaction((tx) => seedOfficialCalendar(tx))).toBe(0);
	});

	it('a consortium edit changes due dates, survives a re-seed and is audited', async () => {
		const created = sh('2026-11-05T10:00:00'); // Thursday
		expect(addWorkingDays(created, 1, TZ, await loadWorkCalendar(store))).toBe(
			sh('2026-11-06T10:00:00'),
		);

		// 校庆 on Friday 6 November: the consortium closes; Saturday 7 is worked instead.
		const closed = await upsertCalendarDay(
			store,
			{ date: '2026-11-06', kind: 'holiday', name: '校庆' },
			admin,
		);
		expect(closed).toMatchObject({
			date: '2026-11-06',
			kind: 'holiday',
			name: '校庆',
			source: 'consortium',
		});
		await upsertCalendarDay(
			store,
			{ date: '2026年11月7日', kind: 'workday', name: '校庆调休上班' },
			admin,
		);
		expect(addWorkingDays(created, 1, TZ, await loadWorkCalendar(store))).toBe(
			sh('2026-11-07T10:00:00'),
		);

		// Editing an official day keeps the date, changes the kind.
		await upsertCalendarDay(
			store,
			{ date: '2026-10-10', kind: 'holiday', name: '本联合体不调休' },
			admin,
		);
		await store.transaction((tx) => seedOfficialCalendar(tx));
		expect(
			(await listCalendarDays(store, { from: '2026-10-10', to: '2026-10-10' }))[0],
		).toMatchObject({ kind: 'holiday', source: 'consortium' });

		const audit = await store.db
			.selectFrom('audit')
			.selectAll()
			.where('entity_type', '=', 'work_calendar_day')
			.orderBy('seq')
			.execute();
		expect(audit.map((a) => [a.action, a.entity_id, a.actor])).toEqual([
			['create', '2026-11-06', admin.actor],
			['create', '2026-11-07', admin.actor],
			['update', '2026-10-10', admin.actor],
		]);
		expect(JSON.parse(audit[2].changes!)).toEqual({
			kind: ['workday', 'holiday'],
			name: ['国庆节调休上班', '本联合体不调休'],
		});
	});

	it('an unchanged upsert writes nothing', async () => {
		const before = await store.db.selectFrom('audit').select('id').execute();
		await upsertCalendarDay(store, { date: '2026-11-06', kind: 'holiday', name: '校庆' }, admin);
		expect(await store.db.selectFrom('audit').select('id').execute()).toHaveLength(before.length);
	});

	it('a newly shipped year is added by the seed without touching edits', async () => {
		const added = await store.transaction((tx) =>
			seedOfficialCalendar(tx, [
				{ date: '2027-01-01', kind: 'holiday', name: '元旦' },
				{ date: '2026-11-06', kind: 'workday', name: 'x' },
			]),
		);
		expect(added).toBe(1);
		expect(
			(await listCalendarDays(store, { from: '2026-11-06', to: '2027-01-01' })).map((d) => [
				d.date,
				d.kind,
				d.source,
			]),
		).toEqual([
			['2026-11-06', 'holiday', 'consortium'],
			['2026-11-07', 'workday', 'consortium'],
			['2027-01-01', 'holiday', 'official'],
		]);
	});

	it('refuses a bad date, kind or name, naming the field, and writes nothing', async () => {
		const count = (await listCalendarDays(store)).length;
		const bad = async (input: Record<string, unknown>, field: string) => {
			const error = await upsertCalendarDay(
				store,
				{ date: '2026-12-01', kind: 'holiday', name: '停工', ...input },
				admin,
			).catch((e) => e);
			expect(error).toBeInstanceOf(ValidationError);
			expect(error.field).toBe(field);
		};
		await bad({ date: '2026-02-30' }, 'date');
		await bad({ kind: 'halfday' }, 'kind');
		await bad({ name: '' }, 'name');
		await bad({ name: 'x'.repeat(101) }, 'name');
		expect(await listCalendarDays(store)).toHaveLength(count);
		await expect(listCalendarDays(store, { kind: 'weekend' })).rejects.toThrow(ValidationError);
	});
});
