// n8n in queue mode, the way a consortium runs it when one process is not enough: its own
// PostgreSQL cluster (n8n's database and the ConsortiumStore), Redis, one main process,
// workers and a webhook process, every one with the package installed and the same
// encryption key. Each part can be killed and restarted on its own, for the fault tests.
const { spawn } = require('node:child_process');
const { createWriteStream, existsSync, mkdirSync, rmSync, readdirSync } = require('node:fs');
const { randomBytes } = require('node:crypto');
const { join } = require('node:path');
const { NODE_BIN, N8N_BIN, REPO, PROVISIONED_MARK } = require('./paths');
const { run, killGroup } = require('./proc');
const { startN8n, freePort, EXPRESSION_ENGINE } = require('./n8n');
const { buildPackage, packPackage, installPackage } = require('./pkg');
const { N8nRest } = require('./rest');
const { setupInstance, storeCredentialData } = require('./setup');
const { startMailCatcher } = require('../mailcatcher');

const PGBIN = () => {
	const root = '/usr/lib/postgresql';
	const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(a) - Number(b)) : [];
	if (!versions.length) throw new Error('PostgreSQL is not installed (apt-get install postgresql)');
	return join(root, versions.pop(), 'bin');
};
const asPg = (cmd, args) =>
	process.getuid && process.getuid() === 0
		? ['runuser', ['-u', 'postgres', '--', cmd, ...args]]
		: [cmd, args];

