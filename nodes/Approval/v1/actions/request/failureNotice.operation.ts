import type { INodeProperties } from 'n8n-workflow';
import { noticeProperty } from '../../../../shared/descriptions/common';
import { firstRequestOfExecution, parsePerson } from '../../../../../core/approval';
import { escapeHtml } from '../../../../../core/util/html';
import { optionalText, requiredText } from '../../../../../core/util/validate';
import { perItemOperation } from '../../../../shared/operation';
import { failedExecutionIdProperty, readFailedExecutionId } from './common';

const properties: INodeProperties[] = [
	noticeProperty(
		'failureNoticeNotice',
		'放在错误工作流（Error Trigger 之后）。表单已答复之后执行失败（邮件服务器或数据存储不可用等）时，生成一封失败通知：该执行发起的审批仍未决的，发给提交人并抄送秘书处；未发起审批的只发给秘书处；审批已有结果的不发（由补投结果处理）。内容已转义。 Put this in the error workflow, after an Error Trigger. When an execution fails after its form has answered (mail server or store down), it composes one failure notice: to the submitter with the secretariat in copy when its approval is still undecided, to the secretariat alone when it had started none, and none when the approval has a result (Redeliver Result hands that out). Escaped.',
	),
	failedExecutionIdProperty,
	{
		displayName: '工作流名称 Workflow Name',
		name: 'workflowName',
		type: 'string',
		default: '={{ $json.workflow.name }}',
	},
	{
		displayName: '错误 Error',
		name: 'errorMessage',
		type: 'string',
		default: '={{ $json.execution.error?.message }}',
	},
	{
		displayName: '出错节点 Failed Node',
		name: 'failedNode',
		type: 'string',
		default: '={{ $json.execution.lastNodeExecuted }}',
	},
	{
		displayName: '秘书处 Secretariat',
		name: 'office',
		type: 'string',
		required: true,
		default: '联合体秘书处 <secretariat@consortium.example.cn>',
		description:
			'本联合体设置：总会收到失败通知的人 Consortium setting: who always hears of a failure',
	},
];

const SUBJECT_ZH = '【处理失败】';

/** One mail item per failed execution: `to`, `cc`, `subject`, `html` (escaped), `text`. */
export const { description, execute } = perItemOperation(
	{ resource: 'request', operation: 'failureNotice' },
	properties,
	async ({ ctx, i, store }) => {
		const executionId = readFailedExecutionId(ctx, i);
		const text = (name: string, label: string, max: number) =>
			optionalText(ctx.getNodeParameter(name, i, ''), name, label, max);
		const workflowName = text('workflowName', '工作流名称 Workflow Name', 300) ?? '';
		const error = text('errorMessage', '错误 Error', 2000) ?? '未知错误 Unknown error';
		const failedNode = text('failedNode', '出错节点 Failed Node', 300) ?? '';
		const secretariat = parsePerson(
			requiredText(ctx.getNodeParameter('office', i), 'office', '秘书处 Secretariat', 300),
			'office',
			'秘书处 Secretariat',
		);
		const request = await firstRequestOfExecution(store.db, executionId);
		// A decided request's result is Redeliver Result's to hand out; one notice per outcome.
		if (request && request.status !== 'pending') return [];
		const what = request
			? `《${request.title}》（${request.number}）`
			: `工作流「${workflowName}」的执行 ${executionId}`;
		const lines = [
			request?.submitter_name ? `${request.submitter_name}：` : '您好：',
			`${what}在处理过程中出错，未能完成${failedNode ? `（出错步骤：${failedNode}）` : ''}。`,
			request
				? '您的申报已保存，但审批可能未能继续；联合体秘书处已收到本通知，将与您联系处理，无需重复提交。'
				: '联合体秘书处请跟进处理。',
			`错误：${error}`,
			`Processing of ${request ? `${request.title} (${request.number})` : `execution ${executionId} of "${workflowName}"`} failed${failedNode ? ` at "${failedNode}"` : ''}. The secretariat has been told and will follow up.`,
		];
		return {
			to: request ? request.submitter_email : secretariat.email,
			cc: request ? secretariat.email : '',
			subject: `${SUBJECT_ZH}${request ? `[${request.number}] ${request.title}` : workflowName} Processing failed`,
			text: `${lines.join('\n')}\n`,
			html: lines.map((l) => `<p>${escapeHtml(l)}</p>`).join(''),
			executionId,
			requestNumber: request?.number ?? null,
		};
	},
);
