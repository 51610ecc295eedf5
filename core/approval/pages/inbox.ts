import { escapeHtml as e } from '../../util/html';
import { formatInZone } from '../../util/time';
import type { InboxView } from '../inbox';
import { messagePage, pageShell } from './layout';

/**
 * The 待办 inbox page: a phone-first list of what waits on one person, oldest first, each
 * with its due time and a button to that request's own decision page. No form here: the
 * inbox never decides, so a mail scanner opening it changes nothing.
 */
export function inboxPage(
	view: InboxView,
	timeZone: string,
	now: Date = new Date(),
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
			return `<div class="card"><div class="num">${e(entry.requestNumber)}</div><h1>${e(entry.title)}</h1><div class="en">${e(entry.stageName)} · 提交人 Submitter：${e(entry.submitter)} · 提交于 ${e(formatInZone(entry.createdAt, timeZone))}</div>${due}<div class="buttons"><a class="open" href="${e(entry.link)}">打开审批 Open</a></div></div>`;
		})
		.join('');
	const empty =
		'<div class="card"><div class="status">✅</div><h1>暂无待办</h1><div class="en">Nothing is waiting on you.</div></div>';
	return {
		status: 200,
		html: pageShell(
			`待办审批 (${view.entries.length})`,
			`<style>.open{flex:1;display:block;text-align:center;font-size:18px;padding:14px;border-radius:10px;background:#0969da;color:#fff;text-decoration:none}</style><div class="card"><h1>待办审批 <span class="num">${view.entries.length}</span></h1><div class="en">My approvals · ${e(view.email)} · 链接有效至 Valid until ${e(formatInZone(view.expiresAt, timeZone))}</div></div>${view.entries.length ? cards : empty}`,
		),
	};
}
