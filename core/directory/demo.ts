import type { Actor } from '../store/audit';
import type { Store, Tx } from '../store/store';
import { organisations, type OrganisationInput } from './organisation';
import { people, type PersonInput } from './person';

/**
 * A small, made-up consortium that `npm start` loads into an empty store, so the shipped
 * workflows work on the first start: 海川市 (a fictional city) with its vocational college and
 * departments, the industrial park that co-leads the consortium, enterprises, a research
 * institute, the education bureau, an industry association, and every person the shipped
 * workflows name as approver, partner lead, PI or recipient.
 *
 * 统一社会信用代码 follow GB 32100-2015: registration authority and kind (11 机关, 12 事业单位,
 * 51 社会团体, 91 企业), a 350100-area administrative code, a GB 11714 organisation code with
 * its own check character, and the GB 32100 check character (test/unit/directory/demo.test.ts
 * verifies both). Names, codes, phones and mailboxes are fictional; mail domains are `example`.
 */

export const DEMO_COLLEGE = '海川市职业技术学院';
export const DEMO_PARK = '海川市智能制造产业园管理委员会';

export const DEMO_ORGANISATIONS: OrganisationInput[] = [
	{
		name: DEMO_COLLEGE,
		kind: 'school',
		creditCode: '123501004880023169',
		contactName: '周明',
		contactEmail: 'jwc@college.example.edu.cn',
		contactPhone: '0591-8760 1001',
		memberSince: '2024-03-15',
		roles: ['牵头单位', '理事长单位'],
	},
	{
		name: DEMO_PARK,
		kind: 'government',
		creditCode: '1135010000310522XA',
		contactName: '何建华',
		contactEmail: 'council-chair@consortium.example.cn',
		contactPhone: '0591-8760 2001',
		memberSince: '2024-03-15',
		roles: ['牵头单位', '理事长单位'],
	},
	{
		name: '海川市教育局',
		kind: 'government',
		creditCode: '113501000030211739',
		contactName: '联合体秘书处',
		contactEmail: 'secretariat@consortium.example.cn',
		memberSince: '2024-03-15',
		roles: ['指导单位'],
	},
	{
		name: '海川市智能制造技术研究院',
		kind: 'research',
		creditCode: '12350100MB0K73523G',
		contactName: '高远',
		contactEmail: 'gao.yuan@hcimt.example.cn',
		contactPhone: '0591-8760 3001',
		memberSince: '2024-03-15',
		roles: ['理事单位'],
	},
	{
		name: '海川市智能制造行业协会',
		kind: 'association',
		creditCode: '51350100MJ0H284119',
		memberSince: '2024-06-01',
		roles: ['理事单位'],
	},
	{
		name: '星河智能制造有限公司',
		kind: 'enterprise',
		creditCode: '91350105MA2Y7K3C1N',
		contactName: '王建国',
		contactEmail: 'lead@enterprise.example.com',
		contactPhone: '0591-8761 0001',
		memberSince: '2024-03-15',
		roles: ['副理事长单位'],
	},
	{
		name: '海峡数控装备有限公司',
		kind: 'enterprise',
		creditCode: '91350104154387623F',
		contactName: '林海',
		contactEmail: 'lin.hai@haixia-cnc.example.com',
		contactPhone: '0591-8762 0001',
		memberSince: '2024-03-15',
		roles: ['理事单位'],
	},
	{
		name: '海川云数信息技术有限公司',
		kind: 'enterprise',
		creditCode: '91350102MA8RT4W17F',
		contactName: '陈思远',
		contactEmail: 'chen.sy@yunshu.example.com',
		memberSince: '2025-01-10',
		roles: ['成员单位'],
	},
];

const teacher = (p: Omit<PersonInput, 'kind' | 'organisationId'>): PersonInput => ({
	kind: 'teacher',
	organisationId: DEMO_COLLEGE,
	courseCategory: 'professional',
	...p,
});
const staff = (
	organisationId: string | null,
	p: Omit<PersonInput, 'kind' | 'organisationId'>,
): PersonInput => ({ kind: 'staff', organisationId, ...p });
const technician = (
	organisationId: string,
	p: Omit<PersonInput, 'kind' | 'organisationId'>,
): PersonInput => ({ kind: 'technician', organisationId, enterpriseExperience: true, ...p });

