import { closeAllStores, openStore } from '../../core/store';
import { creditCode } from '../helpers/course';
import { freshStoreConfig, testDialects } from '../helpers/dialects';
import { Engine, storeCredentials } from './harness';

const ROWS = 3000;

const workflow = {
	name: 'directory bulk import',
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
			id: 'bulk',
			name: '批量导入单位 Bulk Import',
			type: 'n8n-nodes-consortium.consortium',
			typeVersion: 1,
			position: [220, 0],
			parameters: { resource: 'organisation', operation: 'bulkUpsert', batchSize: 500 },
			credentials: { consortiumStoreApi: { id: '1', name: 'store' } },
		},
	],
	connections: {
		Start: { main: [[{ node: '批量导入单位 Bulk Import', type: 'main', index: 0 }]] },
	},
};

const code = (n: number) => creditCode(`91350100MA${String(n).padStart(7, '0')}`);

/**
 * Rows as "Extract from File" gives them from a sheet headed in Chinese: every 100th row
 * carries a wrong check character, every 250th a bad email, and the last 200 rows repeat
 * the credit codes of the first 200 with a new contact (updates, not new records).
 */
function sheet(): Array<Record<string, string>> {
	return Array.from({ length: ROWS }, (_, i) => {
		const n = i < ROWS - 200 ? i : i - (ROWS - 200);
		const good = code(n);
		return {
			单位名称: `企业${n}`,
			单位类型: i % 2 ? '企业' : '企业 Enterprise',
			统一社会信用代码: i % 100 === 99 ? good.slice(0, 17) + (good[17] === '0' ? '1' : '0') : good,
			联系人: i >= ROWS - 200 ? '新联系人' : `联系人${n}`,
			联系邮箱: i % 250 === 249 ? 'no-at-sign' : `c${n}@example.com`,
			加入日期: '2024年9月1日',
			联合体角色: '成员单位',
		};
	});
}

describe.each(testDialects())(
	`Consortium node bulk upsert of ${ROWS}-row sheets (%s)`,
	(dialect) => {
		afterAll(() => closeAllStores());

		it('creates, updates and rejects row by row; a rejected row writes nothing and the others go through', async () => {
			const config = await freshStoreConfig(dialect);
			const engine = new Engine({ credentials: storeCredentials(config) });
			const rows = sheet();
			const run = await engine.run(workflow, { items: rows });
			expect(run.error()).toBeUndefined();
			const results = run.output('批量导入单位 Bulk Import');
			expect(results).toHaveLength(ROWS);

			const badCode = rows.map((r, i) => (i % 100 === 99 ? i : -1)).filter((i) => i >= 0);
			const badEmail = rows
				.map((r, i) => (i % 250 === 249 && i % 100 !== 99 ? i : -1))
				.filter((i) => i >= 0);
			const rejected = results.filter((r) => r.result === 'rejected');
			expect(rejected.map((r) => Number(r['行']) - 1).sort((a, b) => a - b)).toEqual(
				[...badCode, ...badEmail].sort((a, b) => a - b),
			);
			for (const r of rejected) {
				const i = Number(r['行']) - 1;
				expect(r['字段']).toBe(badCode.includes(i) ? 'creditCode' : 'contactEmail');
				expect(String(r['原因'])).toMatch(
					badCode.includes(i)
						? /统一社会信用代码 Credit Code.*check character/
						: /^联系邮箱「.*」不是有效的邮箱地址 \/ Contact Email/,
				);
			}
			const updated = results.filter((r) => r.result === 'updated').map((r) => Number(r['行']) - 1);
			// A repeated row updates only if its first occurrence got in.
			const firstRejected = new Set(
				rejected.map((r) => Number(r['行']) - 1).filter((i) => i < 200),
			);
			expect(updated).toEqual(
				Array.from({ length: 200 }, (_, k) => ROWS - 200 + k).filter(
					(i) =>
						!rejected.some((r) => Number(r['行']) - 1 === i) &&
						!firstRejected.has(i - (ROWS - 200)),
				),
			);

			const store = await openStore(config);
			const orgs = await store.db
				.selectFrom('organisation')
				.select(['name', 'credit_code', 'contact_name', 'kind', 'member_since'])
				.execute();
			const created = results.filter((r) => r.result === 'created').length;
			expect(orgs).toHaveLength(created);
			const byName = new Map(orgs.map((o) => [o.name, o]));
			for (const i of badCode.filter((i) => i < ROWS - 200))
				expect(byName.has(`企业${i}`)).toBe(false);
			expect(byName.get('企业0')).toMatchObject({
				kind: 'enterprise',
				contact_name: '新联系人',
				member_since: '2024-09-01',
				credit_code: code(0),
			});
			expect(byName.get('企业300')).toMatchObject({ contact_name: '联系人300' });
			const audit = await store.db
				.selectFrom('audit')
				.select(['action'])
				.where('entity_type', '=', 'organisation')
				.execute();
			expect(audit.filter((a) => a.action === 'create')).toHaveLength(created);
			expect(audit.filter((a) => a.action === 'update')).toHaveLength(updated.length);
			await store.close();
		});
	},
);
