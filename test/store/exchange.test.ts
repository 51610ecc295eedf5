import { organisations, people } from '../../core/directory';
import { addLog, createPlacement, stations, transitionPlacement } from '../../core/exchange';
import { openStore, type Store } from '../../core/store';
import { StateError } from '../../core/util/errors';
import { freshStoreConfig, testDialects } from '../helpers/dialects';

const actor = { actor: 'test:store' };

describe.each(testDialects())('exchange store rules (%s)', (dialect) => {
	let store: Store;
	let ids: { teacher: string; host: string; station: string; placement: string };

	beforeAll(async () => {
		store = await openStore(await freshStoreConfig(dialect));
		const host = await organisations.create(
			store,
			{ name: '星河智能制造有限公司', kind: 'enterprise' },
			actor,
		);
		const teacher = await people.create(
			store,
			{ name: '张老师', kind: 'teacher', email: 'zhang@college.edu.cn' },
			actor,
		);
		const station = await stations.create(
			store,
			{ name: '星河流动站', organisationId: host.id, capacity: 2 },
			actor,
		);
		const placement = await createPlacement(
			store,
			{
				teacherId: 'ZHANG@college.edu.cn',
				hostId: host.name,
				stationId: station.name,
				form: '挂职',
				plannedStart: '2026-07-01',
				plannedEnd: '2026-07-31',
			},
			actor,
		);
		ids = { teacher: teacher.id, host: host.id, station: station.id, placement: placement.id };
	});
	afterAll(() => store.close());

	it('finds the teacher by email, the host and station by name, and the form by its Chinese label', async () => {
		const row = await store.db
			.selectFrom('exchange_placement')
			.selectAll()
			.where('id', '=', ids.placement)
			.executeTakeFirstOrThrow();
		expect(row).toMatchObject({
			teacher_id: ids.teacher,
			host_id: ids.host,
			station_id: ids.station,
			form: 'post',
			planned_days: 31,
		});
	});

	it('two concurrent approvals of one placement: exactly one wins, one audit row', async () => {
		const results = await Promise.allSettled([
			transitionPlacement(store, ids.placement, 'approved', {}, { actor: 'a' }),
			transitionPlacement(store, ids.placement, 'approved', {}, { actor: 'b' }),
		]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
		expect(failed.reason).toBeInstanceOf(StateError);
		const audit = await store.db
			.selectFrom('audit')
			.select('actor')
			.where('entity_id', '=', ids.placement)
			.where('action', '=', 'transition:approved')
			.execute();
		expect(audit).toHaveLength(1);
	});

	it('one log per week: a second log for the same week is refused by field', async () => {
		await addLog(
			store,
			ids.placement,
			{ weekStart: '2026-07-01', hours: 16, daysOnSite: 2, content: '第一周' },
			actor,
		);
		await expect(
			addLog(
				store,
				ids.placement,
				{ weekStart: '2026-07-03', hours: 8, daysOnSite: 1, content: '同一周' },
				actor,
			),
		).rejects.toMatchObject({ field: 'weekStart', code: 'duplicate' });
	});

	it('people, organisations and stations with placements cannot be deleted', async () => {
		await expect(people.delete(store, ids.teacher, actor)).rejects.toThrow(/exchange_placement/);
		await expect(organisations.delete(store, ids.host, actor)).rejects.toThrow(/exchange_/);
		await expect(stations.delete(store, ids.station, actor)).rejects.toThrow(/exchange_placement/);
	});
});
