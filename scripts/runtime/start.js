#!/usr/bin/env node
// `npm start`: the consortium platform on this machine. Every setting has a printed default.
//   CONSORTIUM_DATA       data folder (n8n user folder, mails)      default .tmp/platform
//   N8N_PORT              n8n port                                   default 5678
//   MAIL_SMTP_PORT        mail catcher SMTP port                     default 2526
//   MAIL_INBOX_PORT       mail catcher web inbox port                default 8025
//   CONSORTIUM_OWNER_EMAIL / CONSORTIUM_OWNER_PASSWORD   n8n login
//   CONSORTIUM_STORE      postgres://user:pass@host:port/db to keep records in PostgreSQL
//                         (default: embedded SQLite in the data folder)
//   CONSORTIUM_PUBLIC_URL public base URL of n8n (links in emails), default http://127.0.0.1:<port>/
//   CONSORTIUM_N8N_URL    use an n8n that already runs there (with this package installed)
//                         instead of starting one; logs in with the owner login above
// Flags: --port N, --data DIR, --store URL, --n8n-url URL, --no-build,
//        --no-demo  leave an empty store empty (by default the demo consortium of
//                   core/directory/demo.ts is loaded into a store that holds no records)
const { join, resolve } = require('node:path');
const { REPO } = require('./paths');
const { startStack, connectStack } = require('./stack');

function flag(name) {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : undefined;
}

const settings = {
	dataDir: resolve(flag('data') || process.env.CONSORTIUM_DATA || join(REPO, '.tmp', 'platform')),
	port: Number(flag('port') || process.env.N8N_PORT || 5678),
	smtpPort: Number(process.env.MAIL_SMTP_PORT || 2526),
	inboxPort: Number(process.env.MAIL_INBOX_PORT || 8025),
	owner: {
		email: process.env.CONSORTIUM_OWNER_EMAIL || 'admin@example.edu.cn',
		password: process.env.CONSORTIUM_OWNER_PASSWORD || 'Consortium-2026',
	},
	store: flag('store') || process.env.CONSORTIUM_STORE || '',
	publicUrl: process.env.CONSORTIUM_PUBLIC_URL || undefined,
	build: !process.argv.includes('--no-build'),
	n8nUrl: flag('n8n-url') || process.env.CONSORTIUM_N8N_URL || '',
	demo: !process.argv.includes('--no-demo'),
	scoreboardAuth: process.env.CONSORTIUM_SCOREBOARD_USER
		? {
				user: process.env.CONSORTIUM_SCOREBOARD_USER,
				password: process.env.CONSORTIUM_SCOREBOARD_PASSWORD || '',
			}
		: undefined,
};

const say = (line) => console.log(line);

async function main() {
	say('产教联合体 n8n-nodes-consortium — starting the local platform');
	say(`  data folder     ${settings.dataDir}   (CONSORTIUM_DATA)`);
	if (!settings.n8nUrl) say(`  n8n port        ${settings.port}   (N8N_PORT)`);
	say(
		`  store           ${settings.store ? settings.store.replace(/:[^:@/]*@/, ':***@') : 'embedded SQLite'}   (CONSORTIUM_STORE)`,
	);
	say(
		`  owner login     ${settings.owner.email} / ${process.env.CONSORTIUM_OWNER_PASSWORD ? '(from CONSORTIUM_OWNER_PASSWORD)' : settings.owner.password}   (CONSORTIUM_OWNER_EMAIL, CONSORTIUM_OWNER_PASSWORD)`,
	);
	const started = Date.now();
	if (settings.n8nUrl) say(`  existing n8n    ${settings.n8nUrl}   (CONSORTIUM_N8N_URL)`);
	const stack = settings.n8nUrl
		? await connectStack({ ...settings, log: say })
		: await startStack({ ...settings, log: say });
	let stopping = false;
	const stop = async (signal) => {
		if (stopping) return;
		stopping = true;
		say(`\n${signal}: stopping n8n and the mail catcher…`);
		await stack.stop();
		say('stopped. Data is kept in ' + settings.dataDir);
		process.exit(0);
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
	stack.n8n.child?.once('exit', (code) => {
		if (stopping) return;
		console.error(`n8n exited unexpectedly (${code}); its log: ${stack.n8n.logPath}`);
		stack.mail.close().then(() => process.exit(1));
	});
	say('');
	say(`Ready in ${Math.round((Date.now() - started) / 1000)} s.`);
	say(`  编辑器 Editor        ${stack.url}`);
	say(
		`  登录 Login           ${settings.owner.email} / ${process.env.CONSORTIUM_OWNER_PASSWORD ? '(your CONSORTIUM_OWNER_PASSWORD)' : settings.owner.password}`,
	);
	say(`  收件箱 Inbox         ${stack.mail.url}   (SMTP 127.0.0.1:${stack.mail.smtpPort})`);
	for (const w of stack.formUrls()) say(`  表单 Form            ${w.formUrl}   (${w.name})`);
	if (!stack.formUrls().length) say('  (no form workflow in workflows/ yet)');
	const board = stack.scoreboardPage();
	if (board)
		say(
			`  看板 Scoreboard: ${board.url}   (${board.authentication === 'none' ? 'public; CONSORTIUM_SCOREBOARD_USER/PASSWORD for Basic Auth' : `login: ${board.authentication}`})`,
		);
	say(
		`  文件 Files           ${stack.filesDir}   (ledgers; /home/node/.n8n-files in the workflows)`,
	);
	say(`  n8n log             ${stack.n8n.logPath}`);
	say('Press Ctrl-C to stop; data persists to the next start.');
}

main().catch((error) => {
	console.error(`\nnpm start failed: ${error.message}`);
	process.exit(1);
});
