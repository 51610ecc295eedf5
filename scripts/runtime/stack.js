// The whole local platform as one call, shared by `npm start` and the e2e tests:
// build → provision n8n → install the package → mail catcher → n8n → credentials and workflows.
// Tests pass their own temp folder and port 0 (free ports); `npm start` passes fixed ones.
const { existsSync, mkdirSync } = require('node:fs');
const { join } = require('node:path');
const { run } = require('./proc');
const { REPO, PROVISIONED_MARK } = require('./paths');
const { buildPackage, packPackage, installPackage } = require('./pkg');
const { startN8n } = require('./n8n');
const { N8nRest } = require('./rest');
const {
	setupInstance,
	storeCredentialData,
	formUrls,
	scoreboardPage,
	waitPublished,
} = require('./setup');
const { loadDemo, describeDemo } = require('./demo');
const { startMailCatcher } = require('../mailcatcher');

/** Creates the PostgreSQL database named in a `postgres://…/db` store URL if it is missing. */
async function ensurePgDatabase(url, log) {
	const target = new URL(url);
	const database = decodeURIComponent(target.pathname.slice(1)) || 'consortium';
	const admin = new URL(url);
	admin.pathname = '/postgres';
	const { Client } = require('pg');
	const client = new Client({ connectionString: admin.toString() });
	await client.connect();
	try {
		const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [
			database,
		]);
		if (!rowCount) {
			await client.query(`create database "${database.replace(/"/g, '""')}"`);
			log(`      created PostgreSQL database ${database}`);
		}
	} finally {
		await client.end();
	}
}

async function provisionN8n({ log }) {
	if (existsSync(PROVISIONED_MARK)) return;
	log('provisioning n8n on its own Node 24 (first run only: a few minutes)…');
	await run('bash', [join(REPO, 'scripts', 'provision-n8n.sh')], { echo: true });
}

/**
 * @param {object} o
 * @param {string} o.dataDir      user folder of n8n, mail files, tarball
 * @param {number} [o.port]       n8n port (0/undefined: a free one)
 * @param {number} [o.smtpPort]   mail catcher SMTP port (0: free)
 * @param {number} [o.inboxPort]  mail catcher web port (0: free)
 * @param {{email:string,password:string}} o.owner
 * @param {string} [o.store]      postgres://… URL, or a SQLite file path
 * @param {string} [o.workflowsDir]
 * @param {boolean} [o.build]     run `npm run build` first (default true)
 * @param {string} [o.tarball]    an already packed package to install instead of packing
 * @param {boolean} [o.demo]      load the demo consortium into an empty store (`npm start` does)
 */
