import type { LinkState } from '../decide';
import { attachmentLink, humanSize, type AttachmentInfo } from '../attachments';
import { MODE_LABEL, SLOT_LABEL, STAGE_LABEL, modeText } from '../labels';
import type { Decision, RequestRecord } from '../types';
import { formatInZone } from '../../util/time';
import { escapeHtml as e } from '../../util/html';
import { messagePage, pageShell } from './layout';

export function summaryTable(record: RequestRecord): string {
	const rows = [
		['编号 Number', `<span class="num">${e(record.requestNumber)}</span>`],
		['事项 Subject', e(record.subject.title)],
		[
			'提交人 Submitter',
			e(
				record.submitter.name
					? `${record.submitter.name} <${record.submitter.email}>`
					: record.submitter.email,
			),
		],
		...record.subject.fields.map((f) => [e(f.label), e(f.value)]),
	];
	return `<table>${rows.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('')}</table>`;
}

function decisionsTable(record: RequestRecord, timeZone: string): string {
	const rows = record.stages.flatMap((stage) =>
		stage.approvers
			.filter((a) => a.status !== 'waiting' && a.status !== 'pending' && a.status !== 'closed')
			.map(
				(a) =>
					`<tr><td>${e(stage.name)}</td><td>${e(a.name ?? a.email)}${a.delegatedFrom ? `<br><span class="en">代 ${e(a.delegatedFrom)} 审批 For ${e(a.delegatedFrom)}</span>` : ''}</td><td>${e(SLOT_LABEL[a.status])}${a.decidedAt ? `<br><span class="en">${e(formatInZone(a.decidedAt, timeZone))}</span>` : ''}${
						a.comment ? `<br>${e(a.comment)}` : ''
					}</td></tr>`,
			),
	);
	if (!rows.length) return '<p class="en">尚无人审批 No decisions yet</p>';
	return `<table><tr><th>阶段 Stage</th><th>审批人 Approver</th><th>意见 Decision</th></tr>${rows.join('')}</table>`;
}

/**
 * 附件: each file with its name, size and a download at the approver's own link
 * (`?token=…&file=<id>`), which needs that token. Empty when the request has none.
 */
export function attachmentList(attachments: AttachmentInfo[], approverLink: string): string {
	if (!attachments.length || !approverLink) return '';
	const items = attachments
		.map(
			(a) =>
				`<li><a class="file" href="${e(attachmentLink(approverLink, a.id))}" download="${e(a.fileName)}">${e(a.fileName)}</a> <span class="en">${e(humanSize(a.size))}</span></li>`,
		)
		.join('');
	return `<div class="attachments"><div>附件 Attachments</div><ul>${items}</ul></div>`;
}

export interface ConfirmPageInput {
	record: RequestRecord;
	approverEmail: string;
	/** 委托: whom the approver acts for. */
	onBehalfOf?: string | null;
	/** Where the form posts: the approver's own link. */
	action: string;
	token: string;
	formKey: string;
	timeZone: string;
	/** 附件: the request's files, downloaded at `action` (the approver's link) with `file=<id>`. */
	attachments?: AttachmentInfo[];
	/** 退回修改 pressed without a comment: the notice, and what was typed, shown again. */
	commentRequired?: boolean;
	comment?: string | null;
}

/** GET and HEAD show this and nothing more: deciding takes a POST from its buttons. */
export function confirmPage(input: ConfirmPageInput): string {
	const { record } = input;
	const stage = record.stages.find((s) => s.index === record.currentStage);
	const stageLine = stage
		? `${e(stage.name)} · ${e(modeText(stage.mode, stage.quorum, stage.approvers.length))}${stage.dueAt ? ` · 截止 Due ${e(formatInZone(stage.dueAt, input.timeZone))}` : ''}`
		: '';
	return pageShell(
		`审批 ${record.requestNumber}`,
		`<div class="card"><h1>请审批 Approval requested</h1><div class="en">${e(input.approverEmail)}</div>${input.onBehalfOf ? `<p>您代 ${e(input.onBehalfOf)} 审批 You decide on behalf of ${e(input.onBehalfOf)}</p>` : ''}${summaryTable(record)}${attachmentList(input.attachments ?? [], input.action)}<p>当前阶段 Stage: ${stageLine}</p></div>
<div class="card"><h1>已审批 Decisions so far</h1>${decisionsTable(record, input.timeZone)}</div>
<div class="card"><form method="post" action="${e(input.action)}">
<input type="hidden" name="token" value="${e(input.token)}">
<input type="hidden" name="formKey" value="${e(input.formKey)}">
${input.commentRequired ? '<p class="error" role="alert">退回修改须填写审批意见，说明需修改之处。A comment saying what to correct is required to return the request.</p>' : ''}<label for="comment">审批意见（退回修改时必填）Comment (required to return)</label>
<textarea id="comment" name="comment" maxlength="2000">${e(input.comment ?? '')}</textarea>
<div class="buttons"><button class="approve" type="submit" name="decision" value="approve">同意 Approve</button><button class="reject" type="submit" name="decision" value="reject">拒绝 Reject</button><button class="return" type="submit" name="decision" value="return">退回修改 Return for Amendment</button></div>
</form></div>`,
	);
}

