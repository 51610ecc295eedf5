import type { IDataObject } from 'n8n-workflow';
import { closeAllStores, openStore } from '../../core/store';
import { organisations, people } from '../../core/directory';
import { freshStoreConfig, testDialects } from '../helpers/dialects';
import { buildPatentNumber, withWrongCheck } from '../helpers/patent-numbers';
import { registryWorkflow } from '../helpers/registry-engine';
import { Engine, storeCredentials } from './harness';

const workflow = registryWorkflow;

describe.each(testDialects())('Registry node operations in the n8n engine (%s)', (dialect) => {
	afterAll(() => closeAllStores());

	it('creates, pays, schedules and transitions a patent; runs a project; lists deadlines', async () => {
		const config = await freshStoreConfig(dialect);
		const store = await openStore(config);
		const actor = { actor: 'test' };
		const school = await organisations.create(
			store,
			{ name: '市职业技术学院', kind: 'school' } as any,
			actor,
		);
		const li = await people.create(
			store,
			{
				name: '李老师',
				kind: 'teacher',
				email: 'li@college.edu.cn',
				organisationId: school.id,
			} as any,
			actor,
		);
		await store.close();
		const engine = new Engine({ credentials: storeCredentials(config) });
		const run = async (parameters: IDataObject, items: IDataObject[] = [{}]) => {
			const execution = await engine.run(workflow(parameters), { items });
			expect(execution.error()).toBeUndefined();
			return execution.output('Registry');
		};

		const no = buildPatentNumber(2019, 2, 77);
		// Recorded before grant and granted through the node, so no paid-through year is assumed:
		// the grant year's fee is due on registration (a granted patent created from a ledger would
		// be assumed paid through the current year instead).
		const [filed] = await run(
			{
				resource: 'patent',
				operation: 'create',
				applicationNo: '={{ $json.no }}',
				title: '一种工装夹具',
				filingDate: '2019-09-01',
				additionalFields: {
					status: 'preliminary',
					inventors: '李老师, 外部专家',
					applicants: '市职业技术学院',
				},
			},
			[{ no: `ZL ${no}` }],
		);
		expect(filed).toMatchObject({ applicantsRole: '申请人 Applicant' });
		const [patent] = await run({
			resource: 'patent',
			operation: 'transition',
			id: filed.id,
			to: 'granted',
			on: '2020-01-15',
			reason: '',
		});
		expect(patent).toMatchObject({
			applicationNo: no,
			type: 'utility',
			status: 'granted',
			termExpiresOn: '2029-08-31',
			nextFeeYear: 1,
			nextFeeDue: '2020-01-15',
			contactId: li.id,
			applicantsRole: '专利权人 Patentee',
		});

		await run({
			resource: 'patent',
			operation: 'recordFee',
			id: patent.id,
			paidOn: '2020-01-15',
			year: 0,
			amount: 0,
		});
		await run({
			resource: 'patent',
			operation: 'recordFee',
			id: patent.id,
			paidOn: '2020-08-31',
			year: 0,
			amount: 0,
		});
		// Year 3 is due on the anniversary 2021-09-01 (审查指南 V-9); 2021-11-01 is the last day of the
		// second month late: 5 % of 600.
		const [late] = await run({
			resource: 'patent',
			operation: 'recordFee',
			id: patent.id,
			paidOn: '2021-11-01',
			year: 0,
			amount: 0,
			note: '补缴',
		});
		expect(late).toMatchObject({
			year: 3,
			dueOn: '2021-09-01',
			graceEndsOn: '2022-03-01',
			surchargeRate: 0.05,
			surcharge: 30,
			amount: 630,
			nextFeeYear: 4,
		});

		// Year 4 (due 2022-09-01) is still in grace on 2023-03-01 and lost the day after.
		const inGrace = await run({
			resource: 'patent',
			operation: 'feeSchedule',
			id: patent.id,
			asOf: '2023-03-01',
		});
		expect([inGrace[3].state, inGrace[3].stateLabel, inGrace[3].flaggedForTermination]).toEqual([
			'in_grace',
			'宽限期内 In Grace Period',
			false,
		]);
		const schedule = await run({
			resource: 'patent',
			operation: 'feeSchedule',
			id: patent.id,
			asOf: '2023-03-02',
		});
		expect(schedule).toHaveLength(10);
		expect(schedule.slice(0, 4).map((e) => [e.year, e.state])).toEqual([
			[1, 'paid'],
			[2, 'paid'],
			[3, 'paid'],
			[4, 'unpaid_after_grace'],
		]);
		expect(Object.keys(schedule[0]).slice(0, 4)).toEqual([
			'patentId',
			'asOf',
			'year',
			'stateLabel',
		]);
		expect(schedule[0].flaggedForTermination).toBe(true);

		const [terminated] = await run({
			resource: 'patent',
			operation: 'transition',
			id: patent.id,
			to: 'terminated',
			on: '2023-03-02',
			reason: '第4年度年费未缴 fee unpaid',
		});
		expect(terminated).toMatchObject({
			status: 'terminated',
			statusOn: '2023-03-02',
			endReason: '第4年度年费未缴 fee unpaid',
		});
		// 恢复权利 within two months of the notice (细则 art. 6).
		const [restored] = await run({
			resource: 'patent',
			operation: 'transition',
			id: patent.id,
			to: 'restore',
			on: '2023-04-10',
			reason: '财务漏缴',
			noticeReceivedOn: '2023-03-20',
		});
		expect(restored).toMatchObject({
			status: 'granted',
			restoredOn: '2023-04-10',
			nextFeeYear: 4,
			nextFeeDue: '2023-04-10',
		});

		const [got] = await run({ resource: 'patent', operation: 'get', id: patent.id });
		expect(got.inventors).toEqual([
			{ personId: li.id, organisationId: null, name: '李老师' },
			{ personId: null, organisationId: null, name: '外部专家' },
		]);

		const [project] = await run({
			resource: 'project',
			operation: 'create',
			projectNo: 'ZX-2026-01',
			name: '现场工程师培养研究',
			category: 'vertical',
			pi: 'li@college.edu.cn',
			additionalFields: {
				level: 'municipal',
				fundingBody: '市教育局',
				budget: 50000,
				closingDue: '2027-06-30',
			},
		});
		expect(project).toMatchObject({
			category: 'vertical',
			level: 'municipal',
			piId: li.id,
			status: 'applied',
		});
		await run({
			resource: 'project',
			operation: 'addMilestone',
			id: project.id,
			kind: 'midterm',
			dueOn: '2026-12-15',
			title: '中期汇报',
		});
		const [funds] = await run({
			resource: 'project',
			operation: 'recordFunds',
			id: project.id,
			receivedOn: '2026-03-01',
			amount: 20000,
			note: '首笔',
		});
		expect(funds).toMatchObject({ fundsReceived: 20000, budget: 50000, overBudget: false });
		const [output] = await run({
			resource: 'project',
			operation: 'linkOutput',
			id: project.id,
			outputType: 'patent',
			refId: `ZL${no}`,
			title: '',
			detail: '',
		});
		expect(output).toMatchObject({ outputType: 'patent', refId: patent.id, title: '一种工装夹具' });
		const [approved] = await run({
			resource: 'project',
			operation: 'transition',
			id: project.id,
			to: 'approved',
			on: '2026-02-01',
			reason: '',
		});
		expect(approved.status).toBe('approved');

		const deadlines = await run({
			resource: 'deadline',
			operation: 'list',
			from: '2026-12-15',
			to: '2027-06-30',
			kinds: [],
		});
		expect(deadlines.map((d) => [d.kind, d.date, d.subjectNo, d.ownerEmail])).toEqual([
			['milestone', '2026-12-15', 'ZX-2026-01', 'li@college.edu.cn'],
			['milestone', '2027-06-30', 'ZX-2026-01', 'li@college.edu.cn'],
		]);
		expect(typeof deadlines[0].daysLeft).toBe('number');
		const milestonesOnly = await run({
			resource: 'deadline',
			operation: 'list',
			from: '2026-12-16',
			to: '2027-06-29',
			kinds: ['milestone'],
		});
		expect(milestonesOnly).toEqual([]);
	});

	it('names the item and field of bad input, writes nothing for it, and honours Continue On Fail', async () => {
		const config = await freshStoreConfig(dialect);
		const engine = new Engine({ credentials: storeCredentials(config) });
		const good = buildPatentNumber(2020, 1, 11);
		const bad = withWrongCheck(buildPatentNumber(2020, 1, 12));
		const params = {
			resource: 'patent',
			operation: 'create',
			applicationNo: '={{ $json.no }}',
			title: '={{ $json.no }}',
			filingDate: '2020-01-01',
			additionalFields: {},
		};
		const failing = await engine.run(workflow(params), { items: [{ no: good }, { no: bad }] });
		expect(failing.error()).toMatch(/第 2 项 Item 2：.*申请号 Application No\..*check digit/);
		expect(failing.error()).toMatch(/applicationNo/);

		const tolerant = await engine.run(workflow(params, { onError: 'continueRegularOutput' }), {
			items: [{ no: bad }, { no: buildPatentNumber(2020, 1, 13) }],
		});
		const out = tolerant.output('Registry');
		expect(out[0].error).toMatch(/check digit/);
		expect(out[1]).toMatchObject({ title: buildPatentNumber(2020, 1, 13) });
		const store = await openStore(config);
		const rows = await store.db
			.selectFrom('registry_patent')
			.select('application_no')
			.orderBy('application_no')
			.execute();
		// The failing run's first item committed on its own; the bad ones wrote nothing.
		expect(rows.map((r) => r.application_no)).toEqual(
			[good, buildPatentNumber(2020, 1, 13)].sort(),
		);
		await store.close();
	});
});
