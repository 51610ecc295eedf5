/**
 * Every create / update / bulk path of the core modules, each with a valid record to start
 * from. The fuzzer mutates that record; a target only knows how to call its path.
 */
import { courses, deliverables } from '../../core/course';
import { organisations, people } from '../../core/directory';
import { createEngagement, createPlacement, stations } from '../../core/exchange';
import { importPatents, patents, projects, checkDigit } from '../../core/registry';
import { createRequest, parseRequest } from '../../core/approval';
import { resolveSettings, type ConsortiumSettings, type Store } from '../../core/store';
import { actor, creditCode, seedDirectory, validProposal, type Directory } from '../helpers/course';
import { mutate, type Mutation, type Rng } from './generator';

export interface Env {
	dir: Directory;
	tag: string;
	/** Keeps generated application numbers apart between seeds in one store. */
	serial: number;
	orgId: string;
	personId: string;
	courseId: string;
	submittedCourseId: string;
	patentId: string;
	projectId: string;
	stationId: string;
	settings: ConsortiumSettings;
}

export interface Target {
	name: string;
	/** Builds one (possibly mutated) input for case `i`. */
	input(rng: Rng, env: Env, i: number): { input: any; mutations: Mutation[] };
	call(store: Store, env: Env, input: any): Promise<unknown>;
}

const ctx = { actor, timeZone: 'Asia/Shanghai' };
const DATE_FIELDS = [
	'memberSince',
	'dualQualifiedSince',
	'joinedOn',
	'filingDate',
	'statusOn',
	'grantedOn',
	'examResponseDue',
	'startDate',
	'endDate',
	'openingDue',
	'midtermDue',
	'closingDue',
	'plannedStart',
	'plannedEnd',
	'recognisedFrom',
	'recognisedTo',
	'dueOn',
	'completedOn',
];

/** A valid invention application number of `year` with serial `n` (check digit computed). */
export function applicationNo(year: number, n: number): string {
	const digits = `${year}1${String(n % 10_000_000).padStart(7, '0')}`;
	return `${digits}.${checkDigit(digits)}`;
}

const unique = (env: Env, i: number) => `${env.tag}${i}`;

const org = (env: Env, i: number) => ({
	name: `星河智能制造有限公司${unique(env, i)}`,
	kind: 'enterprise',
	creditCode: creditCode(`91350100M${String(i % 1e8).padStart(8, '0')}`),
	contactName: '张经理',
	contactEmail: `boss${unique(env, i)}@example.com`,
	contactPhone: '0591-12345678',
	memberSince: '2023年5月6日',
	roles: '理事单位、成员单位',
});

const person = (env: Env, i: number) => ({
	name: '王师傅',
	kind: 'technician',
	organisationId: env.dir.acme.id,
	department: '智能制造系',
	email: `p${unique(env, i)}@example.com`,
	phone: '13800000000',
	title: '高级工程师',
	skillLevel: '高级技师',
	dualQualified: true,
	dualQualifiedSince: '2022-09-01',
	joinedOn: '2020/3/1',
	enterpriseExperience: '是',
});

const patent = (env: Env, i: number) => ({
	applicationNo: applicationNo(2021, env.serial + i),
	title: '一种工业机器人末端执行器',
	filingDate: '2021-03-04',
	inventors: `${env.dir.teachers[0].email}, ${env.dir.lead.email}`,
	applicants: env.dir.college.name,
	agent: '某专利代理事务所',
	notes: '校企联合申请',
});

const project = (env: Env, i: number) => ({
	projectNo: `HX-${unique(env, i)}`,
	name: '数控机床远程运维平台',
	category: 'horizontal',
	level: '市级',
	client: env.dir.acme.name,
	contractNo: `HT-${unique(env, i)}`,
	pi: env.dir.teachers[0].email,
	members: [env.dir.teachers[1].email],
	budget: '12.5',
	startDate: '2025-01-01',
	endDate: '2026-12-31',
	// A 横向 contract has a signing and a delivery, not an 开题 (issue #17 point 9).
	contractDue: '2025-03-01',
});

