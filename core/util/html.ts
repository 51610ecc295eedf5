const HTML_ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;',
	'`': '&#96;',
};

/**
 * Every user-supplied string goes through this before it reaches HTML or XML: approval pages and
 * emails, registry reminders, the scoreboard report, the cells of generated xlsx files.
 */
export function escapeHtml(value: unknown): string {
	return String(value ?? '').replace(/[&<>"'`]/g, (c) => HTML_ESCAPES[c]);
}

/**
 * A page people open on a phone: one column, system fonts, no script, and a content policy
 * that forbids whatever the page does not need, so an escaped-but-missed string still could
 * not run. `meta` goes in the head before the policy; `style` is the page's own CSS.
 */
export function phonePage(page: {
	title: string;
	policy: string;
	style: string;
	body: string;
	meta?: string;
}): string {
	return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
${page.meta ?? ''}<meta http-equiv="Content-Security-Policy" content="${page.policy}">
<title>${escapeHtml(page.title)}</title>
<style>
${page.style}
</style>
</head>
<body><main>${page.body}</main></body>
</html>`;
}
