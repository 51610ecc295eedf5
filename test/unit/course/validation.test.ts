import { courses, resolveRules } from '../../../core/course';
import { people } from '../../../core/directory';
import { openStore, type Store } from '../../../core/store';
import { ValidationError } from '../../../core/util/errors';
import { actor, seedDirectory, validProposal, type Directory } from '../../helpers/course';
import { freshStoreConfig } from '../../helpers/dialects';

const ctx = { actor, timeZone: 'Asia/Shanghai' };

describe('course proposal rules: each error names the field', () => {
	let store: Store;
	let dir: Directory;
	let seq = 0;
	beforeAll(async () => {
		store = await openStore(await freshStoreConfig('sqlite'));
		dir = await seedDirectory(store);
	});
	afterAll(() => store.close());

	async function refused(overrides: Record<string, unknown>, rules?: Record<string, unknown>): Promise<ValidationError> {
		const code = `V-${++seq}`;
		try {
			await courses.create(store, validProposal(dir, { code, ...overrides }), { ...ctx, rules });
		} catch (error) {
			expect(error).toBeInstanceOf(ValidationError);
			expect(await store.db.selectFrom('course').select('id').where('code', '=', code).executeTakeFirst()).toBeUndefined();
			return error as ValidationError;
		}
		throw new Error('expected the proposal to be refused');
	}

	const teamOf = (n: number) => [dir.lead.email, ...dir.teachers.map((t) => t.email), dir.engineer.email].slice(0, n);

	it.each([
		['name', { name: '' }, /课程名称 Course Name is required/],
		['code', { code: '' }, /课程代码 Course Code is required/],
		['courseType', { courseType: '必修' }, /课程类型 Course Type must be one of 专业核心课 Core/],
		['credits', { credits: 'three' }, /学分 Credits must be a number/],
		['hoursTheory', { hoursTheory: 10.5 }, /理论学时 Theory Hours must be a whole number/],
		['hoursPractice', { hoursPractice: -2 }, /实践学时 Practice Hours must be at least 0/],
		['hoursTotal', { hoursTotal: 60 }, /总学时 Total Hours 60 ≠ 理论 24 \+ 实践 30 = 54/],
		['credits', { credits: 4 }, /学分 Credits 4 needs 64–72 学时 hours at 16–18 per credit; the course has 54/],
		['credits', { credits: 2.5 }, /学分 Credits 2.5 needs 40–45 学时/],
		['enterpriseShare', { enterpriseShare: '20%' }, /企业授课比例 Enterprise Share 20% is outside 25%–75%/],
		['enterpriseShare', { enterpriseShare: 0.8 }, /企业授课比例 Enterprise Share 80% is outside 25%–75%/],
		['enterpriseShare', { enterpriseShare: '' }, /企业授课比例 Enterprise Share is required/],
		['partners', { partners: '' }, /合作企业 Partner Enterprises: at least 1 required/],
		['partners[1]', { partners: '星河智能制造有限公司, 不存在的公司' }, /"不存在的公司" is not in the directory/],
		['partners[0]', { partners: '市职业技术学院' }, /is a school, not an enterprise/],
		['enterpriseLead', { enterpriseLead: '' }, /企业负责人 Enterprise Lead is required/],
		['enterpriseLead', { enterpriseLead: 'nobody@example.com' }, /not in the directory/],
		['enterpriseLead', { partners: '海峡数控装备有限公司' }, /王师傅 does not work for a partner enterprise/],
		['team', { teamSize: 3 }, /课程团队 Team has 3 people; it must have 4–10/],
		['team', { teamSize: 0 }, /课程团队 Team has 0 enterprise members; at least 1 required/],
		['team[2]', { team: 't1@college.edu.cn, t2@college.edu.cn, t1@college.edu.cn, wang@acme.example.com' }, /lists 教师1 twice/],
		['team[0]', { team: 'ghost@example.com' }, /课程团队 Team "ghost@example.com" is not in the directory/],
		['plannedDeliverables[1]', { plannedDeliverables: '教材、海报' }, /计划成果 Planned Deliverables must be one of/],
		['submitterEmail', { submitterEmail: 'teacher' }, /申报人邮箱 Submitter Email "teacher" is not an email/],
	])('%s: %s', async (field, given, message) => {
		// Teams are built from the seeded directory: `teamSize` people, or 0 for teachers only.
		const { teamSize, ...overrides } = given as Record<string, unknown> & { teamSize?: number };
		const team = teamSize === undefined ? {} : teamSize > 0 ? { team: teamOf(teamSize).join(',') } : { team: dir.teachers.map((t) => t.id).join(',') };
		const error = await refused({ ...overrides, ...team });
		expect(error.field).toBe(field);
		expect(error.message).toMatch(message);
	});

	it('a team above the maximum names the team field', async () => {
		const extra = [];
		for (let n = 0; n < 6; n++) extra.push((await people.create(store, { name: `助教${n}`, kind: 'teacher', email: `ta${n}@college.edu.cn` }, actor)).email);
		const error = await refused({ team: [...teamOf(7), ...extra].join(',') });
		expect(error.field).toBe('team');
		expect(error.message).toMatch(/has 13 people; it must have 4–10/);
	});

	it('uses the rules a consortium sets instead of the defaults', async () => {
		const strict = { minHoursPerCredit: 18, maxHoursPerCredit: 20, minEnterpriseShare: 0.5, minEnterpriseMembers: 2 };
		expect((await refused({ enterpriseShare: '40%' }, strict)).field).toBe('enterpriseShare');
		expect((await refused({ enterpriseShare: '50%' }, strict)).message).toMatch(/at least 2 required/);
		const ok = await courses.create(store, validProposal(dir, { code: 'V-strict', enterpriseShare: '50%', team: teamOf(7).join(',') }), { ...ctx, rules: strict });
		expect(ok.status).toBe('draft');
		const loose = await courses.create(store, validProposal(dir, { code: 'V-loose', hoursTheory: 40, hoursPractice: 20, hoursTotal: '', enterpriseShare: '10%', partners: '海峡数控装备有限公司' }), {
			...ctx,
			rules: { maxHoursPerCredit: 20, minEnterpriseShare: 0.1, leadFromPartner: false },
		});
		expect(loose).toMatchObject({ hoursTotal: 60, enterpriseShare: 0.1 });
	});

	it('refuses nonsensical rule settings by name', () => {
		expect(() => resolveRules({ minTeamSize: 12 })).toThrow(expect.objectContaining({ field: 'rules.minTeamSize' }));
		expect(() => resolveRules({ maxEnterpriseShare: 75 })).toThrow(expect.objectContaining({ field: 'rules.maxEnterpriseShare' }));
		expect(() => resolveRules({ minHoursPerCredit: 'x' })).toThrow(expect.objectContaining({ field: 'rules.minHoursPerCredit' }));
	});

	it('evidence links must be web links, naming the entry', async () => {
		const course = await courses.create(store, validProposal(dir, { code: 'V-evidence' }), ctx);
		await expect(courses.submit(store, course.id, { evidence: 'https://a.example.com, file:///etc/passwd' }, ctx)).rejects.toMatchObject({ field: 'evidence[1]' });
		await expect(courses.submit(store, course.id, { date: '2026-02-30' }, ctx)).rejects.toMatchObject({ field: 'date' });
		expect((await courses.get(store, course.id)).status).toBe('draft');
	});
});
