import { sql } from 'kysely';
import { closeAllStores, insertMany, openStore, type Store } from '../../core/store';
import { addDays } from '../../core/util/time';
import { organisations, people } from '../../core/directory';
import {
	explainDeadlineQuery,
	importPatents,
	importProjects,
	listDeadlines,
	patents,
	projects,
} from '../../core/registry';
import { StateError } from '../../core/util/errors';
import { freshStoreConfig, testDialects } from '../helpers/dialects';
import { buildPatentNumber, withWrongCheck } from '../helpers/patent-numbers';

const actor = { actor: 'test' };

describe.each(testDialects())('registry store on %s', (dialect) => {
	let store: Store;
	let teacher: { id: string };
	let engineer: { id: string };
	let school: { id: string };
	let firm: { id: string };

	beforeAll(async () => {
		store = await openStore(await freshStoreConfig(dialect));
		school = await organisations.create(
			store,
			{ name: '市职业技术学院', kind: 'school' } as any,
			actor,
		);
		firm = await organisations.create(
			store,
			{ name: '星河智能制造有限公司', kind: 'enterprise' } as any,
			actor,
		);
		teacher = await people.create(
			store,
			{
				name: '李老师',
				kind: 'teacher',
				email: 'li@college.edu.cn',
				organisationId: school.id,
			} as any,
			actor,
		);
		engineer = await people.create(
			store,
			{
				name: '王工',
				kind: 'technician',
				email: 'wang@xinghe.com',
				organisationId: firm.id,
			} as any,
			actor,
		);
	});
	afterAll(async () => {
		await store.close();
		await closeAllStores();
	});

	it('creates a joint patent with inventors, applicants, computed term and no fee before grant', async () => {
		const no = buildPatentNumber(2021, 1, 1234567);
		const p = await patents.create(
			store,
			{
				applicationNo: `CN ${no.slice(0, 4)} ${no.slice(4)}`,
				title: '一种数控机床刀具磨损检测装置',
				type: '发明',
				filingDate: '2021-03-15',
				inventors: '李老师、王工、外部专家',
				applicants: ['市职业技术学院', firm.id],
			},
			actor,
		);
		expect(p).toMatchObject({
			applicationNo: no,
			type: 'invention',
			status: 'filed',
			termExpiresOn: '2041-03-14',
			nextFeeDue: null,
			contactId: teacher.id,
		});
		const got = await patents.get(store, p.id);
		expect(got.inventors).toEqual([
			{ personId: teacher.id, organisationId: null, name: '李老师' },
			{ personId: engineer.id, organisationId: null, name: '王工' },
			{ personId: null, organisationId: null, name: '外部专家' },
		]);
		expect(got.applicants!.map((a) => a.organisationId)).toEqual([school.id, firm.id]);
		await expect(
			patents.create(store, { applicationNo: no, title: 'again', filingDate: '2021-03-15' }, actor),
		).rejects.toThrow(/already used/);
		await expect(people.delete(store, teacher.id, actor)).rejects.toThrow(/still referred to/);
	});

	it('walks the invention lifecycle, records fees with surcharge and flags an unpaid patent', async () => {
		const no = buildPatentNumber(2017, 1, 601862);
		const p = await patents.create(
			store,
			{ applicationNo: no, title: '检测方法', filingDate: '2017-07-21', contactId: teacher.id },
			actor,
		);
		await expect(
			patents.transition(store, p.id, { to: 'granted', on: '2019-03-10' }, actor, '2019-03-10'),
		).rejects.toBeInstanceOf(StateError);
		for (const to of ['preliminary', '公布', 'substantive'])
			await patents.transition(store, p.id, { to, on: '2018-01-01' }, actor, '2018-01-01');
		const granted = await patents.transition(
			store,
			p.id,
			{ to: '授权', on: '2019-03-10' },
			actor,
			'2019-03-10',
		);
		expect(granted).toMatchObject({
			status: 'granted',
			grantedOn: '2019-03-10',
			patentNo: `ZL${no}`,
			nextFeeYear: 2,
			nextFeeDue: '2019-03-10',
		});
		await patents.recordFeePayment(store, p.id, { paidOn: '2019-03-10' }, actor);
		const late = await patents.recordFeePayment(store, p.id, { paidOn: '2019-09-25' }, actor);
		// Year 3 is due on the anniversary 2019-07-21 (审查指南 V-9 §2.2.1.1); 2019-09-25 is in the
		// third month late: 10 % of 900.
		expect(late).toMatchObject({
			year: 3,
			dueOn: '2019-07-21',
			surchargeRate: 0.1,
			surcharge: 90,
			amount: 990,
			nextFeeYear: 4,
			nextFeeDue: '2020-07-21',
		});
		await expect(
			patents.recordFeePayment(store, p.id, { year: 3, paidOn: '2019-09-26' }, actor),
		).rejects.toThrow(/already paid/);
		// Year 4's grace ends 2021-01-21, a day later than the old (wrong) rule said: the day after is refused.
		await expect(
			patents.recordFeePayment(store, p.id, { paidOn: '2021-01-22' }, actor),
		).rejects.toThrow(/after the grace period/);
		const schedule = await patents.feeSchedule(store, p.id, '2021-02-01');
		expect(schedule.entries.slice(0, 4).map((e) => e.state)).toEqual([
			'before_grant',
			'paid',
			'paid',
			'unpaid_after_grace',
		]);
		expect(schedule.flaggedForTermination).toBe(true);
		expect((await patents.flaggedForTermination(store, '2021-02-01')).map((x) => x.id)).toContain(
			p.id,
		);
		const lapsed = await listDeadlines(store, {
			from: '2000-01-01',
			to: '2021-01-31',
			today: '2021-02-01',
			kinds: ['grace_end'],
		});
		expect(
			lapsed.filter((d) => d.subjectId === p.id).map((d) => [d.date, d.flaggedForTermination]),
		).toEqual([['2021-01-21', true]]);
		await expect(
			patents.transition(store, p.id, { to: 'terminated', on: '2021-02-01' }, actor, '2021-02-01'),
		).rejects.toThrow(/Reason is required/);
		const ended = await patents.transition(
			store,
			p.id,
			{ to: '终止', on: '2021-02-01', reason: '未缴第4年度年费' },
			actor,
			'2021-02-01',
		);
		expect(ended).toMatchObject({ status: 'terminated', endReason: '未缴第4年度年费' });
		const open = await store.db
			.selectFrom('registry_deadline')
			.select('kind')
			.where('subject_id', '=', p.id)
			.execute();
		expect(open).toEqual([]);

		// 恢复权利 (细则 art. 6): within 2 months of the notice and 2 years of the missed deadline.
		await expect(
			patents.transition(
				store,
				p.id,
				{ to: '恢复', on: '2021-03-15', reason: '财务漏缴', noticeReceivedOn: '2021-01-10' },
				actor,
				'2021-03-15',
			),
		).rejects.toMatchObject({ field: 'on' });
		await expect(
			patents.transition(
				store,
				p.id,
				{ to: '恢复', on: '2023-01-22', reason: '财务漏缴' },
				actor,
				'2023-01-22',
			),
		).rejects.toMatchObject({ field: 'on' });
		const restored = await patents.transition(
			store,
			p.id,
			{ to: '恢复', on: '2021-03-15', reason: '财务漏缴', noticeReceivedOn: '2021-02-20' },
			actor,
			'2021-03-15',
		);
		expect(restored).toMatchObject({
			status: 'granted',
			restoredOn: '2021-03-15',
			endReason: null,
			nextFeeYear: 4,
			nextFeeDue: '2021-03-15',
			applicantsRole: '专利权人 Patentee',
		});
		// The lost year is paid with the restoration, with the whole 25 % surcharge on the full 1200.
		const lost = await patents.recordFeePayment(store, p.id, { paidOn: '2021-03-15' }, actor);
		expect(lost).toMatchObject({
			year: 4,
			surchargeRate: 0.25,
			surcharge: 300,
			amount: 1500,
			nextFeeYear: 5,
			nextFeeDue: '2021-07-21',
		});
		expect((await patents.feeSchedule(store, p.id, '2021-03-16')).flaggedForTermination).toBe(
			false,
		);
		// Only the lost year is paid past its grace: year 5 (grace to 2022-01-21) lapses as usual.
		await expect(
			patents.recordFeePayment(store, p.id, { year: 5, paidOn: '2022-01-22' }, actor),
		).rejects.toThrow(/after the grace period/);
		const history = await store.db
			.selectFrom('registry_status_history')
			.select(['to_status', 'reason'])
			.where('subject_id', '=', p.id)
			.orderBy('id')
			.execute();
		expect(history.map((h) => h.to_status)).toEqual([
			'filed',
			'preliminary',
			'published',
			'substantive',
			'granted',
			'terminated',
			'granted',
		]);
		expect(history.at(-1)!.reason).toMatch(/^恢复权利/);
		await expect(
			patents.transition(store, p.id, { to: '恢复', reason: 'x' }, actor, '2021-04-01'),
		).rejects.toBeInstanceOf(StateError);
	});

	it('keeps utility models and designs off the invention-only stages', async () => {
		const u = await patents.create(
			store,
			{ applicationNo: buildPatentNumber(2022, 2, 7), title: '夹具', filingDate: '2022-05-05' },
			actor,
		);
		await patents.transition(store, u.id, { to: 'preliminary' }, actor, '2022-06-01');
		await expect(
			patents.transition(store, u.id, { to: 'published' }, actor, '2022-07-01'),
		).rejects.toThrow(/Cannot move/);
		await expect(
			patents.create(
				store,
				{
					applicationNo: buildPatentNumber(2022, 3, 8),
					title: '外观',
					filingDate: '2022-05-05',
					status: 'substantive',
				},
				actor,
			),
		).rejects.toThrow(/does not apply/);
		// A corrected number of another type re-derives the type; a stated type must still agree.
		const fixed = await patents.update(
			store,
			u.id,
			{ applicationNo: buildPatentNumber(2022, 3, 9), status: 'filed' },
			actor,
		);
		expect(fixed.type).toBe('design');
		await expect(
			patents.update(
				store,
				u.id,
				{ applicationNo: buildPatentNumber(2022, 1, 9), type: '外观设计' },
				actor,
			),
		).rejects.toThrow(/does not match/);
		const history = (await patents.get(store, u.id)).history.map((h) => [h.from, h.to]);
		expect(history).toEqual([
			[null, 'filed'],
			['filed', 'preliminary'],
			['preliminary', 'filed'],
		]);
	});

	it('lists deadlines in a window, both ends inclusive, with days left and owner email', async () => {
		const d = await patents.create(
			store,
			{
				applicationNo: buildPatentNumber(2020, 3, 4242),
				title: '外观设计 <壳体>',
				filingDate: '2020-03-01',
				status: 'granted',
				grantedOn: '2020-06-01',
				contactId: engineer.id,
			},
			actor,
		);
		// Granted in year 1; year 2 is due on its first day, 2021-03-01. Created as granted with no
		// 已缴至 column, it is assumed paid through the current year — here made explicit.
		await patents.update(store, d.id, { paidThroughYear: 1 }, actor);
		const exam = await patents.create(
			store,
			{
				applicationNo: buildPatentNumber(2023, 1, 99),
				title: '审查中',
				filingDate: '2023-01-09',
				status: 'substantive',
				examResponseDue: '2021-03-01',
				examResponseNote: '第一次审查意见通知书',
				contactId: teacher.id,
			},
			actor,
		);
		const inWindow = (from: string, to: string) =>
			listDeadlines(store, { from, to, today: '2021-02-20' });
		const exact = await inWindow('2021-02-28', '2021-03-01');
		expect(exact.map((x) => [x.kind, x.date, x.daysLeft, x.subjectId, x.ownerEmail])).toEqual(
			expect.arrayContaining([
				['annual_fee', '2021-03-01', 9, d.id, 'wang@xinghe.com'],
				['exam_response', '2021-03-01', 9, exam.id, 'li@college.edu.cn'],
			]),
		);
		expect(exact).toHaveLength(2);
		expect(
			(await inWindow('2021-03-02', '2021-08-31')).filter((x) => x.subjectId === d.id),
		).toEqual([]);
		expect((await inWindow('2021-09-01', '2021-09-01')).map((x) => [x.kind, x.subjectId])).toEqual([
			['grace_end', d.id],
		]);
		expect((await inWindow('2021-02-28', '2021-02-28')).length).toBe(0);
		// Filed before 2021-06-01, so a design's term is 10 years.
		expect((await inWindow('2030-02-28', '2030-02-28')).map((x) => x.kind)).toEqual([
			'term_expiry',
		]);
		await expect(inWindow('2021-03-01', '2021-02-01')).rejects.toThrow(/before/);
	});

	it('uses the (due_on, id) index for the window query', async () => {
		// Enough rows, spread over 20 years, that a planner prefers the index for a one-month window.
		const rows = Array.from({ length: 20000 }, (_, i) => ({
			id: `ddl_plan_${String(i).padStart(6, '0')}`,
			kind: 'annual_fee',
			due_on: addDays('2080-01-01', i % 7300),
			subject_type: 'patent',
			subject_id: `pat_plan_${i}`,
			subject_no: String(i),
			subject_title: 'plan',
			owner_id: null,
			detail: null,
		}));
		await store.transaction((tx) => insertMany(tx, 'registry_deadline', rows));
		await sql.raw('analyze').execute(store.db);
		const plan = (await explainDeadlineQuery(store, '2085-01-01', '2085-01-31')).join('\n');
		expect(plan).toMatch(/registry_deadline_due/);
		await store.db.deleteFrom('registry_deadline').where('id', 'like', 'ddl_plan_%').execute();
	});

	it('runs projects: 纵向 and 横向, milestones as deadlines, funds in tranches, outputs, lifecycle', async () => {
		await expect(
			projects.create(
				store,
				{
					projectNo: 'X-1',
					name: '横向',
					category: '横向',
					pi: teacher.id,
					client: '星河智能制造有限公司',
				} as any,
				actor,
			),
		).rejects.toThrow(/Contract No/);
		// A 横向 contract has no 开题: before #17 this test gave it an opening date and walked it through 开题.
		await expect(
			projects.create(
				store,
				{
					projectNo: 'X-2',
					name: '横向',
					category: '横向',
					client: '星河智能制造有限公司',
					contractNo: 'HT-000',
					pi: teacher.id,
					openingDue: '2025-03-01',
				} as any,
				actor,
			),
		).rejects.toMatchObject({ field: 'openingDue' });
		const prj = await projects.create(
			store,
			{
				projectNo: 'HX-2025-01',
				name: '产线数字孪生',
				category: '横向',
				client: '星河智能制造有限公司',
				contractNo: 'HT-001',
				pi: 'li@college.edu.cn',
				members: ['王工'],
				budget: 300000,
				contractDue: '2025-03-01',
				closingDue: '2026-12-31',
			},
			actor,
		);
		expect(prj).toMatchObject({
			category: 'horizontal',
			clientId: firm.id,
			piId: teacher.id,
			memberIds: [engineer.id],
			status: 'applied',
		});
		await expect(
			projects.addMilestone(store, prj.id, { kind: '中期检查', dueOn: '2025-09-30' }, actor),
		).rejects.toMatchObject({ field: 'kind' });
		await projects.addMilestone(store, prj.id, { kind: '交付验收', dueOn: '2025-09-30' }, actor);
		const funds1 = await projects.recordFunds(
			store,
			prj.id,
			{ receivedOn: '2025-02-01', amount: 100000 },
			actor,
		);
		const funds2 = await projects.recordFunds(
			store,
			prj.id,
			{ receivedOn: '2025-08-01', amount: '250000' },
			actor,
		);
		expect([funds1.fundsReceived, funds2.fundsReceived, funds2.overBudget]).toEqual([
			100000,
			350000,
			true,
		]);
		const patent = await patents.list(store, { filters: { type: 'invention' }, limit: 1 });
		await projects.linkOutput(
			store,
			prj.id,
			{ outputType: 'patent', refId: patent.items[0].applicationNo },
			actor,
		);
		await projects.linkOutput(
			store,
			prj.id,
			{ outputType: 'paper', title: '数字孪生在职业教育中的应用' },
			actor,
		);
		const due = await listDeadlines(store, {
			from: '2025-01-01',
			to: '2026-12-31',
			today: '2025-01-01',
		});
		expect(
			due
				.filter((x) => x.subjectId === prj.id)
				.map((x) => [x.kind, x.date, x.detail, x.ownerEmail]),
		).toEqual([
			['milestone', '2025-03-01', '合同签订 Contract Signing', 'li@college.edu.cn'],
			['milestone', '2025-09-30', '交付验收 Delivery and Acceptance', 'li@college.edu.cn'],
			['milestone', '2026-12-31', '结题 Closing', 'li@college.edu.cn'],
		]);
		const signed = await projects.transition(
			store,
			prj.id,
			{ to: '合同签订', on: '2025-01-10' },
			actor,
			'2025-01-10',
		);
		expect(signed).toMatchObject({
			status: 'approved',
			statusLabel: '合同签订 Contract Signed',
			category: 'horizontal',
			categoryLabel: '横向 Enterprise-Commissioned',
			levelLabel: null,
		});
		await expect(
			projects.transition(store, prj.id, { to: 'opened', on: '2025-02-20' }, actor, '2025-02-20'),
		).rejects.toBeInstanceOf(StateError);
		const got = await projects.get(store, prj.id);
		expect(got.milestones.find((m) => m.kind === 'contract')!.doneOn).toBe('2025-01-10');
		expect(got.outputs.map((o) => o.outputType)).toEqual(['patent', 'paper']);
		expect(got.history.map((h) => h.to)).toEqual(['applied', 'approved']);
		expect((await patents.get(store, patent.items[0].id)).projects).toEqual([
			{ id: prj.id, projectNo: 'HX-2025-01', name: '产线数字孪生' },
		]);
		expect(got.fundsReceived).toBe(350000);
		// Accepted and closed straight from the signed contract: both open milestones are done.
		await projects.transition(
			store,
			prj.id,
			{ to: 'closed', on: '2025-10-08' },
			actor,
			'2025-10-08',
		);
		const closed = await projects.get(store, prj.id);
		expect(closed.milestones.map((m) => [m.kind, m.doneOn])).toEqual([
			['contract', '2025-01-10'],
			['delivery', '2025-10-08'],
			['closing', '2025-10-08'],
		]);
		expect(
			await store.db
				.selectFrom('registry_deadline')
				.select('id')
				.where('subject_id', '=', prj.id)
				.execute(),
		).toEqual([]);
		// A 纵向 project still goes through 开题 and 中期检查.
		const zx = await projects.create(
			store,
			{
				projectNo: 'ZX-2025-01',
				name: '省级课题',
				category: '纵向',
				level: '省级',
				fundingBody: '省教育厅',
				pi: teacher.id,
				openingDue: '2025-04-01',
			},
			actor,
		);
		await projects.transition(store, zx.id, { to: 'approved' }, actor, '2025-03-01');
		await expect(
			projects.transition(store, zx.id, { to: 'closed' }, actor, '2025-03-02'),
		).rejects.toThrow(/可变更为 开题 Opened/);
		await projects.transition(
			store,
			zx.id,
			{ to: 'terminated', reason: '经费取消' },
			actor,
			'2025-03-02',
		);
	});

	it('keeps the new patent columns on both stores: PCT and divisional dates, 已缴至, 费减, term compensation', async () => {
		const pct = await patents.create(
			store,
			{
				applicationNo: '2021 8 0012345.7',
				title: 'PCT 进入',
				filingDate: '2019-06-10',
				pctFilingDate: '2019-06-10',
			},
			actor,
		);
		expect(pct).toMatchObject({
			type: 'pct_invention',
			typeLabel: 'PCT 发明 PCT Invention',
			filingDate: '2019-06-10',
			pctFilingDate: '2019-06-10',
			termExpiresOn: '2039-06-09',
			applicantsRole: '申请人 Applicant',
		});
		const parent = buildPatentNumber(2019, 1, 5151);
		const child = buildPatentNumber(2021, 1, 5152);
		await patents.create(
			store,
			{ applicationNo: parent, title: '原案', filingDate: '2019-03-05' },
			actor,
		);
		const divisional = await patents.create(
			store,
			{
				applicationNo: child,
				title: '分案',
				filingDate: '2019-03-05',
				parentApplicationNo: `ZL${parent}`,
				termExtensionDays: 100,
			},
			actor,
		);
		// 2039-03-04 + 100 days = 2039-06-12 (专利法 art. 42 compensation).
		expect(await patents.get(store, divisional.id)).toMatchObject({
			parentApplicationNo: parent,
			termExtensionDays: 100,
			termExpiresOn: '2039-06-12',
		});
		const utility = buildPatentNumber(2018, 2, 4321);
		const u = await patents.create(
			store,
			{
				applicationNo: utility,
				title: '已缴至',
				filingDate: '2018-05-16',
				status: '授权',
				grantedOn: '2018-10-09',
				paidThroughYear: '8',
				feeReductionRate: '85%',
			},
			actor,
		);
		expect(await patents.get(store, u.id)).toMatchObject({
			paidThroughYear: 8,
			paidThroughAssumed: false,
			paidThroughNote: null,
			feeReductionRate: 0.85,
			feeReductionYears: 10,
			nextFeeYear: 9,
			nextFeeDue: '2026-05-16',
			graceEndsOn: '2026-11-16',
		});
		// Granted in year 1, so ten reduced years are 1–10: year 9 costs 2000 × 15 % = 300.
		const schedule = await patents.feeSchedule(store, u.id, '2026-03-01');
		expect(schedule.flaggedForTermination).toBe(false);
		expect(schedule.entries[8]).toMatchObject({
			year: 9,
			amount: 300,
			fullAmount: 2000,
			state: 'due',
			stateLabel: '待缴 Due',
		});
		expect(schedule.entries[7]).toMatchObject({ state: 'paid_per_ledger' });
		await expect(
			patents.recordFeePayment(store, u.id, { year: 8, paidOn: '2026-01-01' }, actor),
		).rejects.toThrow(/已缴费/);
	});

	it('imports patents: created, updated, rejected with reasons, duplicates refused, nothing written for rejects', async () => {
		const a = buildPatentNumber(2019, 2, 1001);
		const b = buildPatentNumber(2018, 1, 1002);
		const existing = buildPatentNumber(2021, 1, 1234567);
		const before = await store.db
			.selectFrom('registry_patent')
			.select((eb) => eb.fn.countAll().as('n'))
			.executeTakeFirstOrThrow();
		const results = await importPatents(
			store,
			[
				{
					applicationNo: a,
					title: '导入一',
					filingDate: '2019年5月6日',
					status: '授权',
					grantedOn: '2020年1月2日',
					inventors: '王工',
				},
				{ applicationNo: `ZL${a}`, title: '重复', filingDate: '2019-05-06' },
				{ applicationNo: withWrongCheck(b), title: '校验错', filingDate: '2018-01-01' },
				{ applicationNo: b, title: '缺日期' } as any,
				{
					applicationNo: existing,
					title: '一种数控机床刀具磨损检测装置（修订）',
					filingDate: '2021-03-15',
				},
				{ applicationNo: b, title: '导入二', filingDate: '2018-02-03', applicants: '新单位' },
			],
			actor,
			500,
			{ today: '2021-02-01' },
		);
		expect(results.map((r) => r.result)).toEqual([
			'created',
			'rejected',
			'rejected',
			'rejected',
			'updated',
			'created',
		]);
		expect(results[1].reason).toMatch(/repeats row 1/);
		expect(results[2]).toMatchObject({
			field: 'applicationNo',
			reason: expect.stringMatching(/check digit/),
		});
		expect(results[3]).toMatchObject({
			field: 'filingDate',
			reason: expect.stringMatching(/required/),
		});
		const after = await store.db
			.selectFrom('registry_patent')
			.select((eb) => eb.fn.countAll().as('n'))
			.executeTakeFirstOrThrow();
		expect(Number(after.n) - Number(before.n)).toBe(2);
		const imported = await patents.get(store, results[0].id!);
		// No 已缴至 column: on 2021-02-01 the patent is in year 2 (2020-05-06 … 2021-05-05), assumed paid
		// (待核实); year 3 is next, due 2021-05-06. Before #17 this read year 1, lost past grace.
		expect(imported).toMatchObject({
			filingDate: '2019-05-06',
			grantedOn: '2020-01-02',
			status: 'granted',
			contactId: engineer.id,
			paidThroughYear: 2,
			paidThroughAssumed: true,
			nextFeeYear: 3,
			nextFeeDue: '2021-05-06',
		});
		expect(imported.paidThroughNote).toMatch(/^待核实/);
		expect((await patents.get(store, results[4].id!)).title).toMatch(/修订/);
		const audits = await store.db
			.selectFrom('audit')
			.select('entity_id')
			.where('entity_type', '=', 'patent')
			.where('entity_id', 'in', [results[0].id!, results[5].id!])
			.execute();
		expect(audits).toHaveLength(2);
	});

	it('imports projects row by row with duplicates refused', async () => {
		const results = await importProjects(
			store,
			[
				{
					projectNo: 'ZX-2024-01',
					name: '市级课题',
					category: '纵向',
					level: '市厅级',
					fundingBody: '市教育局',
					pi: '李老师',
					openingDue: '2024年6月30日',
				},
				{
					projectNo: 'ZX-2024-01',
					name: '重复',
					category: '纵向',
					level: '市厅级',
					fundingBody: '市教育局',
					pi: '李老师',
				},
				{
					projectNo: 'ZX-2024-02',
					name: '无负责人',
					category: '纵向',
					level: '校级',
					fundingBody: '学院',
					pi: '查无此人',
				},
			] as any,
			actor,
		);
		expect(results.map((r) => r.result)).toEqual(['created', 'rejected', 'rejected']);
		expect(results[2]).toMatchObject({ field: 'pi' });
		expect((await projects.get(store, results[0].id!)).milestones).toEqual([
			expect.objectContaining({ kind: 'opening', dueOn: '2024-06-30' }),
		]);
	});
});
