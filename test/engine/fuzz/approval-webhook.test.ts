/**
 * Hostile requests to the Approval node's page handler (its restart webhook) in the real
 * engine: tokens truncated, flipped, replayed, or taken from another request's email and
 * sent to this execution's URL. Each gets a page — never a stack trace — and decides
 * nothing, resumes nothing, changes no row.
 */
import { closeAllStores, openStore, type Store } from '../../../core/store';
import { snapshot } from '../../fuzz/check';
import { fuzzSeeds, hostile, Rng } from '../../fuzz/generator';
import { freshStoreConfig, testDialects } from '../../helpers/dialects';
import {
	approvalWorkflow,
	formFields,
	linkOf,
	queryOf,
	requestParameters,
	sent,
	stage,
} from '../approval-helpers';
import { Engine, registerOwnNode, storeCredentials, type Execution } from '../harness';

registerOwnNode(
	'approval',
	() => new (require('../../../nodes/Approval/Approval.node').Approval)(),
);

const [, RANDOM_SEED] = fuzzSeeds('Approval node page handler');
const STACK = /\bat \S+ \(|node_modules|\.ts:\d+|TypeError|ReferenceError/;
const HEAD = 'head@college.edu.cn';

describe.each(testDialects())('hostile requests to the Approval page handler (%s)', (dialect) => {
	let engine: Engine;
	let store: Store;
	let a: Execution;
	let b: Execution;
	let linkA: string;
	let linkB: string;

	beforeAll(async () => {
		const config = await freshStoreConfig(dialect);
		engine = new Engine({ credentials: storeCredentials(config) });
		const wf = approvalWorkflow(requestParameters([stage(`张主任 <${HEAD}>`)]));
		a = await engine.run(wf);
		b = await engine.run({ ...wf, id: 'wf-approval-b' }, {});
		linkA = linkOf(sent(a), HEAD);
		linkB = linkOf(sent(b), HEAD);
		store = await openStore(config);
	});
	afterAll(async () => {
		await store.close();
		await closeAllStores();
	});

	const state = async () => ({
		counts: await snapshot(store),
		slots: await store.db
			.selectFrom('approval_slot')
			.select(['id', 'status'])
			.orderBy('id')
			.execute(),
	});

	async function expectNothing(
		exec: Execution,
		request: { method: 'GET' | 'POST' | 'HEAD'; query?: any; body?: any },
		label: string,
	) {
		const before = await state();
		const out = await engine.webhook(exec, request);
		const body = String(out.response.body ?? '');
		expect([label, out.resumed, STACK.test(body), out.response.statusCode >= 400]).toEqual([
			label,
			false,
			false,
			true,
		]);
		expect(await state()).toEqual(before);
		return out;
	}

	it.each([20260901, RANDOM_SEED])(
		'seed %i: tampered tokens and form keys get the invalid page and decide nothing',
		async (seed) => {
			const rng = new Rng(seed);
			const { token } = queryOf(linkA) as { token: string };
			const page = await engine.webhook(a, { method: 'GET', query: queryOf(linkA) });
			const form = formFields(page.response.body);
			const at = rng.int(token.length);
			const variants: Array<[string, unknown]> = [
				['truncated', token.slice(0, 20 + rng.int(20))],
				['flipped', token.slice(0, at) + (token[at] === 'a' ? 'b' : 'a') + token.slice(at + 1)],
				['appended', `${token}A`],
				['empty', ''],
				['array', [token.slice(1), token]],
				['hostile', hostile(rng)],
				['hostile text', hostile(rng, 'text')],
			];
			for (const [how, value] of variants) {
				await expectNothing(
					a,
					{ method: 'GET', query: { ...queryOf(linkA), token: value } },
					`GET ${how}`,
				);
				await expectNothing(
					a,
					{
						method: 'POST',
						query: { ...queryOf(linkA), token: value },
						body: { token: value, formKey: form.formKey, decision: 'approve' },
					},
					`POST ${how}`,
				);
			}
			await expectNothing(
				a,
				{
					method: 'POST',
					query: queryOf(linkA),
					body: {
						token: form.token,
						formKey: `${form.formKey.slice(0, -1)}x`,
						decision: 'approve',
					},
				},
				'POST forged form key',
			);
			await expectNothing(
				a,
				{
					method: 'POST',
					query: queryOf(linkA),
					body: {
						token: form.token,
						formKey: hostile(rng),
						decision: 'approve',
						comment: hostile(rng),
					},
				},
				'POST hostile form key',
			);
		},
	);

	it("a token from another request's email, sent to this execution, decides nothing", async () => {
		const pageB = await engine.webhook(b, { method: 'GET', query: queryOf(linkB) });
		const formB = formFields(pageB.response.body);
		// B's link and form, delivered to A's waiting execution
		await expectNothing(
			a,
			{ method: 'POST', query: queryOf(linkB), body: { ...formB, decision: 'approve' } },
			'POST B token at A',
		);
		await expectNothing(a, { method: 'GET', query: queryOf(linkB) }, 'GET B token at A');
	});

	it('a replayed decision is recorded once; the replay shows the used page', async () => {
		const decisions = async () =>
			(
				await store.db
					.selectFrom('audit')
					.select('action')
					.where('entity_type', '=', 'approval_slot')
					.execute()
			).length;
		const before = await decisions();
		const page = await engine.webhook(a, { method: 'GET', query: queryOf(linkA) });
		const form = formFields(page.response.body);
		const first = await engine.webhook(a, {
			method: 'POST',
			query: queryOf(linkA),
			body: { ...form, decision: 'approve' },
		});
		expect(first.resumed).toBe(true);
		expect(await decisions()).toBe(before + 1);
		const replay = await engine.webhook(a, {
			method: 'POST',
			query: queryOf(linkA),
			body: { ...form, decision: 'reject' },
		});
		expect([
			replay.resumed,
			replay.response.statusCode,
			STACK.test(String(replay.response.body)),
		]).toEqual([false, 410, false]);
		expect(await decisions()).toBe(before + 1);
	});
});
