import { organisations, people } from '../../core/directory';
import type { Store } from '../../core/store';

export const actor = { actor: 'test' };

/** Builds a valid 统一社会信用代码 from 17 characters, computing the check character as GB 32100 defines it. */
export function creditCode(first17: string): string {
	const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
	let sum = 0;
	for (let i = 0; i < 17; i++) sum += alphabet.indexOf(first17[i]) * (3 ** i % 31);
	return first17 + alphabet[(31 - (sum % 31)) % 31];
}

/**
 * A small directory for course tests: a college, two partner enterprises, teachers and
 * enterprise technicians, everyone with an email so forms can name them.
 */
export async function seedDirectory(store: Store) {
	const college = await organisations.create(
		store,
		{ name: '市职业技术学院', kind: 'school' },
		actor,
	);
	const acme = await organisations.create(
		store,
		{
			name: '星河智能制造有限公司',
			kind: 'enterprise',
			creditCode: creditCode('91350100M000100Y4'),
		},
		actor,
	);
	const beta = await organisations.create(
		store,
		{ name: '海峡数控装备有限公司', kind: 'enterprise' },
		actor,
	);
	const teacher = (n: number) =>
		people.create(
			store,
			{
				name: `教师${n}`,
				kind: 'teacher',
				organisationId: college.id,
				email: `t${n}@college.edu.cn`,
				courseCategory: 'professional',
			},
			actor,
		);
	const teachers = [
		await teacher(1),
		await teacher(2),
		await teacher(3),
		await teacher(4),
		await teacher(5),
	];
	const lead = await people.create(
		store,
		{ name: '王师傅', kind: 'technician', organisationId: acme.id, email: 'wang@acme.example.com' },
		actor,
	);
	const engineer = await people.create(
		store,
		{ name: '李工', kind: 'technician', organisationId: beta.id, email: 'li@beta.example.com' },
		actor,
	);
	return { college, acme, beta, teachers, lead, engineer };
}

export type Directory = Awaited<ReturnType<typeof seedDirectory>>;

/** A proposal that passes every default rule: 3 学分, 24 + 30 = 54 学时, 40% enterprise teaching. */
export function validProposal(dir: Directory, overrides: Record<string, unknown> = {}) {
	return {
		name: '工业机器人编程与调试',
		code: 'ZN-2026-001',
		courseType: '专业核心课',
		credits: 3,
		hoursTheory: 24,
		hoursPractice: 30,
		hoursTotal: 54,
		partners: `${dir.acme.name}、${dir.beta.id}`,
		enterpriseLead: dir.lead.email,
		team: [dir.teachers[0].email, dir.teachers[1].id, dir.teachers[2].email, dir.lead.email].join(
			', ',
		),
		enterpriseShare: '40%',
		modules: '模块一：机器人基本操作\n模块二：离线编程；模块三：工作站调试',
		plannedDeliverables: '活页式工作手册、课程标准, online_course',
		startTerm: '2026-2027-1',
		submitterName: '教师1',
		submitterEmail: 't1@college.edu.cn',
		...overrides,
	};
}
