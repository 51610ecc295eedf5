import { closeAllStores, openStore, type Store } from '../../core/store';
import '../../core/approval';
import { freshStoreConfig, testDialects } from '../helpers/dialects';
import { WaitingServer } from '../helpers/waiting-server';
import {
	approvalWorkflow,
	manageWorkflow,
	requestParameters,
	sent,
	stage,
} from './approval-helpers';
import { Engine, storeCredentials } from './harness';

/**
 * Through the real engine, on the shipped 2026 calendar (国务院办公厅 notice of 4 November 2025:
 * 国庆 1–7 October off, Saturday 10 October a 调休 working day): a request raised on Wednesday
 * 30 September, the last working day before 国庆. Only the clock is set; timers run as they do.
 */
const sh = (local: string) => new Date(`${local}+08:00`);
const CLOCK_ONLY = [
	'hrtime',
	'nextTick',
	'performance',
	'queueMicrotask',
	'requestAnimationFrame',
	'cancelAnimationFrame',
	'requestIdleCallback',
	'cancelIdleCallback',
	'setImmediate',
	'clearImmediate',
	'setInterval',
	'clearInterval',
	'setTimeout',
	'clearTimeout',
] as const;

describe.each(testDialects())('working-day deadlines in the n8n engine (%s)', (dialect) => {
	let engine: Engine;
	let store: Store;
	const waiting = new WaitingServer(() => engine);

	beforeAll(() => waiting.start());
	afterAll(async () => {
		await waiting.stop();
		await closeAllStores();
	});
	beforeEach(async () => {
		const config = await freshStoreConfig(dialect);
		engine = new Engine({
			credentials: storeCredentials(config),
			webhookWaitingBaseUrl: waiting.baseUrl,
		});
		store = await openStore(config);
	});
	afterEach(async () => {
		jest.useRealTimers();
		await store.close();
	});

	const at = (local: string) => jest.useFakeTimers({ now: sh(local), doNotFake: [...CLOCK_ONLY] });

	it('a stage due in 2, or 3, working days from the last working day before 国庆', async () => {
		at('2026-09-30T10:00:00');
		const execution = await engine.run(
			approvalWorkflow(
				requestParameters([
					stage('head@x.com', { dueWorkingDays: 2, timeoutAction: 'approve' }),
					stage('dean@x.com', { dueWorkingDays: 3 }),
				]),
			),
		);
		expect(execution.error()).toBeUndefined();
		expect(execution.status).toBe('waiting');
		waiting.track(execution);
		// two working days: Thursday 8 and Friday 9 October, at the same time of day
		const due = sh('2026-10-09T10:00:00').toISOString();
		expect(new Date(execution.data.waitTill!).toISOString()).toBe(due);
		expect(sent(execution)[0].to).toBe('head@x.com');

		// the timeout fires then (auto-approve), and the next stage's three working days are
		// the 调休 Saturday 10, Monday 12 and Tuesday 13 October
		at('2026-10-09T10:00:00');
		const after = await engine.resumeAfterWait(execution);
		expect(after.error()).toBeUndefined();
		expect(sent(after).map((m) => m.to)).toEqual(['dean@x.com']);
		const stages = await store.db
			.selectFrom('approval_stage')
			.select(['status', 'due_at'])
			.orderBy('idx')
			.execute();
		expect(stages).toEqual([
			{ status: 'approved', due_at: due },
			{ status: 'active', due_at: sh('2026-10-13T10:00:00').toISOString() },
		]);
	});

	it('counts the 调休 Saturday after 国庆, and reminds only on working days', async () => {
		at('2026-09-30T10:00:00');
		const execution = await engine.run(
			approvalWorkflow(
				requestParameters([stage('head@x.com', { dueWorkingDays: 3, remindEveryWorkingDays: 1 })]),
			),
		);
		expect(execution.error()).toBeUndefined();
		waiting.track(execution);
		// 8, 9 and the 调休 Saturday 10 October (no timeout action: the execution just waits)
		const [row] = await store.db.selectFrom('approval_stage').select('due_at').execute();
		expect(row.due_at).toBe(sh('2026-10-10T10:00:00').toISOString());
		const remindDue = async (local: string) => {
			at(local);
			const run = await engine.run(manageWorkflow('remind', {}));
			expect(run.error()).toBeUndefined();
			return run.output('Manage').filter((item) => item.kind === 'reminder');
		};
		expect(await remindDue('2026-10-05T10:00:00')).toEqual([]);
		const [reminder] = await remindDue('2026-10-08T10:00:00');
		expect(reminder).toMatchObject({ kind: 'reminder', to: 'head@x.com' });
	});
});
