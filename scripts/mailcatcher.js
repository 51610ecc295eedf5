#!/usr/bin/env node
// A local mail catcher: a real SMTP server on loopback that keeps every message as an .eml
// file (so the inbox survives restarts) and a small web inbox to read them, click their links
// and download their attachments. Used by `npm start` and by the e2e tests.
//   node scripts/mailcatcher.js [--dir DIR] [--smtp-port 2526] [--http-port 8025]
const { createServer } = require('node:http');
const { mkdirSync, readdirSync, readFileSync, writeFileSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { randomBytes } = require('node:crypto');
const { EventEmitter } = require('node:events');
const { SMTPServer } = require('smtp-server');
const { simpleParser } = require('mailparser');

const esc = (s) =>
	String(s ?? '').replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
	);
const addresses = (field) => (field?.value || []).map((a) => a.address).filter(Boolean);

const PAGE_STYLE = `body{font:15px/1.5 system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;margin:0;color:#1f2328}
header{background:#24292f;color:#fff;padding:12px 20px}header a{color:#fff;text-decoration:none}
main{padding:16px 20px}table{border-collapse:collapse;width:100%}td,th{padding:8px;border-bottom:1px solid #d0d7de;text-align:left;vertical-align:top}
tr:hover{background:#f6f8fa}.meta{color:#57606a;font-size:13px}iframe{width:100%;height:70vh;border:1px solid #d0d7de;border-radius:6px}
pre{white-space:pre-wrap;background:#f6f8fa;padding:12px;border-radius:6px}`;

