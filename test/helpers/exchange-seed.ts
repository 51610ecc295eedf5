/**
 * A seeded exchange data set whose compliance answers are worked out by hand in
 * test/engine/exchange-compliance.test.ts. Seeding goes through core, as any caller would,
 * so every row passes the same validation the nodes apply.
 */
import { organisations, people } from '../../core/directory';
import {
	addLog,
	addSession,
	confirmLog,
	createEngagement,
	createPlacement,
	stations,
	transitionEngagement,
	transitionPlacement,
} from '../../core/exchange';
import type { Store } from '../../core/store';

const actor = { actor: 'test:seed' };

type LogSpec = { week: string; days?: number; dates?: string[] };

async function placement(
	store: Store,
	spec: {
		teacherId: string;
		hostId: string;
		stationId?: string;
		start: string;
		end: string;
		logs?: LogSpec[];
		finalStatus?: 'planned' | 'in_progress' | 'closed' | 'cancelled';
	},
) {
	const p = await createPlacement(
		store,
		{
			teacherId: spec.teacherId,
			hostId: spec.hostId,
			stationId: spec.stationId,
			form: 'post',
			plannedStart: spec.start,
			plannedEnd: spec.end,
		},
		actor,
	);
	if (spec.finalStatus === 'planned') return p;
	await transitionPlacement(store, p.id, 'approved', {}, actor);
	await transitionPlacement(store, p.id, 'in_progress', {}, actor);
	for (const log of spec.logs ?? []) {
		const added = await addLog(
			store,
			p.id,
			{
				weekStart: log.week,
				hours: (log.dates?.length ?? log.days ?? 0) * 8,
				daysOnSite: log.dates ? undefined : log.days,
				onSiteDates: log.dates,
				content: '跟岗实践',
			},
			actor,
		);
		await confirmLog(store, added.id, {}, actor);
	}
	if (spec.finalStatus === 'cancelled')
		await transitionPlacement(store, p.id, 'cancelled', { reason: '企业停产' }, actor);
	if (spec.finalStatus === 'closed') {
		await transitionPlacement(store, p.id, 'report_submitted', { report: '实践报告' }, actor);
		await transitionPlacement(store, p.id, 'assessed', { grade: 'good' }, actor);
		await transitionPlacement(store, p.id, 'closed', {}, actor);
	}
	return p;
}

