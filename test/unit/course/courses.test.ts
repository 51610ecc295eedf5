import { courses, deliverables, type CourseView } from '../../../core/course';
import { organisations, people } from '../../../core/directory';
import { openStore, type Store } from '../../../core/store';
import { StateError, ValidationError } from '../../../core/util/errors';
import { actor, seedDirectory, validProposal, type Directory } from '../../helpers/course';
import { freshStoreConfig, testDialects } from '../../helpers/dialects';

const ctx = { actor, timeZone: 'Asia/Shanghai' };

async function rejection(promise: Promise<unknown>): Promise<ValidationError & StateError> {
	try {
		await promise;
	} catch (error) {
		return error as ValidationError & StateError;
	}
	throw new Error('expected a rejection');
}

describe.each(testDialects())('course proposals in the store (%s)', (dialect) => {
	let store: Store;
	let dir: Directory;

	beforeAll(async () => {
		store = await openStore(await freshStoreConfig(dialect));
		dir = await seedDirectory(store);
	});
	afterAll(() => store.close());

	let seq = 0;
	const create = (overrides: Record<string, unknown> = {}) =>
		courses.create(store, validProposal(dir, { code: `C-${dialect}-${++seq}`, ...overrides }), ctx);

	it('creates a draft whose item is flat and names partners, lead and team', async () => {
		const course = await create();
		expect(course).toMatchObject({
			status: 'draft',
			statusLabel: '草稿 Draft',
			courseType: 'core',
			credits: 3,
			hoursTotal: 54,
			enterpriseShare: 0.4,
			partnerNames: '星河智能制造有限公司、海峡数控装备有限公司',
			enterpriseLeadName: '王师傅',
			teamSize: 4,
			modules: '模块一：机器人基本操作；模块二：离线编程；模块三：工作站调试',
			plannedDeliverables: 'workbook, curriculum_standard, online_course',
			课程名称: '工业机器人编程与调试',
			状态: '草稿',
		});
		for (const value of Object.values(course)) expect(['string', 'number']).toContain(typeof value);
	});

	it('refuses a second course with the same code, naming the code field', async () => {
		const first = await create();
		const error = await rejection(
			courses.create(store, validProposal(dir, { code: first.code }), ctx),
		);
		expect(error).toBeInstanceOf(ValidationError);
		expect(error.field).toBe('code');
		expect(error.message).toContain(first.code);
	});

	it('walks the whole lifecycle, recording date, note and evidence for each step', async () => {
		const course = await create();
		let c: CourseView = await courses.submit(
			store,
			course.id,
			{ date: '2026-03-01', note: '提交系部', enterApproval: true },
			ctx,
		);
		expect(c.status).toBe('under_approval');
		c = await courses.advance(
			store,
			course.id,
			'approved',
			{ date: '2026年3月20日', note: '秘书处备案', evidence: 'https://oa.example.com/doc/1' },
			ctx,
		);
		expect(c).toMatchObject({ status: 'approved', approvedOn: '2026-03-20' });
		for (const to of ['in_development', 'midterm_check', 'acceptance', 'completed']) {
			c = await courses.advance(
				store,
				course.id,
				to,
				{ note: to, evidence: ['https://pan.example.com/a', 'https://pan.example.com/b'] },
				ctx,
			);
		}
		expect(c.status).toBe('completed');
		const history = await courses.history(store, course.id);
		expect(history.map((h) => `${h.from}>${h.to}`)).toEqual([
			'draft>submitted',
			'submitted>under_approval',
			'under_approval>approved',
			'approved>in_development',
			'in_development>midterm_check',
			'midterm_check>acceptance',
			'acceptance>completed',
		]);
		expect(history[0]).toMatchObject({ date: '2026-03-01', note: '提交系部' });
		expect(history[2]).toMatchObject({
			date: '2026-03-20',
			evidence: 'https://oa.example.com/doc/1',
		});
		expect(history[6].evidence).toBe('https://pan.example.com/a, https://pan.example.com/b');
		const audit = await store.db
			.selectFrom('audit')
			.select('action')
			.where('entity_id', '=', course.id)
			.orderBy('seq')
			.execute();
		expect(audit.map((a) => a.action)).toEqual(['create', ...history.map((h) => `status:${h.to}`)]);
		// 立项 opened one tracked deliverable per planned kind.
		const page = await deliverables.list(store, { filters: { courseId: course.id } });
		expect(page.items.map((d) => d.kind).sort()).toEqual([
			'curriculum_standard',
			'online_course',
			'workbook',
		]);
	});

	it('refuses illegal transitions, naming the current and the requested state, and changes nothing', async () => {
		const course = await create();
		const skip = await rejection(courses.advance(store, course.id, 'completed', {}, ctx));
		expect(skip).toBeInstanceOf(StateError);
		expect(skip.message).toContain('"draft"');
		expect(skip.message).toContain('"completed"');
		expect(skip.message).toContain('草稿 Draft');
		expect(skip).toMatchObject({ current: 'draft', requested: 'completed' });
		await courses.withdraw(store, course.id, { note: '申报人撤回' }, ctx);
		const after = await rejection(courses.submit(store, course.id, {}, ctx));
		expect(after.message).toMatch(/"withdrawn" to "submitted".*none \(final state\)/);
		expect((await courses.history(store, course.id)).map((h) => h.to)).toEqual(['withdrawn']);
		const unknown = await rejection(courses.advance(store, course.id, 'finished', {}, ctx));
		expect(unknown.field).toBe('to');
	});

	it('two concurrent steps on one course: exactly one wins, one history row', async () => {
		const course = await create();
		await courses.submit(store, course.id, { enterApproval: true }, ctx);
		const results = await Promise.allSettled([
			courses.advance(store, course.id, 'approved', { note: 'A' }, ctx),
			courses.advance(store, course.id, 'approved', { note: 'B' }, ctx),
			courses.advance(store, course.id, 'rejected', { note: 'C' }, ctx),
		]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		for (const r of results)
			if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(StateError);
		const history = await courses.history(store, course.id);
		expect(history.filter((h) => h.from === 'under_approval')).toHaveLength(1);
	});

	it('edits only while draft or returned, and a rejection comes back as returned with the reason', async () => {
		const course = await create();
		await courses.submit(store, course.id, { enterApproval: true }, ctx);
		const locked = await rejection(courses.update(store, course.id, { name: '改名' }, ctx));
		expect(locked).toBeInstanceOf(StateError);
		expect(locked.message).toContain('under_approval');
		const noReason = await rejection(courses.advance(store, course.id, 'rejected', {}, ctx));
		expect(noReason.field).toBe('note');
		await courses.advance(store, course.id, 'rejected', { note: '学时安排不合理' }, ctx);
		const returned = await courses.returnToDraft(store, course.id, { note: '请调整实践学时' }, ctx);
		expect(returned).toMatchObject({ status: 'returned', statusReason: '请调整实践学时' });
		const edited = await courses.update(
			store,
			course.id,
			{ hoursTheory: 18, hoursPractice: 36 },
			ctx,
		);
		expect(edited).toMatchObject({ hoursTotal: 54, hoursPractice: 36 });
		const resubmitted = await courses.submit(store, course.id, {}, ctx);
		expect(resubmitted).toMatchObject({ status: 'submitted', statusReason: '' });
	});

	it('checks the proposal again on submit under the rules in force', async () => {
		const course = await create({ enterpriseShare: 0.3 });
		const error = await rejection(
			courses.submit(store, course.id, {}, { ...ctx, rules: { minEnterpriseShare: 0.5 } }),
		);
		expect(error.field).toBe('enterpriseShare');
		expect((await courses.get(store, course.id)).status).toBe('draft');
	});

	it('lists by status with keyset pages', async () => {
		const a = await create({ startTerm: '2030-2031-2' });
		const b = await create({ startTerm: '2030-2031-2' });
		const first = await courses.list(store, { startTerm: '2030-2031-2', limit: 1 });
		expect(first.items.map((c) => c.id)).toEqual([a.id]);
		const second = await courses.list(store, {
			startTerm: '2030-2031-2',
			limit: 1,
			after: first.nextCursor,
		});
		expect(second.items.map((c) => c.id)).toEqual([b.id]);
		expect(second.nextCursor).toBeNull();
		expect((await rejection(courses.list(store, { status: 'nope' }))).field).toBe('status');
	});

	it('tracks deliverables with status and link; a completed one needs its date', async () => {
		const course = await create();
		const d = await deliverables.create(
			store,
			{
				courseId: course.id,
				kind: '教学资源库',
				title: '机器人资源库',
				link: 'https://zyk.example.com/robot',
			},
			actor,
		);
		expect(d).toMatchObject({
			kind: 'resource_library',
			status: 'planned',
			statusLabel: '计划 Planned',
		});
		const missingDate = await rejection(
			deliverables.update(store, d.id, { status: 'completed' }, actor),
		);
		expect(missingDate.field).toBe('completedOn');
		const done = await deliverables.update(
			store,
			d.id,
			{ status: '已完成', completedOn: '2026-12-01' },
			actor,
		);
		expect(done).toMatchObject({ status: 'completed', completedOn: '2026-12-01' });
		expect(
			(await rejection(deliverables.update(store, d.id, { status: 'in_progress' }, actor))).field,
		).toBe('completedOn');
		expect(
			await deliverables.update(store, d.id, { status: 'in_progress', completedOn: '' }, actor),
		).toMatchObject({ status: 'in_progress', completedOn: '' });
		expect(
			(await rejection(deliverables.create(store, { courseId: course.id, kind: 'poster' }, actor)))
				.field,
		).toBe('kind');
		expect(
			(
				await rejection(
					deliverables.create(
						store,
						{ courseId: course.id, kind: 'textbook', link: 'ftp://x' },
						actor,
					),
				)
			).field,
		).toBe('link');
		expect(
			(
				await rejection(
					deliverables.create(store, { courseId: 'crs_missing', kind: 'textbook' }, actor),
				)
			).field,
		).toBe('courseId');
	});

	it('keeps the directory from deleting a partner, lead or team member a course names', async () => {
		const org = await organisations.create(
			store,
			{ name: `引用测试企业-${dialect}`, kind: 'enterprise' },
			actor,
		);
		const member = await people.create(
			store,
			{ name: '钱老师', kind: 'teacher', email: `qian-${dialect}@ref.example.com` },
			actor,
		);
		await create({
			partners: [org.id, dir.acme.id],
			team: [dir.lead.id, member.id, dir.teachers[3].id, dir.teachers[4].id],
		});
		for (const [repo, id, table] of [
			[organisations, org.id, 'course_partner'],
			[people, dir.lead.id, 'course'],
			[people, member.id, 'course_member'],
		] as const) {
			const error = await rejection((repo as typeof people).delete(store, id, actor));
			expect(error).toBeInstanceOf(StateError);
			expect(error.message).toContain(table);
		}
		const unused = await organisations.create(
			store,
			{ name: `未引用企业-${dialect}`, kind: 'enterprise' },
			actor,
		);
		await expect(organisations.delete(store, unused.id, actor)).resolves.toEqual({
			id: unused.id,
			deleted: true,
		});
	});
});