const approvalInput = (env: Env) => ({
	title: '课程立项审批',
	subjectType: 'course',
	subjectId: env.courseId,
	subjectFields: [{ label: '课程名称', value: '工业机器人编程与调试' }],
	submitterEmail: env.dir.teachers[0].email,
	submitterName: '教师1',
	cc: 'office@college.edu.cn',
	stages: [
		{
			name: '系部审核',
			mode: 'any',
			approvers: [env.dir.teachers[1].email, env.dir.teachers[2].email],
		},
		{ name: '企业确认', mode: 'all', approvers: [env.dir.lead.email] },
	],
	numberPrefix: 'KC',
});

const m = (rng: Rng, base: Record<string, unknown>) =>
	mutate(rng, base, { dateFields: DATE_FIELDS });

export const TARGETS: Target[] = [
	{
		name: 'organisation.create',
		input: (r, e, i) => m(r, org(e, i)),
		call: (s, _e, x) => organisations.create(s, x, actor),
	},
	{
		name: 'organisation.update',
		input: (r, e, i) => m(r, org(e, i)),
		call: (s, e, x) => organisations.update(s, e.orgId, x, actor),
	},
	{
		name: 'organisation.upsert',
		input: (r, e, i) => m(r, org(e, i)),
		call: (s, _e, x) => organisations.upsert(s, x, actor),
	},
	{
		name: 'person.create',
		input: (r, e, i) => m(r, person(e, i)),
		call: (s, _e, x) => people.create(s, x, actor),
	},
	{
		name: 'person.update',
		input: (r, e, i) => m(r, person(e, i)),
		call: (s, e, x) => people.update(s, e.personId, x, actor),
	},
	{
		name: 'course.create',
		input: (r, e, i) => m(r, validProposal(e.dir, { code: `C-${unique(e, i)}` })),
		call: (s, _e, x) => courses.create(s, x, ctx),
	},
	{
		name: 'course.update',
		input: (r, e, i) => m(r, validProposal(e.dir, { code: `U-${unique(e, i)}` })),
		call: (s, e, x) => courses.update(s, e.courseId, x, ctx),
	},
	{
		name: 'course.advance',
		input: (r) =>
			m(r, {
				to: 'rejected',
				date: '2026-01-05',
				note: '材料不全',
				evidence: 'https://example.com/a.pdf',
			}),
		call: (s, e, x) => courses.advance(s, e.submittedCourseId, x.to, x, ctx),
	},
	{
		name: 'deliverable.create',
		input: (r, e) =>
			m(r, {
				courseId: e.courseId,
				kind: 'workbook',
				title: '活页式工作手册',
				status: 'completed',
				link: 'https://example.com/w',
				dueOn: '2026-06-30',
				completedOn: '2026-05-01',
				note: '',
			}),
		call: (s, _e, x) => deliverables.create(s, x, actor),
	},
	{
		name: 'station.create',
		input: (r, e, i) =>
			m(r, {
				name: `实践流动站${unique(e, i)}`,
				organisationId: e.dir.acme.id,
				kind: 'station',
				capacity: 5,
				contactEmail: 'st@example.com',
				recognisedFrom: '2024-01-01',
				recognisedTo: '2026-12-31',
			}),
		call: (s, _e, x) => stations.create(s, x, actor),
	},
	{
		name: 'placement.create',
		input: (r, e) =>
			m(r, {
				teacherId: e.dir.teachers[3].id,
				hostId: e.dir.acme.id,
				stationId: e.stationId,
				form: 'post',
				plannedStart: '2026-07-06',
				plannedEnd: '2026-08-14',
				plannedDays: 30,
				goals: '学习产线调试',
			}),
		call: (s, _e, x) => createPlacement(s, x, actor),
	},
	{
		name: 'engagement.create',
		input: (r, e) =>
			m(r, {
				technicianId: e.dir.lead.id,
				course: '工业机器人编程',
				module: '离线编程',
				term: '2025-2026-1',
				yearsInIndustry: 12,
			}),
		call: (s, _e, x) => createEngagement(s, x, actor),
	},
	{
		name: 'patent.create',
		input: (r, e, i) => m(r, patent(e, i)),
		call: (s, _e, x) => patents.create(s, x, actor),
	},
	{
		name: 'patent.update',
		input: (r, e, i) => m(r, patent(e, i)),
		call: (s, e, x) => patents.update(s, e.patentId, x, actor),
	},
	{
		name: 'project.create',
		input: (r, e, i) => m(r, project(e, i)),
		call: (s, _e, x) => projects.create(s, x, actor),
	},
	{
		name: 'project.update',
		input: (r, e, i) => m(r, project(e, i)),
		call: (s, e, x) => projects.update(s, e.projectId, x, actor),
	},
	{
		name: 'approval.create',
		input: (r, e) => m(r, approvalInput(e)),
		call: (s, e, x) =>
			createRequest(
				{ store: s, settings: e.settings },
				parseRequest(x, {
					linkBase: 'http://127.0.0.1:5678/webhook-waiting/1/node',
					executionId: '1',
					nodeId: 'node',
				}),
				actor,
			),
	},
];

