import type { ReportName } from './compliance';

export interface SheetSpec {
	/** Excel sheet names are at most 31 characters and may not contain []:*?/\ . */
	sheet: string;
	title: string;
	columns: Array<[key: string, label: string]>;
}

const teacher: Array<[string, string]> = [
	['name', '姓名 Name'],
	['department', '系部 Department'],
	['courseCategory', '课程类别 Category'],
];

/** Practice in both measures; the requirement and the shortfall in the unit of the counting rule. */
const practice: Array<[string, string]> = [
	['months', '实践月数 Months'],
	['loggedDays', '在岗天数 Logged Days'],
	['required', '要求 Required'],
	['shortfall', '差额 Shortfall'],
	['unit', '单位 Unit'],
	['countingRuleLabel', '计算方式 Counting Rule'],
];

/** How each compliance report appears as a worksheet: Chinese-first headers, stable column order. */
export const REPORT_SHEETS: Record<ReportName, SheetSpec> = {
	fiveYear: {
		sheet: '五年累计 Five-Year',
		title: '专业课教师五年累计企业实践',
		columns: [
			...teacher,
			['windowStart', '周期起 From'],
			['windowEnd', '周期止 To'],
			['countedThrough', '统计至 Counted Through'],
			...practice,
			['makeUpBy', '补足期限 Make Up By'],
			['statusLabel', '状态 Status'],
		],
	},
	annual: {
		sheet: '年度实践 Annual',
		title: '本年度企业实践',
		columns: [
			...teacher,
			['year', '年度 Year'],
			...practice,
			['makeUpBy', '补足期限 Make Up By'],
			['statusLabel', '状态 Status'],
		],
	},
	newTeachers: {
		sheet: '新教师 New Teachers',
		title: '无企业经历且未安排实践的新教师',
		columns: [
			...teacher,
			['joinedOn', '入职日期 Joined On'],
			['daysSinceJoined', '入职天数 Days Since Joining'],
			['statusLabel', '状态 Status'],
		],
	},
	dualQualified: {
		sheet: '双师型 Dual-Qualified',
		title: '专业课教师双师型占比',
		columns: [
			['department', '系部 Department'],
			['teachers', '专业课教师 Teachers'],
			['dualQualified', '双师型 Dual-Qualified'],
			['share', '占比 Share'],
			['target', '目标 Target'],
			['needed', '尚需 Needed'],
			['statusLabel', '状态 Status'],
		],
	},
	stationUse: {
		sheet: '站点使用 Stations',
		title: '实践站点使用与容量',
		columns: [
			['station', '站点 Station'],
			['enterprise', '企业 Enterprise'],
			['capacity', '容量 Capacity'],
			['inUse', '在站 In Use'],
			['utilisation', '使用率 Utilisation'],
			['placementsThisYear', '本年安排 Placements'],
			['teacherDaysThisYear', '本年人天 Teacher-Days'],
			['recognisedTo', '认定截止 Recognised To'],
			['statusLabel', '状态 Status'],
		],
	},
	technicianHours: {
		sheet: '技师课时 Technicians',
		title: '企业技师每学期授课课时',
		columns: [
			['name', '姓名 Name'],
			['enterprise', '企业 Enterprise'],
			['term', '学期 Term'],
			['courses', '课程 Courses'],
			['sessions', '次数 Sessions'],
			['hours', '课时 Hours'],
			['minHours', '要求 Minimum'],
			['shortfall', '差额 Shortfall'],
			['feedbackScore', '学生评分 Feedback'],
			['statusLabel', '状态 Status'],
		],
	},
};
