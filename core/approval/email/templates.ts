import { modeText } from '../labels';
import { escapeHtml as e } from '../../util/html';
import type { RequestRecord } from '../types';
import { formatInZone } from '../../util/time';

/**
 * Emails that read on a phone and in Outlook: a single 600px table, inline styles only,
 * a bulletproof table-cell button, and a plain-text part with the same content.
 */

export interface EmailContent {
	subject: string;
	html: string;
	text: string;
}

export type EmailKind = 'request' | 'reminder' | 'cc' | 'result' | 'due';

const FONT = `font-family:'PingFang SC','Microsoft YaHei',Arial,sans-serif;`;

function wrap(headingZh: string, headingEn: string, inner: string): string {
	return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="margin:0;padding:0;background:#f3f5f8;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f3f5f8;"><tr><td align="center" style="padding:16px 8px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background:#ffffff;border-radius:8px;">
<tr><td style="padding:20px 20px 8px 20px;${FONT}font-size:20px;color:#1f2328;font-weight:bold;">${e(headingZh)}</td></tr>
<tr><td style="padding:0 20px 12px 20px;${FONT}font-size:14px;color:#57606a;">${e(headingEn)}</td></tr>
${inner}
</table></td></tr></table></body></html>`;
}

function summaryRows(record: RequestRecord): string {
	const rows: Array<[string, string]> = [
		['编号 Number', record.requestNumber],
		['事项 Subject', record.subject.title],
		[
			'提交人 Submitter',
			record.submitter.name
				? `${record.submitter.name} <${record.submitter.email}>`
				: record.submitter.email,
		],
		...record.subject.fields.map((f): [string, string] => [f.label, f.value]),
	];
	const cells = rows
		.map(
			([k, v]) =>
				`<tr><td width="35%" style="padding:6px 4px;border-bottom:1px solid #eaeef2;${FONT}font-size:14px;color:#57606a;vertical-align:top;">${e(k)}</td><td style="padding:6px 4px;border-bottom:1px solid #eaeef2;${FONT}font-size:14px;color:#1f2328;vertical-align:top;">${e(v)}</td></tr>`,
		)
		.join('');
	return `<tr><td style="padding:0 20px;"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">${cells}</table></td></tr>`;
}

function linkButton(link: string, label: string): string {
	return `<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr><td bgcolor="#1a7f37" style="border-radius:8px;"><a href="${e(link)}" style="display:inline-block;padding:12px 24px;${FONT}font-size:16px;color:#ffffff;text-decoration:none;">${e(label)}</a></td></tr></table>`;
}

function button(link: string): string {
	return `<tr><td style="padding:20px;">${linkButton(link, '打开审批页面 Open to decide')}
<p style="${FONT}font-size:12px;color:#57606a;">打开链接不会自动审批，请在页面上点击 “同意” 或 “拒绝”。Opening the link decides nothing; choose Approve or Reject on the page.<br>${e(link)}</p></td></tr>`;
}

function amendButton(link: string): string {
	return `<tr><td style="padding:20px;">${linkButton(link, '修改并重新提交 Correct and resubmit')}
<p style="${FONT}font-size:12px;color:#57606a;">${e(link)}</p></td></tr>`;
}

function textSummary(record: RequestRecord): string {
	return [
		`编号 Number: ${record.requestNumber}`,
		`事项 Subject: ${record.subject.title}`,
		`提交人 Submitter: ${record.submitter.name ? `${record.submitter.name} <${record.submitter.email}>` : record.submitter.email}`,
		...record.subject.fields.map((f) => `${f.label}: ${f.value}`),
	].join('\n');
}

function stageLine(record: RequestRecord, timeZone: string): { zh: string; text: string } {
	const stage = record.stages.find((s) => s.index === record.currentStage);
	if (!stage) return { zh: '', text: '' };
	const due = stage.dueAt ? ` · 截止 Due ${formatInZone(stage.dueAt, timeZone)}` : '';
	const line = `${stage.name} · ${modeText(stage.mode, stage.quorum, stage.approvers.length)}${due}`;
	return { zh: line, text: `阶段 Stage: ${line}` };
}

