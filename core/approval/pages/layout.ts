import { escapeHtml, phonePage } from '../../util/html';

/** Marks every page this package serves, so a test (or a support desk) tells ours from n8n's own answers. */
export const PAGE_MARKER = 'n8n-nodes-consortium approval page';

const PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action *; base-uri 'none'";

const PAGE_STYLE = `body{margin:0;background:#f3f5f8;color:#1f2328;font:16px/1.6 -apple-system,BlinkMacSystemFont,"Segoe UI","PingFang SC","Hiragino Sans GB","Microsoft YaHei",sans-serif}
main{max-width:640px;margin:0 auto;padding:16px}
.card{background:#fff;border-radius:12px;padding:20px;margin-bottom:16px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
h1{font-size:20px;margin:0 0 4px}
.en{color:#57606a;font-size:14px}
.num{font-family:ui-monospace,Menlo,Consolas,monospace;color:#0969da}
table{width:100%;border-collapse:collapse}
th,td{text-align:left;padding:6px 4px;border-bottom:1px solid #eaeef2;vertical-align:top;word-break:break-word}
th{width:35%;color:#57606a;font-weight:normal}
textarea{width:100%;box-sizing:border-box;min-height:90px;font:inherit;padding:8px;border:1px solid #d0d7de;border-radius:8px}
.buttons{display:flex;flex-wrap:wrap;gap:12px;margin-top:12px}
button{flex:1;font:inherit;font-size:18px;padding:14px;border:0;border-radius:10px;color:#fff;cursor:pointer}
.approve{background:#1a7f37}.reject{background:#cf222e}.return{background:#9a6700;flex-basis:100%}.error{color:#cf222e}
.status{font-size:40px;text-align:center;margin:8px 0}
.attachments ul{margin:4px 0 8px;padding-left:20px}.attachments a.file{color:#0969da;word-break:break-all}`;

/**
 * The page shell: one column that fits a phone, system fonts with Chinese fallbacks, no
 * script at all, and a policy that forbids any, so an escaped-but-missed string still
 * could not run.
 */
export function pageShell(title: string, body: string): string {
	return phonePage({
		title,
		policy: PAGE_POLICY,
		style: PAGE_STYLE,
		body,
		meta: `<meta name="generator" content="${PAGE_MARKER}">\n`,
	});
}

/** A page that only says something: used, expired, withdrawn, unknown … */
export function messagePage(
	icon: string,
	zh: string,
	en: string,
	detailZh = '',
	detailEn = '',
): string {
	return pageShell(
		zh,
		`<div class="card"><div class="status">${icon}</div><h1>${escapeHtml(zh)}</h1><div class="en">${escapeHtml(en)}</div>${
			detailZh
				? `<p>${escapeHtml(detailZh)}<br><span class="en">${escapeHtml(detailEn)}</span></p>`
				: ''
		}</div>`,
	);
}