/** People name their organisation as a spreadsheet would: by its registered name. */
export const DEMO_PEOPLE: PersonInput[] = [
	// 系部 departments: the approver the shipped workflows call 系主任 / 系部负责人, and teachers
	teacher({
		name: '陈志强',
		department: '智能制造系',
		title: '教授（系主任）',
		email: 'dept-head@college.example.edu.cn',
		employeeNo: 'HC1998012',
		// many colleges use the staff number as the WeCom UserID
		wecomUserId: 'HC1998012',
		joinedOn: '1998-07-01',
		dualQualified: true,
		dualQualifiedSince: '2021-06-30',
		dualQualifiedLevel: '高级',
		enterpriseExperience: true,
	}),
	teacher({
		name: '李文博',
		department: '智能制造系',
		title: '副教授',
		email: 'li@college.example.edu.cn',
		employeeNo: 'HC2012045',
		joinedOn: '2012-09-01',
		dualQualified: true,
		dualQualifiedSince: '2022-06-30',
		dualQualifiedLevel: '中级',
		enterpriseExperience: true,
	}),
	teacher({
		name: '张晓燕',
		department: '智能制造系',
		title: '讲师',
		email: 'zhang.xy@college.example.edu.cn',
		employeeNo: 'HC2018031',
		joinedOn: '2018-09-01',
	}),
	teacher({
		name: '刘洋',
		department: '智能制造系',
		title: '助教',
		email: 'liu.yang@college.example.edu.cn',
		employeeNo: 'HC2025007',
		joinedOn: '2025-09-01',
	}),
	teacher({
		name: '赵敏',
		department: '信息工程系',
		title: '副教授',
		email: 'zhao.min@college.example.edu.cn',
		employeeNo: 'HC2010019',
		joinedOn: '2010-09-01',
		dualQualified: true,
		dualQualifiedSince: '2020-12-31',
		dualQualifiedLevel: '中级',
	}),
	teacher({
		name: '黄丽',
		department: '基础教学部',
		title: '讲师',
		email: 'huang.li@college.example.edu.cn',
		employeeNo: 'HC2016022',
		joinedOn: '2016-09-01',
		courseCategory: 'general',
	}),
	// 职能处室 offices that approve: 教务处, 科研处 and 财务处 (会签)
	staff(DEMO_COLLEGE, {
		name: '周明',
		department: '教务处',
		title: '处长',
		email: 'jwc@college.example.edu.cn',
	}),
	staff(DEMO_COLLEGE, {
		name: '吴刚',
		department: '科研处',
		title: '处长',
		email: 'kyc@college.example.edu.cn',
	}),
	staff(DEMO_COLLEGE, {
		name: '郑芳',
		department: '财务处',
		title: '处长',
		email: 'cwc@college.example.edu.cn',
	}),
	// the consortium's own offices: secretariat, council chair, and the council's mailing list
	staff(DEMO_PARK, {
		name: '林静',
		department: '联合体秘书处',
		title: '秘书长',
		email: 'secretariat@consortium.example.cn',
	}),
	staff(DEMO_PARK, {
		name: '何建华',
		department: '管委会',
		title: '主任（联合体理事长）',
		email: 'council-chair@consortium.example.cn',
	}),
	staff(null, {
		name: '理事会成员 Council members',
		department: '联合体理事会',
		title: '邮件组 Mailing list',
		email: 'council-members@consortium.example.cn',
	}),
	staff('海川市智能制造技术研究院', {
		name: '高远',
		department: '工业软件研究所',
		title: '研究员',
		email: 'gao.yuan@hcimt.example.cn',
	}),
	// enterprise technicians: the course form's example enterprise lead, and partners' engineers
	technician('星河智能制造有限公司', {
		name: '王建国',
		department: '技术部',
		title: '高级工程师',
		skillLevel: '高级技师',
		email: 'lead@enterprise.example.com',
	}),
	technician('星河智能制造有限公司', {
		name: '孙磊',
		department: '生产部',
		title: '工程师',
		skillLevel: '技师',
		email: 'sun.lei@xinghe.example.com',
	}),
	technician('海峡数控装备有限公司', {
		name: '林海',
		department: '研发部',
		title: '高级工程师',
		skillLevel: '高级技师',
		email: 'lin.hai@haixia-cnc.example.com',
	}),
	technician('海川云数信息技术有限公司', {
		name: '陈思远',
		department: '技术部',
		title: '技术总监',
		email: 'chen.sy@yunshu.example.com',
	}),
];

/**
 * Values for the course form's fields that carry no example of their own (the README's tour
 * and the first-run test use them): a team of three teachers and two enterprise engineers,
 * proposed by a teacher who approves nothing.
 */
export const DEMO_COURSE_FORM = {
	team: 'li@college.example.edu.cn, zhang.xy@college.example.edu.cn, liu.yang@college.example.edu.cn, lead@enterprise.example.com, lin.hai@haixia-cnc.example.com',
	submitterName: '张晓燕',
	submitterEmail: 'zhang.xy@college.example.edu.cn',
};

export type DemoLoad =
	| { loaded: true; organisations: number; people: number }
	| { loaded: false; organisations: number; people: number; changes: number };

async function count(tx: Tx, table: 'organisation' | 'person' | 'audit'): Promise<number> {
	const row = await tx
		.selectFrom(table)
		.select((eb) => eb.fn.countAll().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/**
 * Loads the demo consortium unless the store holds anything already: any record, or any
 * audit row (every write leaves one, so a store whose records were all deleted is not
 * "empty" either). One transaction, so a load is whole or absent, and a restart finds it.
 */
export async function loadDemoConsortium(
	store: Store,
	actor: Actor = { actor: 'system:demo' },
): Promise<DemoLoad> {
	return store.transaction(async (tx) => {
		const held = {
			organisations: await count(tx, 'organisation'),
			people: await count(tx, 'person'),
			changes: await count(tx, 'audit'),
		};
		if (held.organisations || held.people || held.changes) return { loaded: false, ...held };
		for (const org of DEMO_ORGANISATIONS) await organisations.upsertIn(tx, org, actor);
		for (const person of DEMO_PEOPLE) await people.upsertIn(tx, person, actor);
		return { loaded: true, organisations: DEMO_ORGANISATIONS.length, people: DEMO_PEOPLE.length };
	});
}
