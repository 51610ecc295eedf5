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

	async function refused(
		overrides: Record<string, unknown>,
		rules?: Record<string, unknown>,
	): Promise<ValidationError> {
		const code = `V-${++seq}`;
		try {
			await courses.create(store, validProposal(dir, { code, ...overrides }), { ...ctx, rules });
		} catch (error) {
			expect(error).toBeInstanceOf(ValidationError);
			expect(
				await store.db
					.selectFrom('course')
					.select('id')
					.where('code', '=', code)
					.executeTakeFirst(),
			).toBeUndefined();
			return error as ValidationError;
		}
		throw new Error('expected the proposal to be refused');
	}

	const teamOf = (n: number) =>
		[dir.lead.email, ...dir.teachers.map((t) => t.email), dir.engineer.email].slice(0, n);

	it.each([
		['name', { name: '' }, /^课程名称为必填项 \/ Course Name is required/],
		['code', { code: '' }, /^课程代码为必填项/],
		[
			'courseType',
			{ courseType: '必修' },
			/^课程类型取值无效：应为 公共基础课、专业基础课、专业核心课、专业拓展课、专业课、选修课、一体化课程、集中实践课 之一，收到 "必修"/,
		],
		['credits', { credits: 'three' }, /^学分应为数字，收到 "three" \/ Credits must be a number/],
		['hoursTheory', { hoursTheory: 10.5 }, /^理论学时应为整数，收到 10.5/],
		['hoursPractice', { hoursPractice: -2 }, /^实践学时不能小于 0，收到 -2/],
		[
			'hoursTotal',
			{ hoursTotal: 60 },
			/^理论与实践学时之和应等于总学时：总学时 60 ≠ 理论 24 \+ 实践 30 = 54/,
		],
		[
			'credits',
			{ credits: 4 },
			/^学分与学时不符：专业核心课每学分 16–18 学时，4 学分应为 64–72 学时，本课程 54 学时/,
		],
		['credits', { credits: 2.5 }, /2.5 学分应为 40–45 学时/],
		['enterpriseShare', { enterpriseShare: '20%' }, /^企业授课比例 20% 超出 25%–75%/],
		['enterpriseShare', { enterpriseShare: 0.8 }, /^企业授课比例 80% 超出 25%–75%/],
		[
			'enterpriseShare',
			{ enterpriseShare: '' },
			/^企业授课比例为必填项 \/ Enterprise Share is required/,
		],
		['partners', { partners: '' }, /^至少需要 1 家合作企业，填写了 0 家/],
		[
			'partners[1]',
			{ partners: '星河智能制造有限公司, 不存在的公司' },
			/^合作企业「不存在的公司」不在名录中/,
		],
		['partners[0]', { partners: '市职业技术学院' }, /不是企业（单位类型 school）/],
		['enterpriseLead', { enterpriseLead: '' }, /^企业负责人为必填项/],
		['enterpriseLead', { enterpriseLead: 'nobody@example.com' }, /not in the directory/],
		['enterpriseLead', { partners: '海峡数控装备有限公司' }, /^企业负责人王师傅不在合作企业任职/],
		['team', { teamSize: 3 }, /^课程团队有 3 人，应为 4–10 人/],
		['team', { teamSize: 0 }, /^课程团队中企业人员 0 名，至少需要 1 名/],
		[
			'team[2]',
			{ team: 't1@college.edu.cn, t2@college.edu.cn, t1@college.edu.cn, wang@acme.example.com' },
			/^课程团队中教师1重复（第 3 人）/,
		],
		['team[0]', { team: 'ghost@example.com' }, /^课程团队「ghost@example.com」不在名录中/],
		[
			'plannedDeliverables[1]',
			{ plannedDeliverables: '教材、海报' },
			/^计划成果取值无效：应为 活页式工作手册、教材/,
		],
		['submitterEmail', { submitterEmail: 'teacher' }, /^申报人邮箱「teacher」不是有效的邮箱地址/],
	])('%s: %s', async (field, given, message) => {
		// Teams are built from the seeded directory: `teamSize` people, or 0 for teachers only.
		const { teamSize, ...overrides } = given as Record<string, unknown> & { teamSize?: number };
		const team =
			teamSize === undefined
				? {}
				: teamSize > 0
					? { team: teamOf(teamSize).join(',') }
					: { team: dir.teachers.map((t) => t.id).join(',') };
		const error = await refused({ ...overrides, ...team });
		expect(error.field).toBe(field);
		expect(error.message).toMatch(message);
	});

	it('a team above the maximum names the team field', async () => {
		const extra = [];
		for (let n = 0; n < 6; n++)
			extra.push(
				(
					await people.create(
						store,
						{ name: `助教${n}`, kind: 'teacher', email: `ta${n}@college.edu.cn` },
						actor,
					)
				).email,
			);
		const error = await refused({ team: [...teamOf(7), ...extra].join(',') });
		expect(error.field).toBe('team');
		expect(error.message).toMatch(/^课程团队有 13 人，应为 4–10 人/);
	});

	it('uses the rules a consortium sets instead of the defaults', async () => {
		const strict = {
			minHoursPerCredit: 18,
			maxHoursPerCredit: 20,
			minEnterpriseShare: 0.5,
			minEnterpriseMembers: 2,
		};
		expect((await refused({ enterpriseShare: '40%' }, strict)).field).toBe('enterpriseShare');
		expect((await refused({ enterpriseShare: '50%' }, strict)).message).toMatch(/至少需要 2 名/);
		const ok = await courses.create(
			store,
			validProposal(dir, { code: 'V-strict', enterpriseShare: '50%', team: teamOf(7).join(',') }),
			{ ...ctx, rules: strict },
		);
		expect(ok.status).toBe('draft');
		const loose = await courses.create(
			store,
			validProposal(dir, {
				code: 'V-loose',
				hoursTheory: 40,
				hoursPractice: 20,
				hoursTotal: '',
				enterpriseShare: '10%',
				partners: '海峡数控装备有限公司',
			}),
			{
				...ctx,
				rules: { maxHoursPerCredit: 20, minEnterpriseShare: 0.1, leadFromPartner: false },
			},
		);
		expect(loose).toMatchObject({ hoursTotal: 60, enterpriseShare: 0.1 });
	});

	// 教职成〔2019〕13号: 一般16—18学时计1学分, and a week of 集中实践 counts as 1 学分; a week of
	// 实训 is 24–30 学时 by default (本联合体设置), so 1 学分 / 26 学时 passes.
	it('a one-week 集中实训 (1 学分, 26 学时) is accepted; the same hours as a 专业核心课 are not', async () => {
		const week = { credits: 1, hoursTheory: 0, hoursPractice: 26, hoursTotal: 26 };
		const ok = await courses.create(
			store,
			validProposal(dir, { code: 'V-week', courseType: '集中实训', ...week }),
			ctx,
		);
		expect(ok).toMatchObject({
			courseType: 'intensive_practice',
			courseTypeLabel: '集中实践课 Intensive Practice',
			credits: 1,
			hoursTotal: 26,
		});
		expect((await refused({ courseType: 'core', ...week })).message).toMatch(
			/^学分与学时不符：专业核心课每学分 16–18 学时，1 学分应为 16–18 学时，本课程 26 学时/,
		);
		expect(
			(await refused({ courseType: '集中实训', ...week, hoursPractice: 32, hoursTotal: 32 }))
				.message,
		).toMatch(/集中实践课每学分 24–30 学时，1 学分应为 24–30 学时，本课程 32 学时/);
	});

	it('every course type of a 技工院校 / 职业院校 plan is accepted by its Chinese name', async () => {
		const types = {
			公共基础课: 'general',
			专业基础课: 'professional_basic',
			专业核心课: 'core',
			专业拓展课: 'professional_extension',
			选修课: 'elective',
			工学一体化课程: 'integrated',
		};
		for (const [word, key] of Object.entries(types)) {
			expect(
				await courses.create(
					store,
					validProposal(dir, { code: `V-type-${key}`, courseType: word }),
					ctx,
				),
			).toMatchObject({ courseType: key });
		}
	});

	it('a consortium edits the ratio table per course type', async () => {
		// 30 学时 per week of 实训, and 专业拓展课 at 18–20: the node's table rows, as n8n passes them.
		const rules = {
			hoursPerCredit: {
				rows: [
					{ courseType: 'intensive_practice', min: 30, max: 30 },
					{ courseType: 'professional_extension', min: 18, max: 20 },
				],
			},
		};
		expect(resolveRules(rules).hoursPerCredit).toEqual({
			intensive_practice: { min: 30, max: 30 },
			professional_extension: { min: 18, max: 20 },
		});
		expect(
			(
				await refused(
					{ courseType: '集中实训', credits: 1, hoursTheory: 0, hoursPractice: 26, hoursTotal: 26 },
					rules,
				)
			).field,
		).toBe('credits');
		const ok = await courses.create(
			store,
			validProposal(dir, {
				code: 'V-ext',
				courseType: '专业拓展课',
				credits: 3,
				hoursTheory: 24,
				hoursPractice: 36,
				hoursTotal: 60,
			}),
			{ ...ctx, rules },
		);
		expect(ok.hoursTotal).toBe(60);
		expect(
			resolveRules({ hoursPerCredit: '{"core":{"min":16,"max":20}}' }).hoursPerCredit.core,
		).toEqual({ min: 16, max: 20 });
		expect(() =>
			resolveRules({ hoursPerCredit: [{ courseType: 'core', min: 20, max: 16 }] }),
		).toThrow(
			expect.objectContaining({
				field: 'rules.hoursPerCredit[0]',
				message: expect.stringMatching(/^专业核心课 Core：每学分最少学时 20 大于最多学时 16/),
			}),
		);
		expect(() =>
			resolveRules({ hoursPerCredit: [{ courseType: 'lecture', min: 16, max: 18 }] }),
		).toThrow(expect.objectContaining({ field: 'rules.hoursPerCredit[0].courseType' }));
	});

	it('refuses nonsensical rule settings by name', () => {
		expect(() => resolveRules({ minTeamSize: 12 })).toThrow(
			expect.objectContaining({ field: 'rules.minTeamSize' }),
		);
		expect(() => resolveRules({ maxEnterpriseShare: 75 })).toThrow(
			expect.objectContaining({ field: 'rules.maxEnterpriseShare' }),
		);
		expect(() => resolveRules({ minHoursPerCredit: 'x' })).toThrow(
			expect.objectContaining({ field: 'rules.minHoursPerCredit' }),
		);
	});

	it('evidence links must be web links, naming the entry', async () => {
		const course = await courses.create(store, validProposal(dir, { code: 'V-evidence' }), ctx);
		await expect(
			courses.submit(
				store,
				course.id,
				{ evidence: 'https://a.example.com, file:///etc/passwd' },
				ctx,
			),
		).rejects.toMatchObject({ field: 'evidence[1]' });
		await expect(
			courses.submit(store, course.id, { date: '2026-02-30' }, ctx),
		).rejects.toMatchObject({ field: 'date' });
		expect((await courses.get(store, course.id)).status).toBe('draft');
	});
});
