import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { parseRequest, type RequestInput } from '../../../../../core/approval';
import { ValidationError } from '../../../../../core/util/errors';
import { requiredText } from '../../../../../core/util/validate';
import { toNodeError } from '../../../../shared/errors';
import { refusalOf } from '../../../../shared/refusal';
import { itemOperation } from '../../../../shared/operation';
import { attachmentNames, readAttachments } from '../attachments';

const properties: INodeProperties[] = [
	{
		displayName: '审批节点名称 Approval Node Name',
		name: 'approvalNode',
		type: 'string',
		required: true,
		default: '',
		placeholder: '立项审批 Approval',
		description:
			"本工作流中“发起审批”节点的名称。对每一项按该节点的设置（表达式以本项求值）校验申请：审批人、提交人不得自审等，不写入任何内容。通过时原样输出该项并加 valid: true；未通过时输出 valid: false、字段与说明（message、messageHtml）。 The name of the Request Approval node in this workflow. Each item is checked against that node's settings, its expressions evaluated with this item — approvers, no self-approval — and nothing is written. A passing item comes out as it came in with valid: true; a refused one as valid: false with the field and the reason (message, messageHtml).",
	},
];

const LABELS: Record<string, string> = {
	title: '标题 Title',
	subjectType: '对象类型 Subject Type',
	subjectId: '对象 ID Subject ID',
	subjectFields: '摘要字段 Summary Fields',
	submitterEmail: '提交人邮箱 Submitter Email',
	submitterName: '提交人姓名 Submitter Name',
	cc: '抄送 CC',
	stages: '审批阶段 Stages',
	stagesJson: '审批阶段 JSON Stages JSON',
	numberPrefix: '编号前缀 Number Prefix',
};

/** Evaluates every expression inside a node's raw parameters for one item, as n8n would for that node. */
function evaluated(ctx: IExecuteFunctions, value: unknown, i: number): unknown {
	if (typeof value === 'string')
		return value.startsWith('=') ? ctx.evaluateExpression(value.slice(1), i) : value;
	if (Array.isArray(value)) return value.map((v) => evaluated(ctx, v, i));
	if (value && typeof value === 'object')
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluated(ctx, v, i)]));
	return value;
}

/** The same reading of the parameters as Request Approval's own, with its defaults. */
function requestInput(p: IDataObject): RequestInput {
	const options = (p.options ?? {}) as IDataObject;
	return {
		title: p.title ?? '',
		subjectType: p.subjectType ?? 'general',
		subjectId: p.subjectId ?? '',
		subjectFields: p.subjectFields ?? '{}',
		submitterEmail: p.submitterEmail ?? '',
		submitterName: p.submitterName ?? '',
		cc: p.cc ?? '',
		stages:
			p.stagesInput === 'json'
				? (p.stagesJson ?? '[]')
				: (((p.stages ?? {}) as IDataObject).stage ?? []),
		numberPrefix: p.numberPrefix ?? 'SP',
		autoPassRepeatApprover: options.autoPassRepeatApprover,
	};
}

/** Reads no store: the item is checked as Request Approval would read it, and nothing is written. */
export const { description, execute } = itemOperation(
	{ resource: 'request', operation: 'check' },
	properties,
	async (ctx, i) => {
		const name = requiredText(
			ctx.getNodeParameter('approvalNode', i),
			'approvalNode',
			'审批节点名称 Approval Node Name',
			200,
		);
		const raw = ctx.evaluateExpression(`{{ $(${JSON.stringify(name)}).params }}`, i) as
			| IDataObject
			| undefined;
		if (!raw || typeof raw !== 'object') {
			throw new ValidationError(
				`审批节点名称 Approval Node Name: no node "${name}" in this workflow / 工作流中没有该节点`,
				'approvalNode',
				'not_found',
			);
		}
		try {
			const params = evaluated(ctx, raw, i) as IDataObject;
			parseRequest(requestInput(params), {
				linkBase: null,
				executionId: null,
				nodeId: null,
			});
			// 附件: a file missing or over the limit is refused here, before the form saves anything.
			await readAttachments(ctx, i, attachmentNames((params.options ?? {}) as IDataObject));
			return { ...ctx.getInputData()[i].json, valid: true };
		} catch (error) {
			// The submitter approving their own request is fixed in the submitter's field, not the stage's.
			const blamed =
				error instanceof ValidationError && error.code === 'self_approval'
					? new ValidationError(error.message, 'submitterEmail', error.code)
					: error;
			const refusal = refusalOf(blamed, LABELS);
			if (refusal) return refusal;
			throw toNodeError(ctx.getNode(), error, i);
		}
		// A checked item goes on to create its record and then to Request Approval with its files (附件).
	},
	{ keepBinary: true },
);
