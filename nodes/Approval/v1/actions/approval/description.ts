import type { INodeProperties } from 'n8n-workflow';
import {
	MAX_STAGE_HOURS,
	MAX_STAGE_WORKING_DAYS,
	SKIP_OPERATORS,
	STAGE_MODES,
	TIMEOUT_ACTIONS,
} from '../../../../../core/approval';
import {
	MODE_LABEL,
	SKIP_OPERATOR_LABEL,
	TIMEOUT_ACTION_LABEL,
} from '../../../../../core/approval/labels';
import { vocabularyOptions } from '../../../../shared/descriptions/common';

const modeOptions = vocabularyOptions(STAGE_MODES, MODE_LABEL, {
	sequential: '审批人按顺序逐个审批 Approvers decide one after another',
	all: '全部同意才通过，一人拒绝即拒绝 All must approve; one rejection rejects',
	any: '第一个回复的人决定 The first response decides',
	quorum: '达到 N 人同意即通过 N approvals pass the stage',
});

const timeoutOptions = vocabularyOptions(TIMEOUT_ACTIONS, TIMEOUT_ACTION_LABEL);

const skipOperatorOptions = vocabularyOptions(SKIP_OPERATORS, SKIP_OPERATOR_LABEL);

/** One stage's boxes; the same keys are accepted in the JSON form of `stagesJson`. */
const stageFields: INodeProperties[] = [
	{
		displayName: '阶段名称 Stage Name',
		name: 'name',
		type: 'string',
		default: '',
		placeholder: '系部审核 Department Review',
	},
	{
		displayName: '审批方式 Mode',
		name: 'mode',
		type: 'options',
		options: modeOptions,
		default: 'any',
	},
	{
		displayName: '审批人 Approvers',
		name: 'approvers',
		type: 'string',
		default: '',
		placeholder: '张主任 <zhang@example.edu.cn>, li@example.com',
		description:
			'邮箱，逗号分隔，可写成 “姓名 &lt;邮箱&gt;” Emails separated by commas, optionally "Name &lt;email&gt;"',
	},
	{
		displayName: '通过所需人数 Quorum',
		name: 'quorum',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 2,
		description: '多数方式下通过所需的同意人数 Approvals needed when the mode is Quorum',
	},
	{
		displayName: '时限（小时）Due in Hours',
		name: 'dueHours',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: MAX_STAGE_HOURS, numberPrecision: 0 },
		default: 72,
		description: '从本阶段开始起算，0 表示不限 Hours from the stage start; 0 for no limit',
	},
	{
		displayName: '时限（工作日）Due in Working Days',
		name: 'dueWorkingDays',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: MAX_STAGE_WORKING_DAYS, numberPrecision: 0 },
		default: 0,
		description:
			'大于 0 时按工作日历计（跳过周末和法定节假日，调休上班日计入），并取代按小时的时限 When above 0, counted on the working-day calendar (weekends and holidays skipped, make-up working days counted) instead of the hours above',
	},
	{
		displayName: '催办间隔（小时）Remind Every Hours',
		name: 'remindEveryHours',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: MAX_STAGE_HOURS, numberPrecision: 0 },
		default: 24,
		description: '供定时工作流的 “催办” 使用，0 表示不催办 Used by scheduled Remind; 0 for never',
	},
	{
		displayName: '催办间隔（工作日）Remind Every Working Days',
		name: 'remindEveryWorkingDays',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: MAX_STAGE_WORKING_DAYS, numberPrecision: 0 },
		default: 0,
		description:
			'大于 0 时按工作日历计并取代按小时的间隔：催办落在工作日的同一时刻，节假日不催办 When above 0, counted on the working-day calendar instead of the hours above: a reminder falls at the same time on a working day, never on a holiday',
	},
	{
		displayName: '超时处理 Timeout Action',
		name: 'timeoutAction',
		type: 'options',
		options: timeoutOptions,
		default: 'none',
	},
	{
		displayName: '升级给 Escalate To',
		name: 'escalateTo',
		type: 'string',
		default: '',
		placeholder: 'dean@example.edu.cn',
		description:
			'超时后转给这些人（或签） Who decides after a timeout with Escalate (first response wins)',
	},
	{
		displayName: '跳过条件字段 Skip If Field',
		name: 'skipField',
		type: 'string',
		default: '',
		placeholder: '金额 Amount',
		description: '摘要字段的标签；留空表示不跳过 Label of a summary field; empty never skips',
	},
	{
		displayName: '跳过条件 Skip If Operator',
		name: 'skipOperator',
		type: 'options',
		options: skipOperatorOptions,
		default: 'lessThan',
	},
	{ displayName: '跳过条件值 Skip If Value', name: 'skipValue', type: 'string', default: '' },
];

