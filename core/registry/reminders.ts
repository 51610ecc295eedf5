import { escapeHtml } from '../util/html';
import type { Deadline } from './deadlines';

export interface ReminderOptions {
	/** Days before a deadline on which its owner is reminded (default 90, 30, 7). */
	reminderDays: number[];
	/** Deadlines this close (or closer) are reminded daily and copied to the secretariat. */
	urgentDays: number;
	/** The secretariat's address; it also receives items whose owner has no email. */
	secretariatEmail: string | null;
}

export const DEFAULT_REMINDER_OPTIONS: ReminderOptions = {
	reminderDays: [90, 30, 7],
	urgentDays: 7,
	secretariatEmail: null,
};

export interface ReminderMessage {
	to: string;
	cc: string;
	subject: string;
	html: string;
	text: string;
	ownerId: string | null;
	ownerName: string | null;
	urgent: boolean;
	itemCount: number;
	items: Deadline[];
}

/** Which deadlines are reminded today: on the reminder days, and every day once urgent. */
export function dueForReminder(d: Deadline, o: ReminderOptions): boolean {
	return d.daysLeft >= 0 && (o.reminderDays.includes(d.daysLeft) || d.daysLeft <= o.urgentDays);
}

/**
 * One message per owner, grouping all their deadlines due for a reminder today, soonest
 * first. The secretariat is copied on a message that holds an urgent item.
 */
export function reminderMessages(
	deadlines: Deadline[],
	options: ReminderOptions = DEFAULT_REMINDER_OPTIONS,
): ReminderMessage[] {
	const groups = new Map<string, Deadline[]>();
	for (const d of deadlines.filter((x) => dueForReminder(x, options))) {
		const to = d.ownerEmail ?? options.secretariatEmail;
		if (!to) continue;
		groups.set(to, [...(groups.get(to) ?? []), d]);
	}
	return [...groups.entries()].map(([to, items]) => {
		items.sort((a, b) => a.daysLeft - b.daysLeft || a.date.localeCompare(b.date));
		const urgent = items.some((d) => d.daysLeft <= options.urgentDays);
		const ownerName = items[0].ownerEmail ? items[0].ownerName : null;
		const cc =
			urgent && options.secretariatEmail && options.secretariatEmail !== to
				? options.secretariatEmail
				: '';
		const soonest = items[0];
		const subject = `${urgent ? '【紧急 Urgent】' : ''}专利与项目期限提醒 Registry deadlines: ${items.length} 项，最近 ${soonest.date}（${soonest.daysLeft} 天）`;
		const line = (d: Deadline) =>
			`${d.date}（剩 ${d.daysLeft} 天 / ${d.daysLeft} days left）${d.kindLabel} · ${d.subjectNo} ${d.subjectTitle}${d.detail ? ` · ${d.detail}` : ''}`;
		const text = [
			`${ownerName ?? ''}您好 / Hello,`,
			'',
			'以下期限即将到期 The following deadlines are coming up:',
			...items.map((d) => `- ${line(d)}`),
			'',
			'产教联合体秘书处 Consortium Secretariat',
		].join('\n');
		const rows = items
			.map(
				(d) =>
					`<tr${d.daysLeft <= options.urgentDays ? ' style="color:#b00020;font-weight:bold"' : ''}><td>${escapeHtml(d.date)}</td><td>${d.daysLeft}</td><td>${escapeHtml(d.kindLabel)}</td><td>${escapeHtml(d.subjectNo)}</td><td>${escapeHtml(d.subjectTitle)}</td><td>${escapeHtml(d.detail ?? '')}</td></tr>`,
			)
			.join('');
		const html = `<p>${escapeHtml(ownerName ?? '')}您好 / Hello,</p><p>以下期限即将到期 The following deadlines are coming up:</p><table border="1" cellpadding="4" cellspacing="0"><thead><tr><th>日期 Date</th><th>剩余天数 Days Left</th><th>类型 Kind</th><th>编号 No.</th><th>名称 Title</th><th>说明 Detail</th></tr></thead><tbody>${rows}</tbody></table><p>产教联合体秘书处 Consortium Secretariat</p>`;
		return {
			to,
			cc,
			subject,
			html,
			text,
			ownerId: items[0].ownerId,
			ownerName,
			urgent,
			itemCount: items.length,
			items,
		};
	});
}
