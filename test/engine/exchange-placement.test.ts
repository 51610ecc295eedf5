import { organisations, people } from '../../core/directory';
import { stations } from '../../core/exchange';
import { closeAllStores, openStore, type Store } from '../../core/store';
import { freshStoreConfig, testDialects } from '../helpers/dialects';
import { exchangeWorkflow, runExchange } from '../helpers/exchange-engine';
import { Engine, storeCredentials } from './harness';

const actor = { actor: 'test:setup' };

describe.each(testDialects())('Exchange placements in the n8n engine (%s)', (dialect) => {
	let store: Store;
	let engine: Engine;
	let teacherId: string;
	let hostId: string;
	let stationId: string;
	let mentorId: string;

	beforeAll(async () => {
		const config = await freshStoreConfig(dialect);
		store = await openStore(config);
		engine = new Engine({ credentials: storeCredentials(config) });
		const host = await organisations.create(
			store,
			{ name: '星河智能制造有限公司', kind: 'enterprise' },
			actor,
		);
		hostId = host.id;
		teacherId = (
			await people.create(
				store,
				{ name: '张老师', kind: 'teacher', department: '机电系', courseCategory: 'professional' },
				actor,
			)
		).id;
		mentorId = (
			await people.create(
				store,
				{ name: '王师傅', kind: 'technician', organisationId: host.id },
				actor,
			)
		).id;
		stationId = (
			await stations.create(
				store,
				{ name: '星河流动站', organisationId: host.id, capacity: 1 },
				actor,
			)
		).id;
	});
	afterAll(async () => {
		await store.close();
		await closeAllStores();
	});

	const ok = async (parameters: any) => {
		const { run, out } = await runExchange(engine, parameters);
		expect(run.error()).toBeUndefined();
		return out[0];
	};
	const counts = async () => ({
		placements: (await store.db.selectFrom('exchange_placement').select('id').execute()).length,
		logs: (await store.db.selectFrom('exchange_log').select('id').execute()).length,
		audit: (await store.db.selectFrom('audit').select('id').execute()).length,
	});

	it('runs a placement from plan to close; confirmed logs, and only they, change the actual days', async () => {
		const created = await ok({
			resource: 'placement',
			operation: 'create',
			teacherId,
			hostId,
			form: 'post',
			plannedStart: '2026年3月2日',
			plannedEnd: '2026-03-27',
			additionalFields: { stationId, plannedDays: 20, goals: '掌握产线调试', mentorId },
		});
		expect(created).toMatchObject({
			status: 'planned',
			plannedStart: '2026-03-02',
			plannedDays: 20,
			mentorName: '王师傅',
			actualDays: 0,
			hostName: '星河智能制造有限公司',
			stationName: '星河流动站',
		});
		expect(created.summary).toMatchObject({
			'接收企业 Host': '星河智能制造有限公司 · 星河流动站',
			'实践形式 Form': '顶岗/挂职 Holding a Post',
			'日期 Dates': '2026-03-02 — 2026-03-27',
		});
		const id = created.id as string;

		const early = await runExchange(engine, {
			resource: 'placement',
			operation: 'transition',
			id,
			status: 'report_submitted',
			report: '报告',
		});
		expect(early.run.error()).toMatch(
			/教师企业实践状态不能从「计划」变为「已交报告」，可变为：已批准、已取消/,
		);

		await ok({ resource: 'placement', operation: 'transition', id, status: 'approved' });
		await ok({ resource: 'placement', operation: 'transition', id, status: 'in_progress' });

		// A Wednesday stands for its week, which starts on Monday 2026-03-02.
		const log1 = await ok({
			resource: 'weeklyLog',
			operation: 'add',
			placementId: id,
			weekStart: '2026-03-04',
			daysOnSite: 5,
			hours: 40,
			content: '熟悉产线',
		});
		expect(log1).toMatchObject({
			weekStart: '2026-03-02',
			weekEnd: '2026-03-08',
			confirmed: false,
		});
		expect((await ok({ resource: 'placement', operation: 'get', id })).actualDays).toBe(0);

		const confirmed = await ok({ resource: 'weeklyLog', operation: 'confirm', id: log1.id });
		expect(confirmed).toMatchObject({
			confirmed: true,
			confirmedBy: '王师傅',
			placementActualDays: 5,
			placementActualHours: 40,
		});

		const log2 = await ok({
			resource: 'weeklyLog',
			operation: 'add',
			placementId: id,
			weekStart: '2026-03-09',
			daysOnSite: 3,
			hours: 22.5,
			content: '参与调试',
			additionalFields: { onSiteDates: '2026-03-10, 2026-03-11, 2026-03-13' },
		});
		expect(log2.onSiteDates).toEqual(['2026-03-10', '2026-03-11', '2026-03-13']);
		const log3 = await ok({
			resource: 'weeklyLog',
			operation: 'add',
			placementId: id,
			weekStart: '2026-03-16',
			daysOnSite: 4,
			hours: 30,
			content: '未确认',
		});
		await ok({ resource: 'weeklyLog', operation: 'confirm', id: log2.id });
		const after = await ok({ resource: 'placement', operation: 'get', id });
		expect(after).toMatchObject({ actualDays: 8, actualHours: 62.5 });
		expect(log3.confirmed).toBe(false);

		const twice = await runExchange(engine, {
			resource: 'weeklyLog',
			operation: 'confirm',
			id: log1.id,
		});
		expect(twice.run.error()).toMatch(/already confirmed/);

		const noReport = await runExchange(engine, {
			resource: 'placement',
			operation: 'transition',
			id,
			status: 'report_submitted',
			report: '   ',
		});
		expect(noReport.run.error()).toMatch(/实践报告为必填项 \/ Report is required.*report/);
		await ok({
			resource: 'placement',
			operation: 'transition',
			id,
			status: 'report_submitted',
			report: '完成产线调试实践，形成教学案例 3 个',
		});
		// The mentor may still confirm a late week once the report is in.
		expect(
			(await ok({ resource: 'weeklyLog', operation: 'confirm', id: log3.id })).placementActualDays,
		).toBe(12);
		const assessed = await ok({
			resource: 'placement',
			operation: 'transition',
			id,
			status: 'assessed',
			grade: 'excellent',
			additionalFields: { comments: '表现突出' },
		});
		expect(assessed).toMatchObject({
			status: 'assessed',
			assessmentGrade: 'excellent',
			assessmentComments: '表现突出',
		});
		const closed = await ok({
			resource: 'placement',
			operation: 'transition',
			id,
			status: 'closed',
			additionalFields: { departmentGrade: 'good', departmentComments: '同意' },
		});
		expect(closed).toMatchObject({
			status: 'closed',
			departmentGrade: 'good',
			actualDays: 12,
			report: '完成产线调试实践，形成教学案例 3 个',
		});

		const reopen = await runExchange(engine, {
			resource: 'placement',
			operation: 'transition',
			id,
			status: 'in_progress',
		});
		expect(reopen.run.error()).toMatch(/状态不能从「已结束」变为「实践中」，可变为：无/);

		const audit = await store.db
			.selectFrom('audit')
			.select(['action', 'actor'])
			.where('entity_type', '=', 'exchange_placement')
			.where('entity_id', '=', id)
			.orderBy('seq')
			.execute();
		expect(audit.map((a) => a.action)).toEqual([
			'create',
			'transition:approved',
			'transition:in_progress',
			'recompute',
			'recompute',
			'transition:report_submitted',
			'recompute',
			'transition:assessed',
			'transition:closed',
		]);
		expect(audit[0].actor).toMatch(/^n8n:workflow:.*Exchange$/);
		const listed = await runExchange(engine, {
			resource: 'placement',
			operation: 'list',
			returnAll: true,
			filters: { teacherId, status: 'closed' },
		});
		expect(listed.out.map((p) => p.id)).toEqual([id]);
	});

	it('refuses bad input with the field named, and writes nothing', async () => {
		const base = {
			resource: 'placement',
			operation: 'create',
			teacherId,
			hostId,
			form: 'visit',
			plannedStart: '2026-05-10',
			plannedEnd: '2026-05-20',
		};
		const before = await counts();

		const reversed = await runExchange(engine, {
			...base,
			plannedStart: '2026-05-20',
			plannedEnd: '2026-05-10',
		});
		expect(reversed.run.error()).toMatch(
			/第 1 项 Item 1：计划结束 2026-05-10 早于计划开始 2026-05-20.*Field: plannedEnd/,
		);

		const unknown = await runExchange(engine, { ...base, teacherId: 'per_NOSUCHTEACHER' });
		expect(unknown.run.error()).toMatch(
			/教师「per_NOSUCHTEACHER」不在名录中.*Teacher "per_NOSUCHTEACHER" is not in the directory.*Field: teacherId/,
		);

		const notTeacher = await runExchange(engine, { ...base, teacherId: mentorId });
		expect(notTeacher.run.error()).toMatch(/王师傅.*technician, not a teacher.*Field: teacherId/);
		expect(await counts()).toEqual(before);

		const placement = await ok({ ...base });
		await ok({
			resource: 'placement',
			operation: 'transition',
			id: placement.id,
			status: 'approved',
		});
		const afterCreate = await counts();

		const outside = await runExchange(engine, {
			resource: 'weeklyLog',
			operation: 'add',
			placementId: placement.id,
			weekStart: '2026-05-25',
			daysOnSite: 2,
			hours: 10,
			content: '越界',
		});
		expect(outside.run.error()).toMatch(
			/Week Start 2026-05-25 .*outside the placement's dates 2026-05-10 — 2026-05-20.*Field: weekStart/,
		);

		const negative = await runExchange(engine, {
			resource: 'weeklyLog',
			operation: 'add',
			placementId: placement.id,
			weekStart: '2026-05-11',
			daysOnSite: 2,
			hours: -3,
			content: '负数',
		});
		expect(negative.run.error()).toMatch(/工时不能小于 0，收到 -.*Field: hours/);

		// The week of 2026-05-04 holds only 05-10 inside the placement: one day at most.
		const tooMany = await runExchange(engine, {
			resource: 'weeklyLog',
			operation: 'add',
			placementId: placement.id,
			weekStart: '2026-05-04',
			daysOnSite: 2,
			hours: 8,
			content: '超天数',
		});
		expect(tooMany.run.error()).toMatch(/在岗天数不能大于 1，收到 .*Field: daysOnSite/);

		const badDate = await runExchange(engine, {
			resource: 'weeklyLog',
			operation: 'add',
			placementId: placement.id,
			weekStart: '2026-05-11',
			daysOnSite: 1,
			hours: 8,
			content: '日期',
			additionalFields: { onSiteDates: '2026-05-21' },
		});
		expect(badDate.run.error()).toMatch(/Field: onSiteDates\[0\]/);
		expect(await counts()).toEqual(afterCreate);

		// The station takes one teacher at a time.
		const first = await ok({ ...base, additionalFields: { stationId } });
		const full = await runExchange(engine, {
			...base,
			plannedStart: '2026-05-15',
			plannedEnd: '2026-05-30',
			additionalFields: { stationId },
		});
		expect(full.run.error()).toMatch(/星河流动站.*full.*Field: stationId/);
		await ok({
			resource: 'placement',
			operation: 'transition',
			id: first.id,
			status: 'cancelled',
			additionalFields: { reason: '改期' },
		});
		await ok({
			...base,
			plannedStart: '2026-05-15',
			plannedEnd: '2026-05-30',
			additionalFields: { stationId },
		});
	});

	it('edits a plan while it is planned, re-checking the rules, and not after approval', async () => {
		const placement = await ok({
			resource: 'placement',
			operation: 'create',
			teacherId,
			hostId,
			form: 'visit',
			plannedStart: '2026-11-02',
			plannedEnd: '2026-11-06',
		});
		expect(placement.plannedDays).toBe(5);
		const moved = await ok({
			resource: 'placement',
			operation: 'update',
			id: placement.id,
			updateFields: { plannedEnd: '2026-11-13', form: 'rnd' },
		});
		expect(moved).toMatchObject({
			plannedStart: '2026-11-02',
			plannedEnd: '2026-11-13',
			plannedDays: 12,
			form: 'rnd',
			summary: expect.objectContaining({ '日期 Dates': '2026-11-02 — 2026-11-13' }),
		});
		const reversed = await runExchange(engine, {
			resource: 'placement',
			operation: 'update',
			id: placement.id,
			updateFields: { plannedStart: '2026-11-20' },
		});
		expect(reversed.run.error()).toMatch(/Planned End 2026-11-13 is before.*Field: plannedEnd/);
		await ok({
			resource: 'placement',
			operation: 'transition',
			id: placement.id,
			status: 'approved',
		});
		const late = await runExchange(engine, {
			resource: 'placement',
			operation: 'update',
			id: placement.id,
			updateFields: { goals: '改目标' },
		});
		expect(late.run.error()).toMatch(/Only a planned placement can be edited/);
		const audit = await store.db
			.selectFrom('audit')
			.select(['action', 'changes'])
			.where('entity_id', '=', placement.id as string)
			.orderBy('seq')
			.execute();
		expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'transition:approved']);
		expect(JSON.parse(audit[1].changes!)).toEqual({
			form: ['visit', 'rnd'],
			planned_end: ['2026-11-06', '2026-11-13'],
			planned_days: [5, 12],
		});
	});

	it('with Continue On Fail, a bad log item becomes an error item and writes nothing while the good ones are saved', async () => {
		const placement = await ok({
			resource: 'placement',
			operation: 'create',
			teacherId,
			hostId,
			form: 'training',
			plannedStart: '2026-10-05',
			plannedEnd: '2026-10-30',
		});
		await ok({
			resource: 'placement',
			operation: 'transition',
			id: placement.id,
			status: 'approved',
		});
		const workflow = exchangeWorkflow(
			{
				resource: 'weeklyLog',
				operation: 'add',
				placementId: placement.id,
				weekStart: '={{ $json.week }}',
				daysOnSite: '={{ $json.days }}',
				hours: '={{ $json.hours }}',
				content: '={{ $json.content }}',
			},
			{ continueOnFail: true, onError: 'continueRegularOutput' },
		);
		const run = await engine.run(workflow, {
			items: [
				{ week: '2026-10-05', days: 5, hours: 40, content: '第一周' },
				{ week: '2026-10-12', days: 5, hours: -1, content: '负工时' },
				{ week: '2026-11-02', days: 5, hours: 40, content: '越界' },
				{ week: '2026-10-19', days: 4, hours: 32, content: '第三周' },
			],
		});
		const out = run.output('Exchange');
		expect(out.map((o) => (o.error ? `error:${o.description}` : o.weekStart))).toEqual([
			'2026-10-05',
			'error:字段 Field: hours',
			'error:字段 Field: weekStart',
			'2026-10-19',
		]);
		const saved = await store.db
			.selectFrom('exchange_log')
			.select('week_start')
			.where('placement_id', '=', placement.id as string)
			.orderBy('week_start')
			.execute();
		expect(saved.map((l) => l.week_start)).toEqual(['2026-10-05', '2026-10-19']);
	});

	it('records technician sessions, moves the engagement along, and takes the department evaluation', async () => {
		const engagement = await ok({
			resource: 'engagement',
			operation: 'create',
			technicianId: mentorId,
			course: '数控编程',
			term: '2026-2027-1',
			additionalFields: { module: '零件加工', yearsInIndustry: 8 },
		});
		expect(engagement).toMatchObject({ enterpriseId: hostId, status: 'planned', totalHours: 0 });
		const early = await runExchange(engine, {
			resource: 'engagement',
			operation: 'addSession',
			id: engagement.id,
			date: '2026-09-10',
			hours: 2,
		});
		expect(early.run.error()).toMatch(/approved/);
		await ok({
			resource: 'engagement',
			operation: 'transition',
			id: engagement.id,
			status: 'approved',
		});
		const negative = await runExchange(engine, {
			resource: 'engagement',
			operation: 'addSession',
			id: engagement.id,
			date: '2026-09-10',
			hours: -2,
		});
		expect(negative.run.error()).toMatch(/课时不能小于 0，收到 -.*Field: hours/);
		const withSession = await ok({
			resource: 'engagement',
			operation: 'addSession',
			id: engagement.id,
			date: '2026-09-10',
			hours: 4,
			additionalFields: { feedbackScore: 92, feedbackCount: 30 },
		});
		expect(withSession).toMatchObject({ status: 'in_progress', totalHours: 4, feedbackScore: 92 });
		const evaluated = await ok({
			resource: 'engagement',
			operation: 'evaluate',
			id: engagement.id,
			grade: 'excellent',
			comments: '学生反馈好',
		});
		expect(evaluated).toMatchObject({ status: 'evaluated', departmentGrade: 'excellent' });
		const badTerm = await runExchange(engine, {
			resource: 'engagement',
			operation: 'create',
			technicianId: mentorId,
			course: 'X',
			term: '2026秋',
		});
		expect(badTerm.run.error()).toMatch(/Field: term/);
	});
});
