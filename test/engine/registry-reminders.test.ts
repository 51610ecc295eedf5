import { closeAllStores, openStore } from '../../core/store';
import { people } from '../../core/directory';
import { patents, projects } from '../../core/registry';
import { addDays, addYears, dateInZone } from '../../core/util/time';
import { freshStoreConfig, testDialects } from '../helpers/dialects';
import { buildPatentNumber } from '../helpers/patent-numbers';
import { shippedWorkflow } from '../helpers/registry-engine';
import { startSmtp } from '../helpers/smtp';
import { Engine, storeCredentials } from './harness';

const SECRETARIAT = 'secretariat@consortium.example.cn';

describe.each(testDialects())(
	'registry deadline reminder workflow in the n8n engine (%s)',
	(dialect) => {
		afterAll(() => closeAllStores());

		it('sends one email per owner on the 90/30/7-day marks and copies the secretariat on urgent ones', async () => {
			const smtp = await startSmtp();
			try {
				const config = await freshStoreConfig(dialect);
				const store = await openStore(config);
				const actor = { actor: 'test' };
				const today = dateInZone(new Date(), 'Asia/Shanghai');
				const li = await people.create(
					store,
					{ name: '李老师', kind: 'teacher', email: 'li@college.edu.cn' } as any,
					actor,
				);
				const wang = await people.create(
					store,
					{ name: '王工', kind: 'technician', email: 'wang@xinghe.com' } as any,
					actor,
				);
				const zhao = await people.create(store, { name: '赵老师', kind: 'teacher' } as any, actor);
				const year = Number(today.slice(0, 4));
				const pending = (serial: number, title: string, contactId: string, days: number) =>
					patents.create(
						store,
						{
							applicationNo: buildPatentNumber(year, 1, serial),
							title,
							filingDate: `${year}-01-01`,
							status: 'substantive',
							examResponseDue: addDays(today, days),
							examResponseNote: '审查意见通知书',
							contactId,
						},
						actor,
					);
				await pending(101, '九十天 <答复>', li.id, 90);
				await pending(102, '三十天答复', wang.id, 30);
				await pending(103, '四十五天答复（不提醒）', wang.id, 45);
				await pending(104, '七天答复（无邮箱）', zhao.id, 7);

				// A granted utility model whose year-4 fee falls due in 30 days, on the filing anniversary
				// (审查指南 V-9: 申请日在该年的相应日); the ledger says 已缴至第 3 年.
				const filing = addYears(addDays(today, 30), -3);
				const grantedOn = addDays(addYears(filing, 1), 10);
				const granted = await patents.create(
					store,
					{
						applicationNo: buildPatentNumber(Number(filing.slice(0, 4)), 2, 105),
						title: '年费到期',
						filingDate: filing,
						status: 'granted',
						grantedOn,
						contactId: wang.id,
						paidThroughYear: 3,
					},
					actor,
				);
				expect(await patents.get(store, granted.id)).toMatchObject({
					nextFeeYear: 4,
					nextFeeDue: addDays(today, 30),
				});

				await projects.create(
					store,
					{
						projectNo: 'ZX-1',
						name: '市级课题',
						category: '纵向',
						level: '市厅级',
						fundingBody: '市教育局',
						pi: li.id,
						midtermDue: addDays(today, 3),
					} as any,
					actor,
				);
				await store.close();

				const engine = new Engine({
					credentials: { ...storeCredentials(config), smtp: smtp.credential },
				});
				const run = await engine.run(shippedWorkflow('registry-deadline-reminders.json'), {
					startNode: '每天 8 点 Daily 08:00',
				});
				expect(run.error()).toBeUndefined();
				const messages = run.output('生成期限提醒 Build Reminders');
				expect(messages.map((m) => [m.to, m.cc, m.itemCount]).sort()).toEqual([
					['li@college.edu.cn', SECRETARIAT, 2],
					[SECRETARIAT, '', 1],
					['wang@xinghe.com', '', 2],
				]);

				expect(smtp.parsed).toHaveLength(3);
				const byTo = new Map(smtp.parsed.map((m) => [(m.to as any).value[0].address as string, m]));
				const liMail = byTo.get('li@college.edu.cn')!;
				expect((liMail.cc as any)?.value[0].address).toBe(SECRETARIAT);
				expect(liMail.subject).toMatch(/紧急 Urgent.*2 项/);
				expect(liMail.text).toMatch(/剩 3 天[\s\S]*剩 90 天/);
				expect(liMail.html).toContain('九十天 &lt;答复&gt;');
				expect(smtp.envelopes.find((e) => e.includes('li@college.edu.cn'))).toEqual([
					'li@college.edu.cn',
					SECRETARIAT,
				]);
				const wangMail = byTo.get('wang@xinghe.com')!;
				expect(wangMail.cc).toBeUndefined();
				expect(wangMail.subject).not.toMatch(/紧急/);
				expect(wangMail.text).toMatch(/年费缴纳 Annual Fee/);
				expect(wangMail.text).toMatch(/审查意见答复/);
				expect(wangMail.text).not.toMatch(/不提醒/);
				expect(byTo.get(SECRETARIAT)!.text).toMatch(/七天答复（无邮箱）/);
			} finally {
				await smtp.close();
			}
		});
	},
);
