// Starts and stops one n8n server from the provisioned runtime. The process runs in its own
// group (n8n forks task runners) and its output goes to <user folder>/n8n.log.
const { spawn } = require('node:child_process');
const { createWriteStream, mkdirSync } = require('node:fs');
const { createServer } = require('node:net');
const { join } = require('node:path');
const { NODE_BIN, N8N_BIN, RUNTIME } = require('./paths');
const { killGroup, run } = require('./proc');

const READY = 'Editor is now accessible';

function freePort() {
	return new Promise((resolvePromise, reject) => {
		const srv = createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolvePromise(port));
		});
	});
}

/** bcrypt with the bcryptjs that n8n itself installs (the format n8n checks logins against). */
function bcryptHash(password) {
	return require(join(RUNTIME, 'node_modules', 'bcryptjs')).hashSync(password, 10);
}

/**
 * n8n 2.40's expression engine takes an isolated-vm isolate from a pool of one for every
 * webhook call of a node other than its own Webhook node, and builds a new one (~100 ms of
 * CPU) for each call beyond the first at the same moment; 50 link previews at once then held
 * every other approver's page for seconds. Lazily, an isolate is made only when an expression
 * is actually evaluated, which approval pages never do. (n8n's own setting.)
 */
const EXPRESSION_ENGINE = { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' };

function n8nEnv({
	userFolder,
	port,
	runnerPort,
	owner,
	host = '127.0.0.1',
	publicUrl,
	timeZone = 'Asia/Shanghai',
	extra = {},
}) {
	const base = publicUrl || `http://${host}:${port}/`;
	const env = { ...process.env };
	// a test process carries jest's own N8N_* settings; the server gets only its own
	for (const key of Object.keys(env))
		if (key.startsWith('N8N_') || key === 'DB_TYPE') delete env[key];
	return {
		...env,
		NODE_ENV: 'production',
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: host,
		N8N_HOST: host,
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: base,
		WEBHOOK_URL: base,
		N8N_WEBHOOK_URL: base,
		N8N_RUNNERS_BROKER_PORT: String(runnerPort),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: owner.email,
		N8N_INSTANCE_OWNER_FIRST_NAME: owner.firstName || 'Admin',
		N8N_INSTANCE_OWNER_LAST_NAME: owner.lastName || '管理员',
		N8N_INSTANCE_OWNER_PASSWORD_HASH: bcryptHash(owner.password),
		GENERIC_TIMEZONE: timeZone,
		TZ: process.env.TZ || timeZone,
		...EXPRESSION_ENGINE,
		...extra,
	};
}

/**
 * Starts n8n and resolves once it logs "Editor is now accessible" (it answers /healthz
 * before its migrations finish, so the health check alone is not enough).
 */
async function startN8n({
	userFolder,
	port,
	runnerPort,
	owner,
	publicUrl,
	timeZone,
	extraEnv,
	echo = false,
	readyTimeoutMs = 300000,
}) {
	port = port || (await freePort());
	runnerPort = runnerPort || (await freePort());
	mkdirSync(userFolder, { recursive: true });
	const env = n8nEnv({ userFolder, port, runnerPort, owner, publicUrl, timeZone, extra: extraEnv });
	const logPath = join(userFolder, 'n8n.log');
	const log = createWriteStream(logPath, { flags: 'a' });
	const child = spawn(NODE_BIN, [N8N_BIN, 'start'], {
		env,
		cwd: userFolder,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	// a test runner or script that exits without stopping us must not leave n8n behind
	const reap = () => {
		try {
			process.kill(-child.pid, 'SIGKILL');
		} catch {
			/* already gone */
		}
	};
	process.once('exit', reap);
	child.once('exit', () => process.off('exit', reap));
	let tail = '';
	const ready = new Promise((resolvePromise, reject) => {
		const timer = setTimeout(
			() =>
				reject(
					new Error(
						`n8n did not become ready in ${readyTimeoutMs} ms; see ${logPath}\n${tail.slice(-3000)}`,
					),
				),
			readyTimeoutMs,
		);
		const onData = (chunk) => {
			log.write(chunk);
			if (echo) process.stdout.write(chunk);
			tail = (tail + chunk).slice(-20000);
			if (tail.includes(READY)) {
				clearTimeout(timer);
				resolvePromise();
			}
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		child.once('exit', (code, signal) => {
			clearTimeout(timer);
			reject(
				new Error(
					`n8n exited (${code ?? signal}) before it was ready; see ${logPath}\n${tail.slice(-3000)}`,
				),
			);
		});
	});
	const server = {
		child,
		port,
		logPath,
		url: publicUrl || `http://127.0.0.1:${port}/`,
		log: () => tail,
		async stop() {
			await killGroup(child);
			log.end();
		},
	};
	try {
		await ready;
	} catch (error) {
		await server.stop();
		throw error;
	}
	child.once('exit', () => log.end());
	return server;
}

/** A one-off n8n CLI command (import:workflow, execute, …) against the same user folder. */
function n8nCli(args, { userFolder, owner, extraEnv }) {
	const env = n8nEnv({ userFolder, port: 0, runnerPort: 0, owner, extra: extraEnv });
	return run(NODE_BIN, [N8N_BIN, ...args], { env, cwd: userFolder });
}

module.exports = { startN8n, n8nCli, freePort, bcryptHash, READY, EXPRESSION_ENGINE };