async function startStack(o) {
	const log = o.log || (() => {});
	const steps = 6;
	const step = (n, text) => log(`[${n}/${steps}] ${text}`);
	mkdirSync(o.dataDir, { recursive: true });
	const userFolder = join(o.dataDir, 'n8n');
	// files workflows read and write (ledgers); the only folder n8n lets them touch
	const filesDir = join(o.dataDir, 'files');
	mkdirSync(filesDir, { recursive: true });

	let tarball = o.tarball;
	if (!tarball) {
		step(1, 'building the package (npm run build)…');
		if (o.build !== false) await buildPackage({ log });
		tarball = await packPackage();
	} else step(1, `using package ${tarball}`);

	step(2, 'n8n runtime…');
	await provisionN8n({ log });

	step(3, 'installing the package into n8n as a community package…');
	const installed = await installPackage(tarball, userFolder);
	log(`      ${installed.target} (${installed.nodes.join(', ')})`);

	if (o.store && /^postgres(ql)?:\/\//.test(o.store)) await ensurePgDatabase(o.store, log);
	const demo = o.demo
		? await loadDemo(
				storeCredentialData({
					store: o.store,
					sqlitePath: join(userFolder, '.n8n', 'consortium.sqlite'),
				}),
			)
		: undefined;
	if (o.demo !== undefined) log(`      ${describeDemo(demo)}`);

	step(4, 'starting the mail catcher…');
	const mail = await startMailCatcher({
		dir: join(o.dataDir, 'mail'),
		smtpPort: o.smtpPort ?? 0,
		httpPort: o.inboxPort ?? 0,
	});

	step(5, 'starting n8n (about a minute)…');
	let n8n;
	const startServer = async (port) => {
		n8n = await startN8n({
			userFolder,
			port,
			owner: o.owner,
			publicUrl: o.publicUrl,
			echo: o.echo,
			extraEnv: { N8N_RESTRICT_FILE_ACCESS_TO: filesDir, ...o.extraEnv },
		});
		return n8n;
	};
	try {
		await startServer(o.port);
	} catch (error) {
		await mail.close();
		throw error;
	}

	step(6, 'credentials and workflows…');
	const rest = new N8nRest(n8n.url);
	let setup;
	try {
		await rest.login(o.owner.email, o.owner.password);
		setup = await setupInstance(rest, {
			storeData: storeCredentialData({
				store: o.store,
				sqlitePath: join(userFolder, '.n8n', 'consortium.sqlite'),
			}),
			smtp: { port: mail.smtpPort },
			workflowsDir: o.workflowsDir || join(REPO, 'workflows'),
			scoreboardAuth: o.scoreboardAuth,
			filesDir,
			log: (m) => log(`      ${m}`),
		});
	} catch (error) {
		await n8n.stop();
		await mail.close();
		throw error;
	}

	const stack = {
		userFolder,
		filesDir,
		demo,
		mail,
		rest,
		setup,
		get n8n() {
			return n8n;
		},
		get url() {
			return n8n.url;
		},
		formUrls: () => formUrls(n8n.url, setup.workflows),
		scoreboardUrl: () => scoreboardPage(n8n.url, setup.workflows)?.url,
		scoreboardPage: () => scoreboardPage(n8n.url, setup.workflows),
		/** Stops and starts n8n on the same port and data (waiting executions must survive). */
		async restartN8n() {
			await n8n.stop();
			await startServer(n8n.port);
			await rest.login(o.owner.email, o.owner.password);
			for (const w of setup.workflows) if (w.active) await waitPublished(rest, w.id);
		},
		async stop() {
			await n8n.stop();
			await mail.close();
		},
	};
	return stack;
}

/**
 * The same set-up against an n8n that already runs elsewhere (`CONSORTIUM_N8N_URL`): the
 * package must be installed there (Settings → Community nodes); this adds the credentials,
 * workflows and a local mail catcher, and leaves that n8n running when it stops.
 */
async function connectStack(o) {
	const log = o.log || (() => {});
	mkdirSync(o.dataDir, { recursive: true });
	log('[1/3] starting the mail catcher…');
	const mail = await startMailCatcher({
		dir: join(o.dataDir, 'mail'),
		smtpPort: o.smtpPort ?? 0,
		httpPort: o.inboxPort ?? 0,
	});
	const url = o.n8nUrl.replace(/\/?$/, '/');
	const rest = new N8nRest(url);
	let setup;
	let demo;
	try {
		// An embedded store lives inside that n8n's own user folder, out of reach from here.
		if (o.demo && o.store && /^postgres(ql)?:\/\//.test(o.store))
			demo = await loadDemo(storeCredentialData({ store: o.store, sqlitePath: '' }));
		if (o.demo !== undefined)
			log(
				`      ${o.demo && !demo ? 'demo consortium: not loaded (the embedded store sits in that n8n; import the directory with the directory import form)' : describeDemo(demo)}`,
			);
		log(`[2/3] signing in to ${url}…`);
		await rest.login(o.owner.email, o.owner.password);
		log('[3/3] credentials and workflows…');
		setup = await setupInstance(rest, {
			// empty path: the credential's default, consortium.sqlite in that n8n's user folder
			storeData: storeCredentialData({ store: o.store, sqlitePath: '' }),
			smtp: { port: mail.smtpPort },
			workflowsDir: o.workflowsDir || join(REPO, 'workflows'),
			scoreboardAuth: o.scoreboardAuth,
			log: (m) => log(`      ${m}`),
		});
	} catch (error) {
		await mail.close();
		throw error;
	}
	return {
		external: true,
		demo,
		mail,
		rest,
		setup,
		url,
		filesDir: '/home/node/.n8n-files (in that n8n)',
		n8n: { url, logPath: '(managed elsewhere)', child: null },
		formUrls: () => formUrls(url, setup.workflows),
		scoreboardUrl: () => scoreboardPage(url, setup.workflows)?.url,
		scoreboardPage: () => scoreboardPage(url, setup.workflows),
		stop: () => mail.close(),
	};
}

module.exports = { startStack, connectStack };