export function recordedPage(record: RequestRecord, decision: Decision): string {
	const zh = decision === 'approve' ? '已同意' : decision === 'reject' ? '已拒绝' : '已退回修改';
	const en =
		decision === 'approve'
			? 'Approved'
			: decision === 'reject'
				? 'Rejected'
				: 'Returned for amendment';
	return messagePage(
		decision === 'approve' ? '✅' : decision === 'reject' ? '⛔' : '↩️',
		`${zh}：${record.requestNumber}`,
		`${en}: ${record.requestNumber}. Your decision was recorded.`,
		`您的意见已记录。事项：${record.subject.title}`,
		`Subject: ${record.subject.title}`,
	);
}

/** The page for each state that changes nothing. */
export function statePage(
	state: Exclude<LinkState, 'open' | 'recorded'>,
	record: RequestRecord | null,
): string {
	const number = record?.requestNumber ?? '';
	switch (state) {
		case 'used':
			return messagePage(
				'ℹ️',
				`您已审批过此申请 ${number}`,
				`You have already decided on ${number}. This link has been used.`,
				'链接已使用，无需再次操作。',
				'Nothing was changed.',
			);
		case 'expired':
			return messagePage(
				'⌛',
				`链接已过期 ${number}`,
				`This link has expired (${number}).`,
				'该审批阶段已结束或已超时，链接失效。',
				'The stage has ended or timed out. Nothing was changed.',
			);
		case 'withdrawn':
			return messagePage(
				'↩️',
				`申请已撤回 ${number}`,
				`The request ${number} was withdrawn by its submitter.`,
				'无需审批。',
				'No decision is needed.',
			);
		case 'closed':
			return messagePage(
				'✔️',
				`审批已结束 ${number}`,
				`The request ${number} is already decided (${record?.status === 'approved' ? 'approved' : 'rejected'}).`,
				record?.status === 'approved' ? '结果：已通过。' : '结果：未通过。',
				'Nothing was changed.',
			);
		case 'returned':
			return messagePage(
				'↩️',
				`申请已退回修改，本链接已失效 ${number}`,
				`The request ${number} was returned to its submitter for amendment; this link no longer works.`,
				'申请人修改后重新提交时，审批人将收到新的审批邮件。',
				'When the corrected request is resubmitted, its approvers get a new email. Nothing was changed.',
			);
		case 'self':
			return messagePage(
				'🚫',
				'不能审批自己的申请',
				'You cannot approve your own request.',
				'请联系管理员转交。',
				'Ask an administrator to reassign it.',
			);
		case 'forged':
		case 'unknown':
		default:
			return messagePage(
				'❓',
				'链接无效',
				'This link is not valid.',
				'链接不完整或已被修改，请使用邮件中的原始链接。',
				'It is incomplete or was altered; use the link from your email. Nothing was changed.',
			);
	}
}

/** 附件: why a download was refused — a link that opens nothing (403), or no such file on it (404). */
export function attachmentRefusedPage(state: 'refused' | 'missing'): string {
	return state === 'missing'
		? messagePage(
				'❓',
				'附件不存在',
				'No such attachment.',
				'该申请没有这个附件，请从审批页面重新打开。',
				'This request has no such file; open it again from the approval page.',
			)
		: messagePage(
				'🔒',
				'无权下载附件',
				'You may not download this attachment.',
				'链接无效、不完整或已被修改。请使用邮件中的原始审批链接打开审批页面后下载。',
				'The link is invalid, incomplete or was altered. Open the approval page from the link in your email and download from there.',
			);
}

/** Whatever went wrong, the approver sees this and never a stack trace. */
export function errorPage(): string {
	return messagePage(
		'⚠️',
		'暂时无法处理',
		'Something went wrong.',
		'您的操作未被记录，请稍后重试。',
		'Your decision was not recorded; please try again later.',
	);
}

export { MODE_LABEL, STAGE_LABEL };
