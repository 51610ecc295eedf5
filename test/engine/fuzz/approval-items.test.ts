/**
 * Hostile items through the Approval node's management operations — get, list, 催办 remind,
 * 转交 reassign, 加签 add approver, 撤回 withdraw, 补投 redeliver — in the real n8n engine, on both dialects:
 * see ./items.ts for what each case proves. (Request Approval waits for people; its inputs
 * are fuzzed through the core in test/fuzz and its pages in ./approval-webhook.test.ts.)
 */
import { createRequest, markDelivered, parseRequest, withdraw } from '../../../core/approval';
import { closeAllStores, openStore, type Store } from '../../../core/store';
import { fuzzCases, fuzzSeeds } from '../../fuzz/generator';
import { freshStoreConfig, testDialects } from '../../helpers/dialects';
import {
	eachCaseIsClean,
	expectFailFast,
	expr,
	fromItem,
	fuzzContext,
	type FuzzContext,
	type OpCase,
} from './items';

const SEEDS = fuzzSeeds('Approval node operations');
const ITEMS = fuzzCases(12);
const HEAD = 'head@college.edu.cn';
const settings = { timeZone: 'Asia/Shanghai', linkSecret: 'fuzz-secret' };

const request = (parameters: object) => ({ resource: 'request', ...parameters });
const isRecord = (out: Record<string, unknown>) =>
	typeof out.requestId === 'string' && typeof out.requestNumber === 'string';
const isNotice = (out: Record<string, unknown>) =>
	(out.kind === 'request' || out.kind === 'reminder') &&
	typeof out.to === 'string' &&
	typeof out.requestNumber === 'string';

function cases(store: () => Store): OpCase[] {
	/** A fresh pending request, one stage with one approver; submitted by a different person per call. */
	const fresh = async (n: number, executionId: string | null = null) => {
		const spec = parseRequest(
			{
				title: `《工业机器人运维》课程共建立项 ${n}`,
				subjectType: 'course',
				submitterEmail: `teacher${n}@college.edu.cn`,
				numberPrefix: 'FZ',
				stages: [{ approvers: HEAD, remindEveryHours: 24 }],
			},
			{ linkBase: null, executionId, nodeId: executionId ? 'fuzz-node' : null },
		);
		const { request: row } = await createRequest({ store: store(), settings }, spec, {
			actor: 'fuzz',
		});
		return { id: row.id, number: row.number, submitter: `teacher${n}@college.edu.cn` };
	};
	const target = (id: string) => ({ table: 'approval_request', id });
	return [
		{
			name: 'request get',
			parameters: request({ operation: 'get', requestId: expr('requestId') }),
			isRecord,
			base: async (n) => {
				const r = await fresh(n);
				return { item: { requestId: n % 2 ? r.number : r.id }, target: target(r.id) };
			},
			// `fresh` wrote its request before the run; the get itself writes nothing
			effects: {},
		},
		{
			name: 'request list',
			kind: 'list',
			parameters: request({
				operation: 'list',
				returnAll: false,
				limit: expr('limit'),
				filters: fromItem(['status', 'approver', 'subjectType', 'createdFrom', 'createdTo']),
			}),
			base: async () => ({
				item: {
					limit: 5,
					status: 'pending',
					approver: HEAD,
					subjectType: 'course',
					createdFrom: '2026-01-01',
					createdTo: '2099-12-31',
				},
			}),
			dateFields: ['createdFrom', 'createdTo'],
		},
		{
			name: 'request remind',
			// without a request id it reminds whoever is due (nobody here): no output, no change
			kind: 'list',
			parameters: request({ operation: 'remind', requestId: expr('requestId') }),
			isRecord: isNotice,
			base: async (n) => {
				const r = await fresh(n);
				return { item: { requestId: r.number }, target: target(r.id) };
			},
			// one notice per pending approver (one here), one 'remind' audit row
			effects: { audit: 1 },
		},
		{
			name: 'request reassign',
			parameters: request({
				operation: 'reassign',
				requestId: expr('requestId'),
				fromEmail: expr('fromEmail'),
				toEmail: expr('toEmail'),
				note: expr('note'),
			}),
			isRecord: isNotice,
			base: async (n) => {
				const r = await fresh(n);
				return {
					item: {
						requestId: r.id,
						fromEmail: HEAD,
						toEmail: `王主任 <wang${n}@college.edu.cn>`,
						note: '出差 <b>一周</b>',
					},
					target: target(r.id),
				};
			},
			effects: { approval_slot: 1, audit: [1, 2] },
		},
		{
			name: 'request add approver',
			parameters: request({
				operation: 'addApprover',
				requestId: expr('requestId'),
				approverEmail: expr('approverEmail'),
				note: expr('note'),
			}),
			isRecord: isNotice,
			base: async (n) => {
				const r = await fresh(n);
				return {
					item: {
						requestId: r.number,
						approverEmail: `李教授 <li${n}@college.edu.cn>`,
						note: '涉及实验室安全',
					},
					target: target(r.id),
				};
			},
			effects: { approval_slot: 1, audit: [1, 2] },
		},
		{
			name: 'request withdraw',
			parameters: request({
				operation: 'withdraw',
				requestId: expr('requestId'),
				withdrawnBy: expr('withdrawnBy'),
				note: expr('note'),
			}),
			isRecord,
			base: async (n) => {
				const r = await fresh(n);
				return {
					item: { requestId: r.id, withdrawnBy: r.submitter, note: '方案需调整 "重写"' },
					target: target(r.id),
				};
			},
			effects: { audit: [1, 4] },
		},
		{
			name: 'request redeliver',
			// an execution that carried no finished result (any other id) hands out nothing
			kind: 'list',
			parameters: request({ operation: 'redeliver', executionId: expr('executionId') }),
			isRecord: (out) =>
				out.kind === 'result' && out.redelivered === true && typeof out.requestNumber === 'string',
			base: async (n) => {
				const r = await fresh(n, `fz-exec-${n}`);
				// the execution carried its result (撤回 here), then n8n lost it
				await withdraw({ store: store(), settings }, r.id, { by: r.submitter }, { actor: 'fuzz' });
				await markDelivered({ store: store(), settings }, r.id);
				return { item: { executionId: `fz-exec-${n}` }, target: target(r.id) };
			},
			effects: { audit: 1 },
		},
	];
}

describe.each(testDialects())(
	'hostile items through the Approval node management operations (%s)',
	(dialect) => {
		let store: Store;
		let fuzz: FuzzContext;
		const all = cases(() => store);

		beforeAll(async () => {
			const config = await freshStoreConfig(dialect);
			store = await openStore(config);
			fuzz = fuzzContext(config, store, 'approval');
		});
		afterAll(async () => {
			await store.close();
			await closeAllStores();
		});

		eachCaseIsClean(SEEDS, all, () => fuzz, ITEMS);

		it('without Continue On Fail a bad item fails the run, naming the item; the items before it stay done', async () => {
			const reassign = all.find((c) => c.name === 'request reassign')!;
			const good = async () => (await reassign.base(fuzz.serial.n++)).item;
			await expectFailFast(
				fuzz,
				reassign,
				[{ ...(await good()), toEmail: { $ne: null } }, await good()],
				0,
			);
			await expectFailFast(
				fuzz,
				reassign,
				[await good(), { ...(await good()), toEmail: '<script>alert(1)</script>' }],
				1,
				{ approval_slot: 1, audit: 1 },
			);
		});
	},
);