export function approverEmail(
	record: RequestRecord,
	link: string | null,
	timeZone: string,
	reminder: boolean,
): EmailContent {
	const stage = stageLine(record, timeZone);
	const zh = reminder ? '催办：请审批' : '请审批';
	const en = reminder ? 'Reminder: approval requested' : 'Approval requested';
	return {
		subject: `[${record.requestNumber}] ${zh} ${en}: ${record.subject.title}`,
		html: wrap(
			`${zh}：${record.subject.title}`,
			`${en} · ${record.requestNumber}`,
			`${summaryRows(record)}<tr><td style="padding:12px 20px 0 20px;${FONT}font-size:14px;color:#1f2328;">${e(stage.zh)}</td></tr>${link ? button(link) : ''}`,
		),
		text: `${zh} ${en}\n\n${textSummary(record)}\n${stage.text}\n\n${link ? `打开链接审批（打开不会自动审批）Open to decide (opening decides nothing):\n${link}\n` : ''}`,
	};
}

export function ccEmail(record: RequestRecord): EmailContent {
	return {
		subject: `[${record.requestNumber}] 抄送：已提交审批 FYI: submitted for approval: ${record.subject.title}`,
		html: wrap(
			`抄送：${record.subject.title} 已提交审批`,
			`FYI: submitted for approval · ${record.requestNumber}`,
			summaryRows(record),
		),
		text: `抄送：已提交审批 FYI: submitted for approval\n\n${textSummary(record)}\n`,
	};
}

/**
 * `resent`: a 补投 after n8n lost the execution that carried the result. The lost run may have
 * sent its mail before it died, and nothing can tell, so the copy says it may be a repeat.
 */
export function resultEmail(record: RequestRecord, resent = false): EmailContent {
	const approved = record.status === 'approved';
	const withdrawn = record.reason === 'withdrawn';
	const zh = withdrawn ? '已撤回' : approved ? '已通过' : '未通过';
	const en = withdrawn ? 'Withdrawn' : approved ? 'Approved' : 'Rejected';
	const comments = record.stages
		.flatMap((s) =>
			s.approvers
				.filter((a) => a.comment && (a.status === 'approved' || a.status === 'rejected'))
				.map((a) => `${s.name} · ${a.name ?? a.email}: ${a.comment}`),
		)
		.slice(0, 20);
	const commentRows = comments
		.map(
			(c) =>
				`<tr><td style="padding:4px 20px;${FONT}font-size:14px;color:#1f2328;">${e(c)}</td></tr>`,
		)
		.join('');
	const resentZh = '系统故障后补发；如已收到同一结果，以任一封为准。';
	const resentEn =
		'Resent after a system fault; if you already have this result, both say the same.';
	const resentRow = resent
		? `<tr><td style="padding:4px 20px;${FONT}font-size:13px;color:#9a6700;">${resentZh} ${resentEn}</td></tr>`
		: '';
	const mark = resent ? '（补发 Resent）' : '';
	return {
		subject: `[${record.requestNumber}] 审批结果${mark}：${zh} Result: ${en}: ${record.subject.title}`,
		html: wrap(
			`审批结果：${zh}`,
			`Result: ${en} · ${record.requestNumber}`,
			`${resentRow}${summaryRows(record)}${commentRows}`,
		),
		text: `审批结果：${zh} Result: ${en}\n${resent ? `${resentZh}\n${resentEn}\n` : ''}\n${textSummary(record)}\n${comments.join('\n')}\n`,
	};
}

/**
 * 退回修改: the submitter learns what to correct and gets the amend link (the form, prefilled).
 * Without an amend form the mail says to ask the secretariat.
 */