export async function seedExchange(store: Store) {
	const org = (name: string) => organisations.create(store, { name, kind: 'enterprise' }, actor);
	const xinghe = await org('星河智能制造有限公司');
	const lanhai = await org('蓝海电子科技有限公司');
	const teacher = (name: string, extra: Record<string, unknown>) =>
		people.create(
			store,
			{ name, kind: 'teacher', courseCategory: 'professional', ...extra } as never,
			actor,
		);
	const t1 = await teacher('张一', {
		department: '机电系',
		joinedOn: '2010-09-01',
		dualQualified: true,
		dualQualifiedSince: '2020-01-01',
		enterpriseExperience: true,
	});
	const t2 = await teacher('王二', {
		department: '基础部',
		courseCategory: 'general',
		joinedOn: '2020-02-29',
		enterpriseExperience: true,
	});
	const t3 = await teacher('李三', { department: '机电系', joinedOn: '2026-02-01' });
	const t4 = await teacher('赵四', {
		department: '电子系',
		joinedOn: '2026-03-01',
		dualQualified: true,
		dualQualifiedSince: '2027-01-01',
	});
	const t5 = await teacher('钱五', {
		department: '电子系',
		joinedOn: '2026-04-01',
		enterpriseExperience: true,
		dualQualified: true,
	});
	const t6 = await teacher('孙六', {
		department: '电子系',
		joinedOn: '2025-12-02',
		dualQualified: true,
		dualQualifiedSince: '2026-06-01',
	});
	const t7 = await teacher('周七', {
		department: '电子系',
		joinedOn: '2015-01-01',
		enterpriseExperience: true,
		dualQualified: true,
	});
	const t8 = await teacher('吴八', { department: '机电系' });
	const t9 = await teacher('郑九', { department: '机电系', joinedOn: '2025-12-01' });

	const s1 = await stations.create(
		store,
		{
			name: '星河教师实践流动站',
			organisationId: xinghe.id,
			capacity: 2,
			recognisedFrom: '2024-01-01',
			recognisedTo: '2027-12-31',
		},
		actor,
	);
	const s2 = await stations.create(
		store,
		{
			name: '蓝海企业实践基地',
			organisationId: lanhai.id,
			kind: 'base',
			capacity: 1,
			recognisedTo: '2025-12-31',
		},
		actor,
	);

	// 张一: window boundaries (2021-12-01 out, 12-02 and 12-03 in; 2026-12-01 in, 12-02 out) and two overlapping placements.
	await placement(store, {
		teacherId: t1.id,
		hostId: xinghe.id,
		start: '2021-11-29',
		end: '2021-12-05',
		logs: [{ week: '2021-11-29', dates: ['2021-12-01', '2021-12-02', '2021-12-03'] }],
		finalStatus: 'closed',
	});
	await placement(store, {
		teacherId: t1.id,
		hostId: xinghe.id,
		stationId: s1.id,
		start: '2026-11-30',
		end: '2026-12-06',
		logs: [{ week: '2026-11-30', dates: ['2026-12-01', '2026-12-02'] }],
		finalStatus: 'in_progress',
	});
	await placement(store, {
		teacherId: t1.id,
		hostId: xinghe.id,
		stationId: s1.id,
		start: '2024-03-04',
		end: '2024-03-31',
		logs: ['2024-03-04', '2024-03-11', '2024-03-18', '2024-03-25'].map((week) => ({
			week,
			days: 5,
		})),
		finalStatus: 'closed',
	});
	await placement(store, {
		teacherId: t1.id,
		hostId: lanhai.id,
		stationId: s2.id,
		start: '2024-03-18',
		end: '2024-04-05',
		logs: [
			{ week: '2024-03-18', days: 5 },
			{ week: '2024-03-25', days: 7 },
			{ week: '2024-04-01', days: 5 },
		],
		finalStatus: 'closed',
	});
	// A cancelled placement: its confirmed log does not count.
	await placement(store, {
		teacherId: t1.id,
		hostId: xinghe.id,
		stationId: s1.id,
		start: '2026-06-01',
		end: '2026-06-07',
		logs: [{ week: '2026-06-01', days: 5 }],
		finalStatus: 'cancelled',
	});

	// 王二 (公共课, joined on 29 February): leap days inside and at the edge of the window.
	await placement(store, {
		teacherId: t2.id,
		hostId: lanhai.id,
		start: '2023-02-27',
		end: '2023-03-05',
		logs: [{ week: '2023-02-27', dates: ['2023-02-28', '2023-03-01', '2023-03-02'] }],
		finalStatus: 'closed',
	});
	await placement(store, {
		teacherId: t2.id,
		hostId: lanhai.id,
		start: '2024-02-26',
		end: '2024-03-03',
		logs: [{ week: '2024-02-26', days: 7 }],
		finalStatus: 'closed',
	});
	await placement(store, {
		teacherId: t2.id,
		hostId: lanhai.id,
		start: '2028-02-28',
		end: '2028-03-05',
		logs: [{ week: '2028-02-28', dates: ['2028-02-28', '2028-02-29', '2028-03-01'] }],
		finalStatus: 'in_progress',
	});

	// 赵四: a planned placement holding a place at station 1 on the report date.
	await placement(store, {
		teacherId: t4.id,
		hostId: xinghe.id,
		stationId: s1.id,
		start: '2026-11-15',
		end: '2026-12-20',
		finalStatus: 'planned',
	});
	// 孙六: only a cancelled placement, which is no placement.
	await placement(store, {
		teacherId: t6.id,
		hostId: xinghe.id,
		start: '2026-01-05',
		end: '2026-01-09',
		finalStatus: 'cancelled',
	});
	// 周七: 30 weeks × 6 days = 180 days in 2025, exactly the requirement.
	const weeks = Array.from({ length: 30 }, (_, i) =>
		new Date(Date.UTC(2025, 2, 3 + 7 * i)).toISOString().slice(0, 10),
	);
	await placement(store, {
		teacherId: t7.id,
		hostId: lanhai.id,
		start: '2025-03-03',
		end: '2025-09-28',
		logs: weeks.map((week) => ({ week, days: 6 })),
		finalStatus: 'closed',
	});

	// Technicians and their teaching.
	const w1 = await people.create(
		store,
		{
			name: '王师傅',
			kind: 'technician',
			organisationId: xinghe.id,
			skillLevel: '高级技师',
		} as never,
		actor,
	);
	const w2 = await people.create(
		store,
		{ name: '陈工', kind: 'technician', organisationId: lanhai.id, title: '助理工程师' } as never,
		actor,
	);
	const engage = async (
		technicianId: string,
		course: string,
		term: string,
		yearsInIndustry: number,
		sessions: Array<[string, number, number?, number?]>,
	) => {
		const e = await createEngagement(store, { technicianId, course, term, yearsInIndustry }, actor);
		await transitionEngagement(store, e.id, 'approved', {}, actor);
		for (const [date, hours, feedbackScore, feedbackCount] of sessions)
			await addSession(store, e.id, { date, hours, feedbackScore, feedbackCount }, actor);
		return e;
	};
	const e1 = await engage(w1.id, '数控编程', '2026-2027-1', 12, [
		['2026-09-10', 4, 90, 40],
		['2026-09-17', 4, 80, 10],
		['2026-10-08', 6],
	]);
	await engage(w1.id, '工业机器人', '2026-2027-1', 12, [['2026-10-15', 4, 70, 50]]);
	const e3 = await engage(w2.id, '电工基础', '2026-2027-1', 2, [['2026-09-20', 2]]);
	await engage(w1.id, '数控编程', '2025-2026-2', 12, [['2026-03-10', 16]]);

	return { xinghe, lanhai, t1, t2, t3, t4, t5, t6, t7, t8, t9, s1, s2, w1, w2, e1, e3 };
}
