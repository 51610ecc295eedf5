import { sql } from 'kysely';
import { organisations, people } from '../../../core/directory';
import { openStore, type Store } from '../../../core/store';
import { StateError } from '../../../core/util/errors';
import { freshStoreConfig, testDialects } from '../../helpers/dialects';

const actor = { actor: 'test' };

describe.each(testDialects())(
	'directory delete while something refers to the record (%s)',
	(dialect) => {
		let store: Store;
		beforeAll(async () => {
			store = await openStore(await freshStoreConfig(dialect));
			// A table no module registered, as another node's bundle would have it: only its
			// foreign key declares the reference.
			await sql`create table placement_probe (id text primary key, host_id text references organisation(id), mentor text references person(id))`.execute(
				store.db,
			);
		});
		afterAll(() => store.close());

		it('refuses to delete an organisation a person belongs to, and deletes it once the person is gone', async () => {
			const org = await organisations.create(
				store,
				{ name: '星河智能制造有限公司', kind: 'enterprise' },
				actor,
			);
			const person = await people.create(
				store,
				{ name: '王师傅', kind: 'technician', organisationId: org.id },
				actor,
			);
			await expect(organisations.delete(store, org.id, actor)).rejects.toThrow(
				new RegExp(`still referred to by person ${person.id}`),
			);
			await people.delete(store, person.id, actor);
			await expect(organisations.delete(store, org.id, actor)).resolves.toEqual({
				id: org.id,
				deleted: true,
			});
			const audit = await store.db
				.selectFrom('audit')
				.select('action')
				.where('entity_id', '=', org.id)
				.orderBy('seq')
				.execute();
			expect(audit.map((a) => a.action)).toEqual(['create', 'delete']);
		});

		it('finds references that only a foreign key declares, for organisations and people', async () => {
			const org = await organisations.create(
				store,
				{ name: '海峡数控装备有限公司', kind: 'enterprise' },
				actor,
			);
			const mentor = await people.create(store, { name: '李工', kind: 'technician' }, actor);
			await sql`insert into placement_probe (id, host_id, mentor) values ('plc_1', ${org.id}, ${mentor.id})`.execute(
				store.db,
			);
			for (const [repo, id] of [
				[organisations, org.id],
				[people, mentor.id],
			] as const) {
				const error = await (repo as typeof people)
					.delete(store, id, actor)
					.catch((e: unknown) => e);
				expect(error).toBeInstanceOf(StateError);
				expect((error as Error).message).toMatch(
					/still referred to by placement_probe plc_1; it cannot be deleted \/ 仍被引用，不能删除/,
				);
			}
			expect(
				await store.db
					.selectFrom('organisation')
					.select('id')
					.where('id', '=', org.id)
					.executeTakeFirst(),
			).toBeDefined();
		});
	},
);