export function returnedEmail(
	record: RequestRecord,
	comment: string,
	returnedBy: string,
	amendUrl: string | null,
): EmailContent {
	const zh = '退回修改';
	const en = 'Returned for amendment';
	const commentRow = `<tr><td style="padding:8px 20px;${FONT}font-size:14px;color:#1f2328;">${e(`审批意见 Comment（${returnedBy}）：${comment}`)}</td></tr>`;
	const hint = amendUrl
		? '请打开链接修改后重新提交，编号不变。Open the link, correct the request and submit it again; its number stays the same.'
		: '请联系联合体秘书处修改后重新提交。Ask the secretariat how to correct and resubmit it.';
	return {
		subject: `[${record.requestNumber}] ${zh} ${en}: ${record.subject.title}`,
		html: wrap(
			`${zh}：${record.subject.title}`,
			`${en} · ${record.requestNumber}`,
			`${commentRow}${summaryRows(record)}<tr><td style="padding:12px 20px 0 20px;${FONT}font-size:14px;color:#1f2328;">${e(hint)}</td></tr>${amendUrl ? amendButton(amendUrl) : ''}`,
		),
		text: `${zh} ${en}\n\n审批意见 Comment（${returnedBy}）：${comment}\n\n${textSummary(record)}\n${hint}\n${amendUrl ? `${amendUrl}\n` : ''}`,
	};
}

export function dueEmail(record: RequestRecord, timeZone: string): EmailContent {
	const stage = stageLine(record, timeZone);
	return {
		subject: `[${record.requestNumber}] 审批到期 Approval stage due: ${record.subject.title}`,
		html: wrap(
			'审批阶段已到期，将按超时规则处理',
			`The stage is due; its timeout rule applies · ${record.requestNumber}`,
			`${summaryRows(record)}<tr><td style="padding:12px 20px;${FONT}font-size:14px;">${e(stage.zh)}</td></tr>`,
		),
		text: `审批阶段已到期，将按超时规则处理 The stage is due; its timeout rule applies\n\n${textSummary(record)}\n${stage.text}\n`,
	};
}

/**
 * The mail that hands an approver their 待办 inbox link. As a 催办 reminder it names the
 * requests it reminds of (`reminding`), so one mail covers them all.
 */
export function inboxEmail(
	inbox: { email: string; link: string; expiresAt: string },
	timeZone: string,
	reminding: Array<{ requestNumber: string; title: string }> = [],
): EmailContent {
	const until = formatInZone(inbox.expiresAt, timeZone);
	const zh = `这是您的个人待办链接：所有等待您审批的申请都列在一页，按提交先后排列。链接有效至 ${until}，仅供本人使用，请勿转发。`;
	const en = `Your personal inbox: every request waiting on you, on one page, oldest first. Valid until ${until}; it is yours alone, do not forward it.`;
	const count = reminding.length;
	const listRows = reminding
		.map(
			(r) =>
				`<tr><td style="padding:4px 20px;${FONT}font-size:14px;color:#1f2328;">${e(r.requestNumber)} · ${e(r.title)}</td></tr>`,
		)
		.join('');
	const listText = reminding.map((r) => `- ${r.requestNumber} ${r.title}\n`).join('');
	const heading = count
		? { zh: `催办：${count} 项审批等待您处理`, en: `Reminder: ${count} approval(s) wait on you` }
		: { zh: '您的待办审批', en: 'Your approvals inbox' };
	return {
		subject: count
			? `【催办】${count} 项审批等待您处理 ${count} approval(s) wait on you`
			: '【待办审批】您的个人待办链接 Your approvals inbox',
		html: wrap(
			heading.zh,
			heading.en,
			`${listRows}<tr><td style="padding:12px 20px;${FONT}font-size:14px;color:#1f2328;">${e(zh)}<br><span style="color:#57606a;">${e(en)}</span></td></tr><tr><td style="padding:20px;">${linkButton(inbox.link, '打开待办 Open my inbox')}</td></tr>`,
		),
		text: `${count ? `${heading.zh} ${heading.en}\n${listText}\n` : ''}${zh}\n${en}\n\n${inbox.link}\n`,
	};
}