function page(title, body) {
	return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><style>${PAGE_STYLE}</style></head><body><header><a href="/">本地收件箱 Local Inbox</a></header><main>${body}</main></body></html>`;
}

class MailCatcher extends EventEmitter {
	constructor({ dir, host = '127.0.0.1', smtpPort = 2526, httpPort = 8025 }) {
		super();
		this.dir = dir;
		this.host = host;
		this.smtpPort = smtpPort;
		this.httpPort = httpPort;
		this.parsed = new Map();
		mkdirSync(dir, { recursive: true });
	}

	async start() {
		this.smtp = new SMTPServer({
			authOptional: true,
			allowInsecureAuth: true,
			disabledCommands: ['STARTTLS'],
			logger: false,
			size: 50 * 1024 * 1024,
			onAuth: (auth, session, cb) => cb(null, { user: auth.username || 'anyone' }),
			onData: (stream, session, cb) => {
				const chunks = [];
				stream.on('data', (c) => chunks.push(c));
				stream.on('end', () => {
					this.store(Buffer.concat(chunks)).then(() => cb(), cb);
				});
			},
		});
		// A sender that dies mid-session (a SIGKILLed worker) resets its socket; smtp-server
		// re-emits that on the server, and an EventEmitter's unheard 'error' would crash the host.
		this.smtp.on('error', (e) => this.emit('smtp-error', e));
		await new Promise((r, j) => this.smtp.listen(this.smtpPort, this.host, r).once('error', j));
		this.smtpPort = this.smtp.server.address().port;
		this.http = createServer((req, res) => this.handle(req, res).catch((e) => this.fail(res, e)));
		await new Promise((r, j) => this.http.listen(this.httpPort, this.host, r).once('error', j));
		this.httpPort = this.http.address().port;
		this.url = `http://${this.host}:${this.httpPort}/`;
		return this;
	}

	async close() {
		await Promise.all([
			new Promise((r) => (this.smtp ? this.smtp.close(r) : r())),
			new Promise((r) =>
				this.http ? (this.http.closeAllConnections?.(), this.http.close(r)) : r(),
			),
		]);
	}

	async store(raw) {
		// time-ordered names: the inbox sorts by file name
		const id = `${Date.now().toString().padStart(14, '0')}-${randomBytes(4).toString('hex')}`;
		writeFileSync(join(this.dir, `${id}.eml`), raw);
		const mail = await this.get(id);
		this.emit('mail', mail);
		return mail;
	}

	ids() {
		return readdirSync(this.dir)
			.filter((f) => f.endsWith('.eml'))
			.map((f) => f.slice(0, -4))
			.sort();
	}

	/** The parsed message: id, from, to, cc, subject, date, text, html, attachments. */
	async get(id) {
		if (!/^[0-9a-f-]+$/.test(id)) return undefined;
		if (!this.parsed.has(id)) {
			const file = join(this.dir, `${id}.eml`);
			try {
				statSync(file);
			} catch {
				return undefined;
			}
			const m = await simpleParser(readFileSync(file));
			this.parsed.set(id, {
				id,
				from: addresses(m.from)[0] || '',
				to: addresses(m.to),
				cc: addresses(m.cc),
				subject: m.subject || '',
				date: (m.date || new Date()).toISOString(),
				text: m.text || '',
				html: typeof m.html === 'string' ? m.html : '',
				attachments: (m.attachments || []).map((a) => ({
					filename: a.filename || 'attachment',
					contentType: a.contentType,
					size: a.size,
					content: a.content,
				})),
			});
		}
		return this.parsed.get(id);
	}

	async messages() {
		return Promise.all(this.ids().map((id) => this.get(id)));
	}

	/** Resolves with the first message (existing or arriving) that satisfies `match`. */
	waitFor(match, { timeoutMs = 120000, since = 0 } = {}) {
		return new Promise((resolvePromise, reject) => {
			let done = false;
			const finish = (err, mail) => {
				if (done) return;
				done = true;
				clearTimeout(timer);
				this.off('mail', onMail);
				err ? reject(err) : resolvePromise(mail);
			};
			const onMail = (mail) => match(mail) && finish(null, mail);
			const timer = setTimeout(() => finish(new Error('no matching mail arrived')), timeoutMs);
			this.on('mail', onMail);
			this.messages().then(
				(all) => {
					const hit = all.slice(since).find(match);
					if (hit) finish(null, hit);
				},
				(e) => finish(e),
			);
		});
	}

	fail(res, error) {
		res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
		res.end(`mail catcher error: ${error.message}`);
	}

	async handle(req, res) {
		const url = new URL(req.url, this.url);
		const html = (status, body) => {
			res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
			res.end(body);
		};
		if (url.pathname === '/') {
			const all = (await this.messages()).reverse();
			const rows = all
				.map(
					(m) =>
						`<tr><td class="meta">${esc(new Date(m.date).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }))}</td><td>${esc(m.from)}</td><td>${esc(m.to.join(', '))}</td><td><a href="/messages/${m.id}">${esc(m.subject || '(无主题 no subject)')}</a>${m.attachments.length ? '' : ''}</td></tr>`,
				)
				.join('');
			return html(
				200,
				page(
					'本地收件箱 Local Inbox',
					`<p class="meta">${all.length} 封邮件 messages · SMTP ${esc(this.host)}:${this.smtpPort}</p><table><tr><th>时间 Time</th><th>发件人 From</th><th>收件人 To</th><th>主题 Subject</th></tr>${rows}</table>`,
				),
			);
		}
		if (url.pathname === '/api/messages') {
			const all = (await this.messages()).map(({ attachments, ...m }) => ({
				...m,
				attachments: attachments.map(({ content, ...a }) => a),
			}));
			res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
			return res.end(JSON.stringify(all));
		}
		const match = /^\/messages\/([0-9a-f-]+)(\/html|\/attachments\/(\d+)|\.eml)?$/.exec(
			url.pathname,
		);
		const mail = match && (await this.get(match[1]));
		if (!mail) return html(404, page('未找到 Not found', '<p>邮件不存在。No such message.</p>'));
		if (match[2] === '/html') {
			// the message body runs sandboxed: no scripts, links open in a new tab
			res.writeHead(200, {
				'content-type': 'text/html; charset=utf-8',
				'content-security-policy': 'sandbox allow-popups allow-popups-to-escape-sandbox',
			});
			return res.end(mail.html || `<pre>${esc(mail.text)}</pre>`);
		}
		if (match[2] === '.eml') {
			res.writeHead(200, { 'content-type': 'message/rfc822' });
			return res.end(readFileSync(join(this.dir, `${mail.id}.eml`)));
		}
		if (match[3] !== undefined) {
			const a = mail.attachments[Number(match[3])];
			if (!a) return html(404, page('未找到 Not found', '<p>附件不存在。No such attachment.</p>'));
			res.writeHead(200, {
				'content-type': a.contentType || 'application/octet-stream',
				'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(a.filename)}`,
			});
			return res.end(a.content);
		}
		const files = mail.attachments
			.map(
				(a, i) =>
					`<li><a href="/messages/${mail.id}/attachments/${i}">${esc(a.filename)}</a> <span class="meta">${a.size} B</span></li>`,
			)
			.join('');
		return html(
			200,
			page(
				mail.subject,
				`<h2>${esc(mail.subject)}</h2>
<p class="meta">发件人 From: ${esc(mail.from)}<br>收件人 To: ${esc(mail.to.join(', '))}${mail.cc.length ? `<br>抄送 Cc: ${esc(mail.cc.join(', '))}` : ''}<br>时间 Date: ${esc(new Date(mail.date).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }))} · <a href="/messages/${mail.id}.eml">原始邮件 raw</a></p>
${files ? `<ul>${files}</ul>` : ''}<iframe src="/messages/${mail.id}/html" sandbox="allow-popups allow-popups-to-escape-sandbox" title="邮件正文 message body"></iframe>`,
			),
		);
	}
}

async function startMailCatcher(options) {
	return new MailCatcher(options).start();
}

module.exports = { startMailCatcher, MailCatcher };

if (require.main === module) {
	const arg = (name, fallback) => {
		const i = process.argv.indexOf(`--${name}`);
		return i > 0 ? process.argv[i + 1] : fallback;
	};
	startMailCatcher({
		dir: arg('dir', join(process.cwd(), '.tmp', 'mail')),
		smtpPort: Number(arg('smtp-port', 2526)),
		httpPort: Number(arg('http-port', 8025)),
	}).then((c) => {
		console.log(`mail catcher: SMTP 127.0.0.1:${c.smtpPort}, inbox ${c.url}`);
		const stop = () => c.close().then(() => process.exit(0));
		process.on('SIGINT', stop);
		process.on('SIGTERM', stop);
	});
}
