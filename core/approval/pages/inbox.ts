import { escapeHtml as e } from '../../util/html';
import { dateInZone, formatInZone } from '../../util/time';
import type { InboxOutcome, InboxView } from '../inbox';
import { messagePage, pageShell } from './layout';
import { attachmentList } from './render';

/**
 * The 待办 inbox page: a phone-first list of what waits on one person, oldest first, each
 * with its due time and a button to that request's own decision page. The inbox never
 * decides, so a mail scanner opening it changes nothing; its one form, 委托 delegation, acts
 * only on a POST carrying the page's anti-forgery field.
 */
export function inboxPage(
	view: InboxView,
	timeZone: string,
	now: Date = new Date(),
	outcome: InboxOutcome = {},
	status = 200,
): {
	status: number;
	html: string;
} {
	if (view.state === 'expired')
		return {
			status: 410,
			html: messagePage(
				'⌛',
				'待办链接已过期',
				'This inbox link has expired.',
				'请向联合体秘书处索取新的待办链接；邮件中的单项审批链接仍可使用。',
				'Ask the secretariat for a new one; the decision links in your emails still work.',
			),
		};
	if (view.state === 'revoked')
		return {
			status: 410,
			html: messagePage(
				'🔒',
				'待办链接已失效',
				'This inbox link was revoked or replaced.',
				'请使用最新收到的待办链接。',
				'Use the newest inbox link you received.',
			),
		};
	if (view.state !== 'open')
		return {
			status: 404,
			html: messagePage(
				'❓',
				'链接无效',
				'This link is not valid.',
				'链接不完整或已被修改，请使用邮件中的原始链接。',
				'It is incomplete or was altered; use the link from your email.',
			),
		};
	const nowIso = now.toISOString();
	const cards = view.entries
		.map((entry) => {
			const overdue = entry.dueAt !== null && entry.dueAt <= nowIso;
			const due = entry.dueAt
				? `<div style="color:${overdue ? '#cf222e' : '#57606a'}">${overdue ? '已超时 Overdue' : '截止 Due'}：${e(formatInZone(entry.dueAt, timeZone))}</div>`
				: '';
			return `<div class="card"><div class="num">${e(entry.requestNumber)}</div><h1>${e(entry.title)}</h1><div class="en">${e(entry.stageName)} · 提交人 Submitter：${e(entry.submitter)} · 提交于 ${e(formatInZone(entry.createdAt, timeZone))}</div>${due}${attachmentList(entry.attachments, entry.link)}<div class="buttons"><a class="open" href="${e(entry.link)}">打开审批 Open</a></div></div>`;
		})
		.join('');
	const empty =
		'<div class="card"><div class="status">✅</div><h1>暂无待办</h1><div class="en">Nothing is waiting on you.</div></div>';
	const said = outcome.problem
		? `<div class="card" role="alert" style="border-left:4px solid #cf222e">⛔ ${e(outcome.problem.message)}</div>`
		: outcome.notice
			? `<div class="card" role="status" style="border-left:4px solid #1a7f37">✅ ${e(outcome.notice)}</div>`
			: '';
	return {
		status,
		html: pageShell(
			`待办审批 (${view.entries.length})`,
			`<style>.open{flex:1;display:block;text-align:center;font-size:18px;padding:14px;border-radius:10px;background:#0969da;color:#fff;text-decoration:none}input{width:100%;box-sizing:border-box;font:inherit;padding:8px;border:1px solid #d0d7de;border-radius:8px;margin-bottom:8px}.delegate{background:#57606a}</style>${said}<div class="card"><h1>待办审批 <span class="num">${view.entries.length}</span></h1><div class="en">My approvals · ${e(view.email)} · 链接有效至 Valid until ${e(formatInZone(view.expiresAt, timeZone))}</div></div>${view.entries.length ? cards : empty}${delegationCard(view, timeZone, now, outcome)}`,
		),
	};
}

/** 委托: who acts for the owner and when, with a form to set or end it. */
function delegationCard(
	view: Extract<InboxView, { state: 'open' }>,
	timeZone: string,
	now: Date,
	outcome: InboxOutcome,
): string {
	const hidden = `<input type="hidden" name="formKey" value="${e(view.formKey)}">`;
	const current = view.delegation;
	if (current)
		return `<div class="card"><h1>委托代理 Delegation</h1><p>${e(current.deputy.name ?? current.deputy.email)}（${e(current.deputy.email)}）代您审批，${e(current.from)} 至 ${e(current.to)}（含）。<br><span class="en">${e(current.deputy.email)} decides for you from ${e(current.from)} to ${e(current.to)}, inclusive. Requests already sent to you stay with you.</span></p><form method="post">${hidden}<div class="buttons"><button class="delegate" type="submit" name="action" value="endDelegation">结束委托 End delegation</button></div></form></div>`;
	const today = dateInZone(now, timeZone);
	const values = outcome.values ?? {};
	const field = (name: string, label: string, type: string, value: string) =>
		`<label for="${name}">${label}</label><input id="${name}" name="${name}" type="${type}" value="${e(value)}"${type === 'email' ? ' autocomplete="email" placeholder="li@college.edu.cn"' : ''}${outcome.problem?.field === name ? ' aria-invalid="true"' : ''} required>`;
	return `<div class="card"><h1>委托代理 Delegation</h1><div class="en">外出期间，轮到您的审批改由受托人处理；已发给您的不变。<br>While you are away, approvals that reach you go to your deputy; those already sent stay with you.</div><form method="post">${hidden}${field('deputy', '受托人邮箱 Deputy email', 'email', values.deputy ?? '')}${field('from', '开始日期 From', 'date', values.from ?? today)}${field('to', '结束日期（含）To (inclusive)', 'date', values.to ?? '')}<div class="buttons"><button class="delegate" type="submit" name="action" value="delegate">设置委托 Delegate</button></div></form></div>`;
}