/** A PostgreSQL cluster of our own (scripts/pg.sh), so restarting it disturbs no other suite. */
async function startPostgres(port) {
	const dir = `/tmp/consortium-queue-pg-${port}`;
	const env = { ...process.env, CONSORTIUM_PG_PORT: String(port), CONSORTIUM_PG_DIR: dir };
	const { out } = await run('bash', [join(REPO, 'scripts', 'pg.sh')], { env });
	const url = out.trim().split('\n').pop();
	const ctl = (action, extra = []) =>
		run(...asPg(join(PGBIN(), 'pg_ctl'), ['-D', dir, ...extra, action]), {
			allowFail: action === 'stop',
		});
	return {
		url,
		port,
		dir,
		/** Stops the cluster at once (open connections are cut), then brings it back. */
		async restart({ downMs = 3000 } = {}) {
			await ctl('stop', ['-m', 'fast', '-w']);
			await new Promise((r) => setTimeout(r, downMs));
			await run('bash', [join(REPO, 'scripts', 'pg.sh')], { env });
		},
		async stop() {
			await ctl('stop', ['-m', 'fast', '-w']);
		},
		async destroy() {
			await ctl('stop', ['-m', 'immediate', '-w']);
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

async function createDatabase(adminUrl, name) {
	const { Client } = require(require.resolve('pg', { paths: [REPO] }));
	const client = new Client({ connectionString: adminUrl });
	await client.connect();
	await client.query(`create database ${name}`);
	await client.end();
	const u = new URL(adminUrl);
	u.pathname = `/${name}`;
	return u.toString();
}

/** Spawns a long-running process in its own group, logging to a file, resolved once `ready` appears. */
function startProcess(name, command, args, { env, cwd, logPath, ready, readyTimeoutMs = 240000 }) {
	const log = createWriteStream(logPath, { flags: 'a' });
	const child = spawn(command, args, {
		env,
		cwd,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let tail = '';
	const up = new Promise((resolvePromise, reject) => {
		const timer = setTimeout(
			() =>
				reject(
					new Error(
						`${name} not ready in ${readyTimeoutMs} ms; see ${logPath}\n${tail.slice(-3000)}`,
					),
				),
			readyTimeoutMs,
		);
		const onData = (chunk) => {
			log.write(chunk);
			tail = (tail + chunk).slice(-20000);
			if (tail.includes(ready)) {
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
					`${name} exited (${code ?? signal}) before it was ready; see ${logPath}\n${tail.slice(-3000)}`,
				),
			);
		});
	});
	child.once('exit', () => log.end());
	const proc = {
		name,
		child,
		logPath,
		log: () => tail,
		ready: up,
		/** SIGKILL, no goodbye: what a crashed machine does. */
		kill() {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				/* gone */
			}
			return new Promise((r) =>
				child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', r),
			);
		},
		stop: () => killGroup(child),
	};
	return proc;
}

async function startRedis(dataDir) {
	const port = await freePort();
	const dir = join(dataDir, 'redis');
	mkdirSync(dir, { recursive: true });
	const redis = startProcess(
		'redis',
		'redis-server',
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--dir',
			dir,
			'--save',
			'',
			'--appendonly',
			'no',
			'--protected-mode',
			'yes',
		],
		{
			env: process.env,
			cwd: dir,
			logPath: join(dir, 'redis.log'),
			ready: 'Ready to accept connections',
			readyTimeoutMs: 30000,
		},
	);
	await redis.ready;
	return { ...redis, port };
}

/**
 * @param {object} o
 * @param {string} o.dataDir
 * @param {{email:string,password:string}} o.owner
 * @param {string} o.workflowsDir  workflows to import and activate
 * @param {number} [o.workers]     worker processes (default 2)
 * @param {number} [o.concurrency] jobs per worker (default 10)
 * @param {string} [o.tarball]
 */
async function startQueueStack(o) {
	const log = o.log || (() => {});
	const dataDir = o.dataDir;
	mkdirSync(dataDir, { recursive: true });
	const parts = [];
	const cleanup = async () => {
		for (const p of parts.reverse()) await p().catch(() => {});
	};
	try {
		log('[queue] package…');
		let tarball = o.tarball;
		if (!tarball) {
			if (o.build !== false) await buildPackage({ log });
			tarball = await packPackage();
		}
		if (!existsSync(PROVISIONED_MARK))
			await run('bash', [join(REPO, 'scripts', 'provision-n8n.sh')], { echo: true });

		log('[queue] PostgreSQL and Redis…');
		const pg = await startPostgres(await freePort());
		parts.push(() => pg.destroy());
		const tag = randomBytes(4).toString('hex');
		const n8nDbUrl = await createDatabase(pg.url, `n8n_${tag}`);
		const storeUrl = await createDatabase(pg.url, `store_${tag}`);
		const redis = await startRedis(dataDir);
		parts.push(() => redis.stop());
		const mail = await startMailCatcher({ dir: join(dataDir, 'mail'), smtpPort: 0, httpPort: 0 });
		parts.push(() => mail.close());

		const db = new URL(n8nDbUrl);
		const webhookPort = await freePort();
		const webhookUrl = `http://127.0.0.1:${webhookPort}/`;
		const shared = {
			EXECUTIONS_MODE: 'queue',
			N8N_ENCRYPTION_KEY: o.encryptionKey || `queue-e2e-${tag}`,
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: db.hostname,
			DB_POSTGRESDB_PORT: db.port,
			DB_POSTGRESDB_DATABASE: db.pathname.slice(1),
			DB_POSTGRESDB_USER: decodeURIComponent(db.username),
			DB_POSTGRESDB_PASSWORD: decodeURIComponent(db.password),
			// n8n's default pool of 2 connections per process starves under a burst of
			// decisions on a loaded machine: saves time out after 20 s and executions stay
			// 'waiting' in n8n's table although their request was decided and delivered
			DB_POSTGRESDB_POOL_SIZE: '10',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			QUEUE_BULL_PREFIX: `bull${tag}`,
			// resume URLs and production webhooks go to the webhook process, as behind a load balancer
			WEBHOOK_URL: webhookUrl,
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			NODE_ENV: 'production',
			GENERIC_TIMEZONE: 'Asia/Shanghai',
			// a killed worker's job is noticed and handed on within seconds, not the default 30
			QUEUE_WORKER_LOCK_DURATION: '10000',
			QUEUE_WORKER_LOCK_RENEW_TIME: '3000',
			QUEUE_WORKER_STALLED_INTERVAL: '5000',
			...EXPRESSION_ENGINE,
			...(o.extraEnv || {}),
		};

		const folder = (name) => join(dataDir, name);
		log('[queue] installing the package into main, workers and webhook…');
		const names = [
			'main',
			...Array.from({ length: o.workers ?? 2 }, (_, i) => `worker${i + 1}`),
			'webhook',
		];
		for (const name of names) await installPackage(tarball, folder(name));

		log('[queue] main process…');
		let main;
		const mainPort = await freePort();
		const startMain = async () => {
			main = await startN8n({
				userFolder: folder('main'),
				port: mainPort,
				owner: o.owner,
				extraEnv: shared,
			});
			return main;
		};
		await startMain();
		parts.push(() => main.stop());
		const rest = new N8nRest(main.url);
		await rest.login(o.owner.email, o.owner.password);
		const setup = await setupInstance(rest, {
			storeData: storeCredentialData({ store: storeUrl }),
			smtp: { port: mail.smtpPort },
			workflowsDir: o.workflowsDir,
			log: (m) => log(`[queue]   ${m}`),
		});

		const processEnv = async (name, port) => {
			const env = { ...process.env };
			for (const key of Object.keys(env))
				if (key.startsWith('N8N_') || key === 'DB_TYPE') delete env[key];
			return {
				...env,
				...shared,
				N8N_USER_FOLDER: folder(name),
				N8N_PORT: String(port || (await freePort())),
				N8N_LISTEN_ADDRESS: '127.0.0.1',
				N8N_RUNNERS_BROKER_PORT: String(await freePort()),
				TZ: process.env.TZ || 'Asia/Shanghai',
			};
		};
		const workers = new Map();
		const startWorker = async (name) => {
			if (!existsSync(folder(name))) await installPackage(tarball, folder(name));
			const w = startProcess(
				name,
				NODE_BIN,
				[N8N_BIN, 'worker', `--concurrency=${o.concurrency ?? 10}`],
				{
					env: await processEnv(name),
					cwd: folder(name),
					logPath: join(folder(name), 'n8n.log'),
					ready: 'n8n worker is now ready',
				},
			);
			await w.ready;
			workers.set(name, w);
			return w;
		};
		log('[queue] workers and webhook process…');
		const workerNames = names.filter((n) => n.startsWith('worker'));
		await Promise.all(workerNames.map(startWorker));
		parts.push(async () => {
			for (const w of workers.values()) await w.stop();
		});
		const webhook = startProcess('webhook', NODE_BIN, [N8N_BIN, 'webhook'], {
			env: await processEnv('webhook', webhookPort),
			cwd: folder('webhook'),
			logPath: join(folder('webhook'), 'n8n.log'),
			ready: 'Webhook listener waiting for requests',
		});
		await webhook.ready;
		parts.push(() => webhook.stop());
		log(
			`[queue] ready: main ${main.url}, webhook ${webhookUrl}, ${workers.size} workers, redis :${redis.port}, postgres :${pg.port}`,
		);

		/** One query on n8n's own database, on a connection of its own. */
		const queryN8nDb = async (text, params) => {
			const { Client } = require(require.resolve('pg', { paths: [REPO] }));
			const client = new Client({ connectionString: n8nDbUrl });
			await client.connect();
			try {
				return (await client.query(text, params)).rows;
			} finally {
				await client.end();
			}
		};
		return {
			pg,
			redis,
			mail,
			rest,
			setup,
			storeUrl,
			n8nDbUrl,
			webhookUrl,
			workers,
			webhook,
			get main() {
				return main;
			},
			get mainUrl() {
				return main.url;
			},
			/** SIGKILLs a worker; `restart` brings a fresh one up under the same name. */
			async killWorker(name) {
				await workers.get(name).kill();
				workers.delete(name);
			},
			startWorker,
			async restartMain() {
				await main.stop();
				await startMain();
				await rest.login(o.owner.email, o.owner.password);
			},
			/** Executions of a workflow as n8n's own database records them. */
			async executions(workflowId) {
				return queryN8nDb(
					'select id, status, mode, finished, "waitTill" from execution_entity where "workflowId" = $1 order by id',
					[workflowId],
				);
			},
			/** The execution data n8n stored for each of these executions (flatted text, its error message inside), in order. */
			async executionErrors(ids) {
				const rows = await queryN8nDb(
					'select "executionId", data from execution_data where "executionId" = any($1)',
					[ids.map(Number)],
				);
				const byId = new Map(rows.map((r) => [String(r.executionId), r.data]));
				return ids.map((id) => byId.get(String(id)) ?? '');
			},
			async stop() {
				await cleanup();
				if (!process.env.KEEP_E2E_DATA) rmSync(dataDir, { recursive: true, force: true });
			},
		};
	} catch (error) {
		await cleanup();
		throw error;
	}
}

module.exports = { startQueueStack, startPostgres, startRedis, createDatabase };
