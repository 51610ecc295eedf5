import * as d from './derive';
import type { Derivation } from './derive';
import type { Measure } from './evaluate';

export interface Indicator {
	key: string;
	nameZh: string;
	nameEn: string;
	unit: string;
	/** The consortium's published target (DOMAIN.md), seeded into each year's targets. */
	defaultTarget: number;
	measure: Measure;
	/** How staff entries combine within a period: contributions add up; a rate takes the latest. */
	entries: 'sum' | 'latest';
	derive?: Derivation;
}

const count = (
	key: string,
	nameZh: string,
	nameEn: string,
	defaultTarget: number,
	derive?: Derivation,
	unit = '个 items',
): Indicator => ({
	key,
	nameZh,
	nameEn,
	unit,
	defaultTarget,
	measure: 'count',
	entries: 'sum',
	derive,
});
const rate = (
	key: string,
	nameZh: string,
	nameEn: string,
	defaultTarget: number,
	derive?: Derivation,
): Indicator => ({
	key,
	nameZh,
	nameEn,
	unit: '%',
	defaultTarget,
	measure: 'rate',
	entries: 'latest',
	derive,
});

/** The consortium's published indicators, in the order of its table. */
export const INDICATORS: Indicator[] = [
	count(
		'practice_stations',
		'企业教师实践流动站',
		'Teacher practice stations in enterprises',
		6,
		d.stationsOfKind('station'),
	),
	rate(
		'dual_qualified_share',
		'专业课“双师型”教师占比',
		'Dual-qualified share of specialised teachers',
		75,
		d.dualQualifiedShare,
	),
	count(
		'resource_libraries',
		'市级共建教学资源库',
		'Municipal co-built teaching resource libraries',
		8,
		d.deliverablesOfKind('resource_library'),
	),
	count(
		'online_courses',
		'在线精品课程',
		'Online quality courses',
		10,
		d.deliverablesOfKind('online_course'),
	),
	count('planned_textbooks', '规划教材', 'Planned textbooks', 10, d.deliverablesOfKind('textbook')),
	count('practice_centres', '开放型产教融合实践中心', 'Open practice centres', 3),
	count('production_projects', '典型生产实践项目', 'Typical production practice projects', 15),
	count('supply_demand_platform', '人才供需平台', 'Talent supply–demand platform', 1),
	rate('graduates_placed_rate', '毕业生去向落实率', 'Graduates placed', 95),
	rate('first_employment_rate', '初次就业率', 'First-time employment rate', 95),
	count('tech_service_platform', '共性技术服务平台', 'Common technology service platform', 1),
	count('training_bases', '示范性职工培训基地', 'Model staff-training bases', 3),
	count(
		'staff_training',
		'年职工培训人次',
		'Staff training per year',
		3000,
		undefined,
		'人次 person-times',
	),
	count(
		'staff_training_college',
		'其中学校自办培训人次',
		'Staff training run by the college',
		2000,
		undefined,
		'人次 person-times',
	),
	count('core_courses', '共建专业核心课程', 'Core courses co-developed', 5, d.coreCourses),
	count(
		'workbooks',
		'新形态活页式工作手册',
		'New-form workbooks',
		5,
		d.deliverablesOfKind('workbook'),
	),
	count('skill_master_studios', '技能大师工作室', 'Skill-master studios', 1),
	count('skill_master_stations', '技能大师工作站', 'Skill-master stations', 1),
	count(
		'practice_bases',
		'教师企业实践基地',
		'Teacher enterprise-practice bases',
		5,
		d.stationsOfKind('base'),
	),
	count(
		'integrated_teachers',
		'培养一体化教师',
		'Integrated (一体化) teachers trained',
		5,
		undefined,
		'人 people',
	),
	count(
		'discipline_leaders',
		'培养专业带头人',
		'Discipline leaders trained',
		1,
		undefined,
		'人 people',
	),
	count(
		'municipal_topics',
		'市级研究课题',
		'Municipal research topics',
		1,
		d.projects('vertical', 'municipal'),
	),
	count(
		'enterprise_projects',
		'企业科研项目',
		'Enterprise research projects',
		5,
		d.projects('horizontal'),
	),
	count('patents_granted', '授权专利', 'Patents granted', 5, d.patentsGranted),
	rate('competence_gain', '岗位胜任力提升', 'Job-competence rate gain after placements', 30),
];

export function indicatorByKey(key: string): Indicator | undefined {
	return INDICATORS.find((i) => i.key === key);
}
