#!/usr/bin/env node
// Writes docs/directory-template.xlsx: the spreadsheet the directory import form
// (workflows/directory-import.json) reads — a sheet 单位 and a sheet 人员 with Chinese headers,
// filled with the demo consortium (core/directory/demo.ts) so every column shows an example.
// An admin replaces the rows with the real directory. Re-run after changing the demo data:
//   node scripts/directory-template.js [out.xlsx]
const { join } = require('node:path');
const ExcelJS = require('exceljs');
const { REPO } = require('./runtime/paths');
const { demoCore } = require('./runtime/demo');

const KIND = {
	school: '学校',
	enterprise: '企业',
	government: '政府部门',
	research: '科研机构',
	association: '行业协会',
	teacher: '教师',
	technician: '企业技术人员',
	staff: '管理人员',
};
const CATEGORY = { professional: '专业课', general: '公共课' };
const yesNo = (v) => (v === undefined ? '' : v ? '是' : '否');

// Headers are the Chinese halves of the Consortium node's field labels, which its bulk upsert maps back.
const SHEETS = {
	单位: [
		['单位名称', (o) => o.name],
		['单位类型', (o) => KIND[o.kind]],
		['统一社会信用代码', (o) => o.creditCode],
		['联系人', (o) => o.contactName],
		['联系邮箱', (o) => o.contactEmail],
		['联系电话', (o) => o.contactPhone],
		['加入日期', (o) => o.memberSince],
		['联合体角色', (o) => [].concat(o.roles ?? []).join('、')],
	],
	人员: [
		['姓名', (p) => p.name],
		['人员类型', (p) => KIND[p.kind]],
		['所属单位', (p) => p.organisationId],
		['部门', (p) => p.department],
		['邮箱', (p) => p.email],
		['电话', (p) => p.phone],
		['职称', (p) => p.title],
		['技能等级', (p) => p.skillLevel],
		['课程类别', (p) => CATEGORY[p.courseCategory]],
		['双师型', (p) => yesNo(p.dualQualified)],
		['双师型认定日期', (p) => p.dualQualifiedSince],
		['双师型等级', (p) => p.dualQualifiedLevel],
		['工号', (p) => p.employeeNo],
		['入职日期', (p) => p.joinedOn],
		['企业经历', (p) => yesNo(p.enterpriseExperience)],
		['企业微信账号', (p) => p.wecomUserId],
		['钉钉用户ID', (p) => p.dingtalkUserId],
		['飞书用户ID', (p) => p.feishuOpenId],
	],
};

async function writeTemplate(out = join(REPO, 'docs', 'directory-template.xlsx')) {
	const { DEMO_ORGANISATIONS, DEMO_PEOPLE } = demoCore();
	const book = new ExcelJS.Workbook();
	// a fixed date keeps the file byte-stable between runs
	book.created = book.modified = new Date('2026-01-01T00:00:00Z');
	for (const [name, rows] of [
		['单位', DEMO_ORGANISATIONS],
		['人员', DEMO_PEOPLE],
	]) {
		const columns = SHEETS[name];
		const sheet = book.addWorksheet(name);
		sheet.columns = columns.map(([header]) => ({ header, width: Math.max(12, header.length * 3) }));
		// dates, codes and numbers as text: a spreadsheet must not turn 2024-03-15 into a day serial
		for (let c = 1; c <= columns.length; c++) sheet.getColumn(c).numFmt = '@';
		sheet.getRow(1).font = { bold: true };
		for (const row of rows) sheet.addRow(columns.map(([, get]) => get(row) ?? ''));
	}
	await book.xlsx.writeFile(out);
	return out;
}

if (require.main === module) {
	writeTemplate(process.argv[2]).then((out) => console.log(`wrote ${out}`));
}

module.exports = { writeTemplate, SHEETS };