export const requestApprovalDescription: INodeProperties[] = [
	{
		displayName:
			'首次运行创建审批并在 “Notify” 输出通知项；把 Notify 接到发邮件节点，再接回本节点，流程即进入等待，直到有结果。每次执行只处理一个审批请求：多项输入请用子工作流逐项处理。 The first run creates the request and emits notification items on Notify; wire Notify → Send Email → back into this node and the execution waits for a result. One request per execution: for several items, call a sub-workflow per item.',
		name: 'requestNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: '标题 Title',
		name: 'title',
		type: 'string',
		required: true,
		default: '',
		placeholder: '《工业机器人运维》课程共建立项',
	},
	{
		displayName: '对象类型 Subject Type',
		name: 'subjectType',
		type: 'string',
		default: 'general',
		placeholder: 'course / placement / patent / project',
		description: '被审批记录的类型，用于筛选 Kind of record under approval, used by List',
	},
	{
		displayName: '对象 ID Subject ID',
		name: 'subjectId',
		type: 'string',
		default: '',
		description: '被审批记录的 ID（可选） ID of the record under approval (optional)',
	},
	{
		displayName: '摘要字段 Summary Fields',
		name: 'subjectFields',
		type: 'json',
		default: '{}',
		description:
			'显示在审批页面与邮件中的摘要：对象 {"标签":"值"} 或数组 [{"label":"…","value":"…"}]，可用表达式 Summary on the decision page and email: an object of label → value, or an array of {label, value}; expressions welcome',
	},
	{
		displayName: '提交人邮箱 Submitter Email',
		name: 'submitterEmail',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'teacher@example.edu.cn',
		description: '提交人不能审批自己的申请 The submitter can never approve their own request',
	},
	{
		displayName: '提交人姓名 Submitter Name',
		name: 'submitterName',
		type: 'string',
		default: '',
	},
	{
		displayName: '抄送 CC',
		name: 'cc',
		type: 'string',
		default: '',
		placeholder: 'office@example.edu.cn',
		description:
			'创建时与出结果时抄送，逗号分隔 Told on creation and on the result; separate with commas',
	},
	{
		displayName: '阶段来源 Stages From',
		name: 'stagesInput',
		type: 'options',
		options: [
			{ name: '逐项填写 Fields', value: 'fields' },
			{ name: 'JSON 文本 JSON Text', value: 'json' },
		],
		default: 'fields',
	},
	{
		displayName: '审批阶段 Stages',
		name: 'stages',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: '添加阶段 Add Stage',
		default: {},
		displayOptions: { show: { stagesInput: ['fields'] } },
		options: [{ displayName: '阶段 Stage', name: 'stage', values: stageFields }],
	},
	{
		displayName: '审批阶段 JSON Stages JSON',
		name: 'stagesJson',
		type: 'json',
		default:
			'[\n  {"name": "系部审核", "mode": "any", "approvers": "head@example.edu.cn", "dueHours": 72, "timeoutAction": "none"}\n]',
		description:
			'阶段数组，键与逐项填写相同 (name, mode, approvers, quorum, dueHours, dueWorkingDays, remindEveryHours, remindEveryWorkingDays, timeoutAction, escalateTo, skipField, skipOperator, skipValue) An array of stages with the same keys as the fields',
		displayOptions: { show: { stagesInput: ['json'] } },
	},
	{
		displayName: '编号前缀 Number Prefix',
		name: 'numberPrefix',
		type: 'string',
		default: 'SP',
		placeholder: 'KC',
		description:
			'审批编号形如 KC-2026-0001，每年重新编号 Request numbers look like KC-2026-0001, restarting each year',
	},
	{
		displayName: '选项 Options',
		name: 'options',
		type: 'collection',
		placeholder: '添加选项 Add Option',
		default: {},
		options: [
			{
				displayName: '修改表单地址 Amend Form URL',
				name: 'amendFormUrl',
				type: 'string',
				default: '',
				placeholder: 'https://n8n.example.cn/form/course-proposal',
				description:
					'申请人修改申请的表单；退回时把修改令牌作为 amend 参数附在地址后。以 / 开头的路径（如 /form/…）取本 n8n 的地址 The form the submitter corrects the request on; the amend token is added as the "amend" query parameter. A path starting with / (such as /form/…) is taken on this n8n\'s address.',
			},
			{
				displayName: '修改表单预填 Amend Prefill',
				name: 'amendPrefill',
				type: 'json',
				default: '{}',
				description:
					"预填表单字段的查询参数，JSON 对象 Query parameters that prefill the amend form's fields, as a JSON object (field name → value)",
			},
			{
				displayName: '已审批人自动通过 Auto-Pass Repeat Approver',
				name: 'autoPassRepeatApprover',
				type: 'boolean',
				default: true,
				description:
					'Whether an approver who already approved an earlier stage is passed automatically / 前面阶段已同意的人自动通过',
			},
			{
				displayName: '退回后重新审批自 Resume From',
				name: 'resumeFrom',
				type: 'options',
				options: [
					{ name: '退回的阶段 Returning Stage', value: 'returning' },
					{ name: '第一阶段 First Stage', value: 'first' },
				],
				default: 'returning',
				description:
					'退回修改后重新提交时从哪个阶段重新审批 Which stage decides again after a returned request is resubmitted',
			},
			{
				displayName: '附件 Attachments',
				name: 'attachments',
				type: 'string',
				default: '',
				placeholder: 'syllabus, contract',
				description:
					"输入项中的二进制字段名，逗号分隔（如表单文件字段 syllabus）；文件存入数据库，审批页可凭审批人链接下载，单个文件不超过 20 MB，最多 10 个 / Comma-separated binary property names of the input item (e.g. the form's file field syllabus); the files are kept in the store and downloaded from the decision page with the approver's link, at most 20 MB each and 10 in all",
			},
		],
	},
];
