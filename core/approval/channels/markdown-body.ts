import type { NoticeLines } from './notice';
import { inertMarkdown, markdownTarget } from './text';

/**
 * The markdown body the WeCom robot and both DingTalk cards share: labels in bold, user text
 * made inert, and the decision link as the one link in it.
 */
export function markdownBody(lines: NoticeLines, withLink: boolean): string {
	const rows = [
		`**${inertMarkdown(lines.subject)}**`,
		'',
		`审批人 Approver：${inertMarkdown(lines.to)}`,
		`编号 No.：${inertMarkdown(lines.requestNumber)}`,
		`环节 Stage：${inertMarkdown(lines.stage)}`,
		...(lines.due ? [`截止 Due：${lines.due}`] : []),
		...(lines.summary ? ['', `摘要 Summary：${inertMarkdown(lines.summary)}`] : []),
		...(withLink ? ['', `[打开审批 Open to decide](${markdownTarget(lines.link)})`] : []),
	];
	// Two spaces before a break: DingTalk joins single newlines otherwise.
	return rows.join('  \n');
}
