import {
	oneOf,
	optionalBoolean,
	optionalDate,
	optionalEmail,
	optionalText,
	requiredText,
} from '../util/validate';
import { ValidationError } from '../util/errors';
import { Repository, type EntitySpec } from '../store/repository';
import type { Tx } from '../store/store';
import { requireOrganisation } from './lookup';

export const PERSON_KINDS = ['teacher', 'technician', 'staff'] as const;
export const PERSON_KIND_LABELS: Record<(typeof PERSON_KINDS)[number], string> = {
	teacher: '教师 Teacher',
	technician: '企业技术人员 Enterprise Technician',
	staff: '管理人员 Staff',
};
export const COURSE_CATEGORIES = ['professional', 'general'] as const;
/** 专业课 teachers owe six months of practice in five years; 公共课 teachers only "定期" (教师〔2016〕3号 第四条). */
export const COURSE_CATEGORY_LABELS: Record<(typeof COURSE_CATEGORIES)[number], string> = {
	professional: '专业课 Professional',
	general: '公共课 General',
};

export interface PersonInput {
	name: string;
	kind: (typeof PERSON_KINDS)[number];
	organisationId?: string | null;
	department?: string | null;
	email?: string | null;
	phone?: string | null;
	title?: string | null;
	skillLevel?: string | null;
	/** 专业课 professional or 公共课 general, for teachers. */
	courseCategory?: (typeof COURSE_CATEGORIES)[number] | null;
	dualQualified?: boolean;
	dualQualifiedSince?: string | null;
	dualQualifiedLevel?: string | null;
	employeeNo?: string | null;
	joinedOn?: string | null;
	enterpriseExperience?: boolean;
	/** 企业微信 UserID, 钉钉 userid, 飞书 open_id: where an approver's app message goes. */
	wecomUserId?: string | null;
	dingtalkUserId?: string | null;
	feishuOpenId?: string | null;
}

export interface Person
	extends Required<Omit<PersonInput, 'dualQualified' | 'enterpriseExperience'>> {
	id: string;
	dualQualified: boolean;
	enterpriseExperience: boolean;
	createdAt: string;
	updatedAt: string;
}

export const CHAT_ID_LABELS = {
	wecomUserId: '企业微信账号 WeCom UserID',
	dingtalkUserId: '钉钉用户ID DingTalk User ID',
	feishuOpenId: '飞书用户ID Feishu Open ID',
} as const;

export const CHAT_ID_HINTS: Record<keyof typeof CHAT_ID_LABELS, string> = {
	wecomUserId:
		'通讯录中的成员账号（UserID），用于企业微信应用消息 The member UserID, for WeCom app messages',
	dingtalkUserId: '通讯录中的 userid，用于钉钉工作通知 The userid, for DingTalk work notices',
	feishuOpenId: '以 ou_ 开头的 open_id，用于飞书消息 The open_id (ou_…), for Feishu messages',
};

/**
 * The platforms' own rules for these ids, so a typo is refused here rather than by the
 * platform on the day of a notice: 企业微信 成员 UserID is 1–64 bytes of letters, digits and
 * `_-@.`, starting with a letter or digit (通讯录管理 · 创建成员); 钉钉 userid is at most 64
 * characters (通讯录 · 用户管理); 飞书 open_id is `ou_` followed by letters and digits.
 */
const CHAT_ID_RULES: Record<keyof typeof CHAT_ID_LABELS, RegExp> = {
	wecomUserId: /^[A-Za-z0-9][A-Za-z0-9_@.-]{0,63}$/,
	dingtalkUserId: /^[^\s]{1,64}$/,
	feishuOpenId: /^ou_[A-Za-z0-9]{1,61}$/,
};

function chatIdColumns(input: PersonInput) {
	const read = (key: keyof typeof CHAT_ID_LABELS) => {
		const value = optionalText(input[key], key, CHAT_ID_LABELS[key], 64) || null;
		if (value !== null && !CHAT_ID_RULES[key].test(value))
			throw new ValidationError(
				`${CHAT_ID_LABELS[key]}格式不符 / not in the platform's format: ${value}`,
				key,
				'format',
			);
		return value;
	};
	return {
		wecom_user_id: read('wecomUserId'),
		dingtalk_user_id: read('dingtalkUserId'),
		feishu_open_id: read('feishuOpenId'),
	};
}

