import { organisations, people } from '../../core/directory';
import type { Store } from '../../core/store';

const actor = { actor: 'test:seed' };
const stamp = '2026-01-01T00:00:00.000Z';

/**
 * A small consortium whose answers are worked out by hand in scoreboard.test.ts. Rows sit
 * on both sides of the period boundaries (31 Dec / 1 Jan, 31 Aug / 1 Sep).
 */
export async function seedScoreboard(store: Store) {
	const db = store.db as any;
	const org = await organisations.create(
		store,
		{ name: '星河智能制造有限公司', kind: 'enterprise' },
		actor,
	);
	const teacher = async (name: string, extra: object) =>
		(
			await people.create(
				store,
				{ name, kind: 'teacher', courseCategory: 'professional', ...extra } as any,
				actor,
			)
		).id;
	const t = {
		t1: await teacher('教师一', { dualQualified: true, dualQualifiedSince: '2020-05-01' }),
		t2: await teacher('教师二', { dualQualified: true, dualQualifiedSince: '2026-12-31' }),
		t3: await teacher('教师三', { dualQualified: true, dualQualifiedSince: '2027-01-01' }),
		t4: await teacher('教师四', { dualQualified: false }),
		g1: await teacher('公共课教师', { courseCategory: 'general', dualQualified: true }),
		t5: await teacher('明年入职', { dualQualified: true, joinedOn: '2027-02-01' }),
	};
	const lead = (
		await people.create(
			store,
			{ name: '企业导师', kind: 'technician', organisationId: org.id },
			actor,
		)
	).id;

	const station = (id: string, kind: string, from: string | null, to: string | null) => ({
		id,
		name: `站点 ${id}`,
		organisation_id: org.id,
		kind,
		capacity: 5,
		recognised_from: from,
		recognised_to: to,
		created_at: stamp,
		updated_at: stamp,
	});
	await db
		.insertInto('exchange_station')
		.values([
			station('sta_1', 'station', '2025-03-01', null),
			station('sta_2', 'station', '2026-05-10', null),
			station('sta_3', 'station', '2024-01-01', '2025-12-31'),
			station('sta_4', 'station', '2027-01-01', null),
			station('sta_5', 'station', '2023-01-01', '2026-01-01'),
			station('sta_6', 'base', '2026-02-01', null),
		])
		.execute();

	const course = (id: string, type: string, approvedOn: string | null) => ({
		id,
		code: `KC-${id}`,
		name: `课程 ${id}`,
		course_type: type,
		credits: 4,
		hours_theory: 32,
		hours_practice: 32,
		hours_total: 64,
		enterprise_share: 0.5,
		enterprise_lead_id: lead,
		modules: '[]',
		planned_deliverables: '[]',
		status: approvedOn ? 'approved' : 'draft',
		approved_on: approvedOn,
		created_at: stamp,
		updated_at: stamp,
	});
	await db
		.insertInto('course')
		.values([
			course('crs_1', 'core', '2026-03-01'),
			course('crs_2', 'core', '2025-12-31'),
			course('crs_3', 'professional', '2026-04-01'),
			course('crs_4', 'core', '2026-12-31'),
		])
		.execute();
	const deliverable = (id: string, kind: string, completedOn: string | null) => ({
		id,
		course_id: 'crs_1',
		kind,
		status: completedOn ? 'completed' : 'in_progress',
		completed_on: completedOn,
		created_at: stamp,
		updated_at: stamp,
	});
	await db
		.insertInto('course_deliverable')
		.values([
			deliverable('dlv_1', 'workbook', '2026-01-01'),
			deliverable('dlv_2', 'workbook', '2027-01-01'),
			deliverable('dlv_3', 'workbook', null),
			deliverable('dlv_4', 'textbook', '2026-06-30'),
			deliverable('dlv_5', 'online_course', '2026-02-14'),
			deliverable('dlv_6', 'online_course', '2026-10-01'),
		])
		.execute();

	const patent = (id: string, n: number, grantedOn: string | null) => ({
		id,
		application_no: `20241000000${n}.X`,
		title: `专利 ${id}`,
		type: 'utility_model',
		filing_date: '2024-03-01',
		status: grantedOn ? 'granted' : 'filed',
		granted_on: grantedOn,
		course_ids: '[]',
		term_expires_on: '2034-03-01',
		created_at: stamp,
		updated_at: stamp,
	});
	await db
		.insertInto('registry_patent')
		.values([
			patent('pat_1', 1, '2026-02-02'),
			patent('pat_2', 2, '2026-06-30'),
			patent('pat_3', 3, '2025-12-31'),
			patent('pat_4', 4, null),
			patent('pat_5', 5, '2026-09-01'),
			patent('pat_6', 6, '2026-08-31'),
			patent('pat_7', 7, '2026-11-11'),
		])
		.execute();

	const project = (
		id: string,
		category: string,
		level: string | null,
		status: string,
		start: string,
	) => ({
		id,
		project_no: `XM-${id}`,
		name: `项目 ${id}`,
		category,
		level,
		pi_id: t.t1,
		member_ids: '[]',
		funds_received: 0,
		status,
		start_date: start,
		created_at: stamp,
		updated_at: stamp,
	});
	await db
		.insertInto('registry_project')
		.values([
			project('prj_1', 'vertical', 'municipal', 'approved', '2026-03-01'),
			project('prj_2', 'vertical', 'provincial', 'approved', '2026-03-01'),
			project('prj_3', 'horizontal', null, 'opened', '2026-05-01'),
			project('prj_4', 'horizontal', null, 'applied', '2026-05-01'),
			project('prj_5', 'horizontal', null, 'closed', '2026-01-15'),
			project('prj_6', 'horizontal', null, 'approved', '2025-11-01'),
			project('prj_7', 'horizontal', null, 'midterm', '2026-06-01'),
		])
		.execute();

	const entry = (id: string, indicator: string, onDate: string, value: number, source: string) => ({
		id,
		indicator,
		on_date: onDate,
		value,
		source,
		note: null,
		created_at: stamp,
		updated_at: stamp,
	});
	await db
		.insertInto('indicator_entry')
		.values([
			entry('ind_1', 'staff_training', '2026-03-01', 800, '培训台账一 Register A'),
			entry('ind_2', 'staff_training', '2026-06-15', 900, '培训台账二 Register B'),
			entry('ind_3', 'staff_training', '2025-12-31', 5000, '去年台账 Last year'),
			entry('ind_4', 'staff_training', '2027-01-01', 700, '明年 Next year'),
			entry('ind_5', 'graduates_placed_rate', '2026-01-10', 93.5, '就业季报 Q4'),
			entry('ind_6', 'graduates_placed_rate', '2026-06-20', 96.2, '就业季报 Q2'),
			entry('ind_7', 'competence_gain', '2026-05-01', 12, '企业评价 Survey'),
			entry('ind_8', 'practice_centres', '2026-02-01', 1, '认定文件 Decision 1'),
			entry('ind_9', 'practice_centres', '2026-04-01', 1, '认定文件 Decision 2'),
		])
		.execute();
	return { teachers: t, org };
}
