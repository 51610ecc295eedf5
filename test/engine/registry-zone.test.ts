import type { IDataObject } from 'n8n-workflow';
import { closeAllStores, openStore } from '../../core/store';
import { freshStoreConfig, testDialects } from '../helpers/dialects';
import { buildPatentNumber } from '../helpers/patent-numbers';
import { Engine, storeCredentials } from './harness';

/**
 * Issue #17 point 10: the Registry node's create and update dated what they record in
 * Asia/Shanghai whatever the credential's zone said (only the ledger import passed it). A
 * granted patent entered without 已缴至第N年 is assumed paid through the patent year that
 * contains the consortium's today, so the day decides the year.
 *
 * Filed 2016-03-02: patent year 11 begins on 2026-03-02 (the anniversary, 审查指南 V-9 §2.2.1).
 * The clock reads 2026-03-01T16:30Z: 00:30 on 2 March in Beijing (UTC+8), 22:30 on 1 March in
 * Urumqi (UTC+6). Only the clock is fixed (the engine's timers run as usual).
 */
const INSTANT = new Date('2026-03-01T16:30:00.000Z');

function workflow(parameters: Record<string, unknown>) {
	return {
		name: 'registry zone',
		nodes: [
			{
				id: 'start',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'reg',
				name: 'Registry',
				type: 'n8n-nodes-consortium.registry',
				typeVersion: 1,
				position: [200, 0],
				parameters,
				credentials: { consortiumStoreApi: { id: 'consortium-store', name: 'store' } },
			},
		],
		connections: { Start: { main: [[{ node: 'Registry', type: 'main', index: 0 }]] } },
	};
}

describe.each(testDialects())("Registry node dates in the credential's zone (%s)", (dialect) => {
	beforeAll(() => {
		jest.useFakeTimers({
			now: INSTANT,
			doNotFake: [
				'hrtime',
				'nextTick',
				'performance',
				'queueMicrotask',
				'setImmediate',
				'clearImmediate',
				'setInterval',
				'clearInterval',
				'setTimeout',
				'clearTimeout',
			],
		});
	});
	afterAll(async () => {
		jest.useRealTimers();
		await closeAllStores();
	});

	it.each([
		['Asia/Shanghai', 11, 1],
		['Asia/Urumqi', 10, 2],
	])(
		'a granted patent created at 00:30 Beijing time in %s is assumed paid through year %i',
		async (timeZone, paidThrough, serial) => {
			expect(new Date().toISOString()).toBe(INSTANT.toISOString());
			const config = await freshStoreConfig(dialect);
			await (await openStore(config)).close();
			const engine = new Engine({ credentials: storeCredentials(config, { timeZone }) });
			const execution = await engine.run(
				workflow({
					resource: 'patent',
					operation: 'create',
					applicationNo: buildPatentNumber(2016, 1, 4700 + serial),
					title: '一种数控机床刀具磨损检测方法',
					filingDate: '2016-03-02',
					additionalFields: { status: 'granted', grantedOn: '2019-06-10' },
				}),
				{ items: [{}] as IDataObject[] },
			);
			expect(execution.error()).toBeUndefined();
			const [patent] = execution.output('Registry');
			expect(patent).toMatchObject({
				paidThroughYear: paidThrough,
				paidThroughAssumed: true,
				nextFeeYear: paidThrough + 1,
			});
		},
	);
});
