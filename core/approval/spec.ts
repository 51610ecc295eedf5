import { labelParts, ValidationError } from '../util/errors';
import {
	missing,
	oneOf,
	optionalBoolean,
	optionalEmail,
	optionalNumber,
	optionalText,
	requiredText,
	scalarText,
} from '../util/validate';
import {
	SKIP_OPERATORS,
	STAGE_MODES,
	TIMEOUT_ACTIONS,
	type Person,
	type RequestSpec,
	type SkipCondition,
	type StageSpec,
	type SubjectSpec,
} from './types';

/** Reads loose input (node parameters, JSON from a workflow) into a validated request spec. */

const PERSON = /^\s*(.*?)\s*<\s*([^<>\s]+)\s*>\s*$/;

export function parsePerson(text: string, field: string, label: string): Person {
	const match = PERSON.exec(text);
	const email = optionalEmail(match ? match[2] : text, field, label);
	if (!email)
		throw new ValidationError(
			`${labelParts(label).zh}为必填项 / ${labelParts(label).en} is required`,
			field,
			'required',
		);
	const name = match?.[1]?.replace(/^["']|["']$/g, '').trim() || null;
	return { email, name };
}

/** A list of people: an array of `{email, name}` or strings, or one text with commas / 、 / ;. */
export function parsePeople(value: unknown, field: string, label: string): Person[] {
	if (value === undefined || value === null || value === '') return [];
	const parts: unknown[] = Array.isArray(value)
		? value
		: scalarText(value, field, label).split(/[,，、;；\n]/);
	const people: Person[] = [];
	parts.forEach((part, i) => {
		if (part && typeof part === 'object') {
			const p = part as { email?: unknown; name?: unknown };
			const email = optionalEmail(p.email, `${field}[${i}].email`, label);
			if (!email)
				throw new ValidationError(
					`${label}: email is required / 邮箱必填`,
					`${field}[${i}]`,
					'required',
				);
			people.push({ email, name: optionalText(p.name, `${field}[${i}].name`, label, 100) });
			return;
		}
		const text = scalarText(part, `${field}[${i}]`, label).trim();
		if (text) people.push(parsePerson(text, `${field}[${i}]`, label));
	});
	const seen = new Set<string>();
	return people.filter((p) => (seen.has(p.email) ? false : (seen.add(p.email), true)));
}

/** Summary fields: an object of label → value, or an array of {label, value}; JSON text accepted. */
export function parseSummaryFields(
	value: unknown,
	field = 'subjectFields',
): Array<{ label: string; value: string }> {
	let data = value;
	if (typeof data === 'string') {
		if (!data.trim()) return [];
		try {
			data = JSON.parse(data);
		} catch {
			throw new ValidationError('摘要字段应为 JSON / Summary fields must be JSON', field, 'json');
		}
	}
	if (data === null || data === undefined) return [];
	const asText = (v: unknown) =>
		v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
	if (Array.isArray(data)) {
		return data.map((row, i) => {
			const r = (row ?? {}) as { label?: unknown; value?: unknown };
			return {
				label: requiredText(r.label, `${field}[${i}].label`, '摘要标签 Summary Label', 100),
				value: asText(r.value).slice(0, 2000),
			};
		});
	}
	if (typeof data === 'object')
		return Object.entries(data as object).map(([label, v]) => ({
			label: label.slice(0, 100),
			value: asText(v).slice(0, 2000),
		}));
	throw new ValidationError(
		'摘要字段应为对象或数组 / Summary fields must be an object or a list',
		field,
		'json',
	);
}

/**
 * Whole hours, as the stage's integer columns hold them, up to ten years: a fraction was a
 * driver error on PostgreSQL, and a due time beyond year 275,760 no date at all.
 */
export const MAX_STAGE_HOURS = 87_600;
const HOURS = { min: 0, max: MAX_STAGE_HOURS, integer: true };
/** About ten years of working days: the calendar search gives up beyond that. */
export const MAX_STAGE_WORKING_DAYS = 2_400;

function parseStage(raw: Record<string, unknown>, i: number): StageSpec {
	const f = (key: string) => `stages[${i}].${key}`;
	const mode = oneOf(raw.mode ?? 'any', f('mode'), '审批方式 Mode', STAGE_MODES);
	const approvers = parsePeople(raw.approvers, f('approvers'), '审批人 Approvers');
	if (approvers.length === 0)
		throw new ValidationError(
			`第 ${i + 1} 阶段至少需要一名审批人 / Stage ${i + 1} needs at least one approver`,
			f('approvers'),
			'required',
		);
	const quorum =
		mode === 'quorum'
			? (optionalNumber(raw.quorum, f('quorum'), '通过所需人数 Quorum', {
					min: 1,
					integer: true,
				}) ?? 1)
			: null;
	if (quorum !== null && quorum > approvers.length) {
		throw new ValidationError(
			`通过人数多于审批人数 / Quorum ${quorum} is more than the ${approvers.length} approvers`,
			f('quorum'),
			'range',
		);
	}
	const dueHours = optionalNumber(raw.dueHours, f('dueHours'), '时限 Due in Hours', HOURS) || null;
	const workingDays = (key: string, label: string) =>
		optionalNumber(raw[key], f(key), label, {
			min: 0,
			max: MAX_STAGE_WORKING_DAYS,
			integer: true,
		}) || null;
	const dueWorkingDays = workingDays('dueWorkingDays', '时限（工作日）Due in Working Days');
	const timeoutAction = oneOf(
		raw.timeoutAction || 'none',
		f('timeoutAction'),
		'超时处理 Timeout Action',
		TIMEOUT_ACTIONS,
	);
	const escalateTo = parsePeople(raw.escalateTo, f('escalateTo'), '升级给 Escalate To');
	if (timeoutAction === 'escalate' && escalateTo.length === 0) {
		throw new ValidationError(
			'升级需要指定人员 / Escalate needs at least one person',
			f('escalateTo'),
			'required',
		);
	}
	let skipIf: SkipCondition | null = null;
	const skipField = optionalText(raw.skipField, f('skipField'), '跳过条件字段 Skip If Field', 100);
	if (skipField) {
		skipIf = {
			field: skipField,
			operator: oneOf(
				raw.skipOperator || 'equals',
				f('skipOperator'),
				'跳过条件 Skip If Operator',
				SKIP_OPERATORS,
			),
			value: scalarText(raw.skipValue, f('skipValue'), '跳过条件值 Skip If Value').slice(0, 500),
		};
	}
	return {
		name:
			optionalText(raw.name, f('name'), '阶段名称 Stage Name', 100) ??
			`第 ${i + 1} 阶段 Stage ${i + 1}`,
		mode,
		approvers,
		quorum,
		skipIf,
		dueHours,
		dueWorkingDays,
		remindEveryHours:
			optionalNumber(
				raw.remindEveryHours,
				f('remindEveryHours'),
				'催办间隔 Remind Every Hours',
				HOURS,
			) || null,
		remindEveryWorkingDays: workingDays(
			'remindEveryWorkingDays',
			'催办间隔（工作日）Remind Every Working Days',
		),
		timeoutAction,
		escalateTo,
	};
}

export function parseStages(value: unknown): StageSpec[] {
	let data = value;
	if (typeof data === 'string') {
		try {
			data = JSON.parse(data);
		} catch {
			throw new ValidationError('审批阶段应为 JSON / Stages must be JSON', 'stagesJson', 'json');
		}
	}
	if (!Array.isArray(data) || data.length === 0)
		throw new ValidationError(
			'至少需要一个审批阶段 / At least one stage is required',
			'stages',
			'required',
		);
	return data.map((raw, i) => parseStage((raw ?? {}) as Record<string, unknown>, i));
}

export interface RequestInput {
	title: unknown;
	subjectType?: unknown;
	subjectId?: unknown;
	subjectFields?: unknown;
	submitterEmail: unknown;
	submitterName?: unknown;
	cc?: unknown;
	stages: unknown;
	numberPrefix?: unknown;
	autoPassRepeatApprover?: unknown;
}

export function parseRequest(
	input: RequestInput,
	link: {
		linkBase: string | null;
		resumeUrl?: string | null;
		executionId: string | null;
		nodeId: string | null;
	},
): RequestSpec {
	const subject: SubjectSpec = {
		type: optionalText(input.subjectType, 'subjectType', '对象类型 Subject Type', 50) ?? 'general',
		id: optionalText(input.subjectId, 'subjectId', '对象 ID Subject ID', 100),
		title: requiredText(input.title, 'title', '标题 Title', 300),
		fields: parseSummaryFields(input.subjectFields),
	};
	const submitterEmail = optionalEmail(
		input.submitterEmail,
		'submitterEmail',
		'提交人邮箱 Submitter Email',
	);
	if (!submitterEmail) throw missing('提交人邮箱 Submitter Email', 'submitterEmail');
	const prefix =
		optionalText(input.numberPrefix, 'numberPrefix', '编号前缀 Number Prefix', 12) ?? 'SP';
	if (!/^[A-Za-z0-9]+$/.test(prefix))
		throw new ValidationError(
			'编号前缀只能是字母和数字 / Number prefix may hold only letters and digits',
			'numberPrefix',
			'format',
		);
	const stages = parseStages(input.stages);
	stages.forEach((stage, i) => {
		// The submitter can never approve their own request: drop them, and refuse a stage that would be left empty.
		stage.approvers = stage.approvers.filter((p) => p.email !== submitterEmail);
		if (stage.approvers.length === 0) {
			throw new ValidationError(
				`提交人不能审批自己的申请 / The submitter cannot be the only approver of stage ${i + 1}`,
				`stages[${i}].approvers`,
				'self_approval',
			);
		}
		if (stage.quorum !== null && stage.quorum > stage.approvers.length) {
			throw new ValidationError(
				`通过人数多于审批人数 / Quorum ${stage.quorum} is more than the approvers other than the submitter`,
				`stages[${i}].quorum`,
				'range',
			);
		}
		stage.escalateTo = stage.escalateTo.filter((p) => p.email !== submitterEmail);
	});
	return {
		subject,
		submitter: {
			email: submitterEmail,
			name: optionalText(input.submitterName, 'submitterName', '提交人姓名 Submitter Name', 100),
		},
		cc: parsePeople(input.cc, 'cc', '抄送 CC'),
		stages,
		numberPrefix: prefix.toUpperCase(),
		autoPassRepeatApprover:
			input.autoPassRepeatApprover === undefined
				? true
				: optionalBoolean(
						input.autoPassRepeatApprover,
						'autoPassRepeatApprover',
						'自动通过 Auto-Pass',
					),
		...link,
	};
}