async function checkOrganisation(tx: Tx, token: string | null): Promise<string | null> {
	return token
		? (await requireOrganisation(tx, token, 'organisationId', '所属单位 Organisation')).id
		: null;
}

const spec: EntitySpec<PersonInput, Person> = {
	table: 'person',
	entityType: 'person',
	idPrefix: 'per',
	async toColumns(input, tx) {
		const courseCategory = optionalText(
			input.courseCategory,
			'courseCategory',
			'课程类别 Course Category',
		);
		return {
			name: requiredText(input.name, 'name', '姓名 Name', 100),
			kind: oneOf(input.kind, 'kind', '人员类型 Kind', PERSON_KINDS),
			organisation_id: await checkOrganisation(
				tx,
				optionalText(input.organisationId, 'organisationId', '所属单位 Organisation', 200),
			),
			department: optionalText(input.department, 'department', '部门 Department', 100),
			email: optionalEmail(input.email, 'email', '邮箱 Email'),
			phone: optionalText(input.phone, 'phone', '电话 Phone', 40),
			title: optionalText(input.title, 'title', '职称 Title', 100),
			skill_level: optionalText(input.skillLevel, 'skillLevel', '技能等级 Skill Level', 100),
			course_category: courseCategory
				? oneOf(courseCategory, 'courseCategory', '课程类别 Course Category', COURSE_CATEGORIES)
				: null,
			dual_qualified: optionalBoolean(input.dualQualified, 'dualQualified', '双师型 Dual-Qualified')
				? 1
				: 0,
			dual_qualified_since: optionalDate(
				input.dualQualifiedSince,
				'dualQualifiedSince',
				'双师型认定日期 Recognised On',
			),
			dual_qualified_level: optionalText(
				input.dualQualifiedLevel,
				'dualQualifiedLevel',
				'双师型等级 Level',
				50,
			),
			employee_no: optionalText(input.employeeNo, 'employeeNo', '工号 Employee No.', 50),
			joined_on: optionalDate(input.joinedOn, 'joinedOn', '入职日期 Joined On'),
			enterprise_experience: optionalBoolean(
				input.enterpriseExperience,
				'enterpriseExperience',
				'企业经历 Enterprise Experience',
			)
				? 1
				: 0,
			...chatIdColumns(input),
		};
	},
	fromRow(row) {
		return {
			id: row.id,
			name: row.name,
			kind: row.kind,
			organisationId: row.organisation_id,
			department: row.department,
			email: row.email,
			phone: row.phone,
			title: row.title,
			skillLevel: row.skill_level,
			courseCategory: row.course_category,
			dualQualified: Boolean(row.dual_qualified),
			dualQualifiedSince: row.dual_qualified_since,
			dualQualifiedLevel: row.dual_qualified_level,
			employeeNo: row.employee_no,
			joinedOn: row.joined_on,
			enterpriseExperience: Boolean(row.enterprise_experience),
			wecomUserId: row.wecom_user_id,
			dingtalkUserId: row.dingtalk_user_id,
			feishuOpenId: row.feishu_open_id,
			createdAt: row.created_at,
			updatedAt: row.updated_at,
		};
	},
	naturalKey(input) {
		if (typeof input.email === 'string' && input.email.trim())
			return { column: 'email', value: input.email.trim().toLowerCase(), field: 'email' };
		return null;
	},
	unique: [{ column: 'email', field: 'email' }],
	referencedBy: [],
	filters: {
		kind: 'kind',
		organisationId: 'organisation_id',
		department: 'department',
		courseCategory: 'course_category',
		email: 'email',
	},
};

export const people = new Repository(spec);

/** Registers another table that refers to people, so delete checks it too. */
export function addPersonReference(table: string, column: string): void {
	spec.referencedBy!.push({ table, column });
}