/** Bulk paths take a batch of inputs at once; each row gets its own verdict. */
export const BULK_TARGETS: Array<{
	name: string;
	rows(rng: Rng, env: Env, i: number): { input: any; mutations: Mutation[] };
	call(
		store: Store,
		rows: any[],
	): Promise<Array<{ result: string; field?: string; reason?: string }>>;
	table: string;
}> = [
	{
		name: 'organisation.bulkUpsert',
		table: 'organisation',
		rows: (r, e, i) => m(r, org(e, i)),
		call: (s, rows) => organisations.bulkUpsert(s, rows, actor),
	},
	{
		name: 'person.bulkUpsert',
		table: 'person',
		rows: (r, e, i) => m(r, person(e, i)),
		call: (s, rows) => people.bulkUpsert(s, rows, actor),
	},
	{
		name: 'registry.importPatents',
		table: 'registry_patent',
		rows: (r, e, i) => m(r, patent(e, i)),
		call: (s, rows) => importPatents(s, rows, actor),
	},
	{
		name: 'project.bulkUpsert',
		table: 'registry_project',
		rows: (r, e, i) => m(r, project(e, i)),
		call: (s, rows) => projects.bulkUpsert(s, rows, actor),
	},
];

/** A directory plus one record of each kind, for the update paths to aim at. */
export async function prepare(store: Store, tag: string, serial: number): Promise<Env> {
	const dir = await seedDirectory(store);
	const env = { dir, tag, serial } as Env;
	// the link secret is generated once per store; doing it here keeps it out of the compared counts
	env.settings = await resolveSettings(store, {});
	env.orgId = (await organisations.create(store, org(env, 999_999) as any, actor)).id;
	env.personId = (await people.create(store, person(env, 999_999) as any, actor)).id;
	env.courseId = (await courses.create(store, validProposal(dir, { code: `BASE-${tag}` }), ctx)).id;
	env.submittedCourseId = (
		await courses.create(store, validProposal(dir, { code: `SUB-${tag}` }), ctx)
	).id;
	await courses.submit(store, env.submittedCourseId, {}, ctx);
	env.patentId = (await patents.create(store, patent(env, 99_999) as any, actor)).id;
	env.projectId = (await projects.create(store, project(env, 999_999) as any, actor)).id;
	env.stationId = (
		await stations.create(
			store,
			{ name: `流动站${tag}`, organisationId: dir.acme.id, capacity: 50 },
			actor,
		)
	).id;
	return env;
}
