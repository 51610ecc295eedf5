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
