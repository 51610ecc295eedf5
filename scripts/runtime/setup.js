// Puts the consortium's credentials and workflows into a running n8n through its REST API:
// the embedded (or PostgreSQL) ConsortiumStore, SMTP to the local mail catcher, every
// workflow in workflows/ imported with its fixed id and activated. Idempotent: what exists
// is kept (a user's edits in the editor survive restarts).
const { randomBytes } = require('node:crypto');
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const STORE_CREDENTIAL = 'consortium-store';
const SMTP_CREDENTIAL = 'smtp-local';
// credentials/ConsortiumStoreApi.credentials.ts
const STORE_TYPE = 'consortiumStoreApi';

/** `postgres://user:pass@host:port/db?ssl=true` → ConsortiumStore credential fields. */
function storeCredentialData({
	store,
	sqlitePath,
	timeZone = 'Asia/Shanghai',
	publicBaseUrl = '',
}) {
	const common = { timeZone, linkSecret: '', publicBaseUrl };
	if (store && /^postgres(ql)?:\/\//.test(store)) {
		const u = new URL(store);
		return {
			...common,
			storeType: 'postgres',
			host: u.hostname,
			port: Number(u.port || 5432),
			database: decodeURIComponent(u.pathname.slice(1)) || 'consortium',
			user: decodeURIComponent(u.username || 'postgres'),
			password: decodeURIComponent(u.password || ''),
			ssl: ['true', 'require', '1'].includes(
				u.searchParams.get('ssl') || u.searchParams.get('sslmode') || '',
			),
		};
	}
	return { ...common, storeType: 'sqlite', sqlitePath: store || sqlitePath };
}

async function ensureCredential(rest, { name, type, data }) {
	const existing = (await rest.get('rest/credentials')).find(
		(c) => c.name === name && c.type === type,
	);
	if (existing) {
		await rest.patch(`rest/credentials/${existing.id}`, {
			name,
			type,
			data: type === STORE_TYPE ? await keepLinkSecret(rest, existing.id, data) : data,
		});
		return existing.id;
	}
	return (
		await rest.post('rest/credentials', {
			name,
			type,
			data: type === STORE_TYPE ? withLinkSecret(data) : data,
		})
	).id;
}

/**
 * The secret that signs approval links lives in the n8n credential (encrypted by n8n with its
 * own key), not in the store: a copy of the store alone then opens no link. Generated once;
 * a restart never replaces it (that would void every link already mailed).
 */
function withLinkSecret(data) {
	return data.linkSecret ? data : { ...data, linkSecret: randomBytes(32).toString('base64url') };
}

/** n8n answers a set secret with its redaction sentinel; sent back, n8n keeps the stored value. */
async function keepLinkSecret(rest, id, data) {
	if (data.linkSecret) return data;
	const current = await rest.get(`rest/credentials/${id}?includeData=true`);
	const kept = current?.data?.linkSecret;
	return kept ? { ...data, linkSecret: kept } : withLinkSecret(data);
}

function readWorkflows(dir) {
	let files = [];
	try {
		files = readdirSync(dir)
			.filter((f) => f.endsWith('.json'))
			.sort();
	} catch {
		return [];
	}
	return files.map((file) => ({ file, json: JSON.parse(readFileSync(join(dir, file), 'utf8')) }));
}

const SCOREBOARD_WORKFLOW_ID = 'scoreboardPage0001';
const SCOREBOARD_AUTH_CREDENTIAL = '看板访问 Scoreboard Basic Auth';

/**
 * The shipped scoreboard workflow with its webhook behind HTTP Basic Auth (n8n's own Webhook
 * authentication, credential `ref`); any other workflow, or no `ref`, unchanged. The page is
 * public otherwise: a council member opens it without an n8n account.
 */
function protectScoreboard(json, ref) {
	if (!ref || json.id !== SCOREBOARD_WORKFLOW_ID) return json;
	const wf = structuredClone(json);
	for (const node of wf.nodes || [])
		if (node.type === 'n8n-nodes-base.webhook') {
			node.parameters = { ...node.parameters, authentication: 'basicAuth' };
			node.credentials = { ...node.credentials, httpBasicAuth: ref };
		}
	return wf;
}

// Shipped workflows name files as n8n's Docker image sees them; this platform keeps them in
// its own files folder (the one N8N_RESTRICT_FILE_ACCESS_TO allows).
const DOCKER_FILES = '/home/node/.n8n-files';

function relocateFiles(value, filesDir) {
	if (typeof value === 'string') return filesDir ? value.split(DOCKER_FILES).join(filesDir) : value;
	if (Array.isArray(value)) return value.map((v) => relocateFiles(v, filesDir));
	if (value && typeof value === 'object')
		return Object.fromEntries(
			Object.entries(value).map(([k, v]) => [k, relocateFiles(v, filesDir)]),
		);
	return value;
}

/** Points every node's credential of a known type at the credential created here. */
function bindCredentials(workflow, idsByType) {
	for (const node of workflow.nodes || []) {
		for (const type of Object.keys(node.credentials || {})) {
			if (idsByType[type]) node.credentials[type] = idsByType[type];
		}
	}
	return workflow;
}

async function importWorkflow(rest, json, idsByType, { activate = true, filesDir } = {}) {
	const wf = bindCredentials(structuredClone(json), idsByType);
	for (const node of wf.nodes || []) node.parameters = relocateFiles(node.parameters, filesDir);
	let existing;
	if (wf.id) existing = await rest.request('GET', `rest/workflows/${wf.id}`).catch(() => undefined);
	if (!existing) {
		const { id, name, nodes, connections, settings, pinData, meta, staticData } = wf;
		existing = await rest.post('rest/workflows', {
			...(id ? { id } : {}),
			name,
			nodes,
			connections,
			settings: settings || { executionOrder: 'v1' },
			pinData,
			meta,
			staticData,
			active: false,
		});
	}
	const hasTrigger = (wf.nodes || []).some(
		(n) => /trigger|webhook/i.test(n.type) && !/manualTrigger|executeWorkflowTrigger/i.test(n.type),
	);
	if (activate && hasTrigger && !existing.active) {
		try {
			existing = await rest.post(`rest/workflows/${existing.id}/activate`, {
				versionId: existing.versionId,
			});
			await waitPublished(rest, existing.id);
		} catch (error) {
			// one broken workflow must not keep the platform from starting; the caller reports it
			return { ...existing, activationError: error.message };
		}
	}
	return existing;
}

/**
 * n8n 2.x publishes through an outbox: activation returns before the triggers and webhooks
 * are live. Waits until every trigger reports "activated"; throws with n8n's own message
 * if one fails.
 */
async function waitPublished(rest, workflowId, { timeoutMs = 60000 } = {}) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		let status;
		try {
			status = await rest.get(`rest/workflows/${workflowId}/publication-status`);
		} catch (error) {
			if (/→ 404/.test(error.message)) return; // publication service off: activation was synchronous
			throw error;
		}
		const failed = (status.triggers || []).find((t) => t.status !== 'activated' && t.errorMessage);
		if (failed) throw new Error(`trigger ${failed.nodeId}: ${failed.errorMessage}`);
		if (
			status.status === 'published' &&
			!status.pendingVersionId &&
			(status.triggers || []).every((t) => t.status === 'activated')
		)
			return;
		if (Date.now() > deadline)
			throw new Error(
				`workflow ${workflowId} not live after ${timeoutMs} ms: ${JSON.stringify(status)}`,
			);
		await new Promise((r) => setTimeout(r, 200));
	}
}

/**
 * The path n8n serves a form trigger on, as its webhook declares it:
 * `$parameter.path || $parameter.options.path || $webhookId`. From version 2.2 on the
 * top-level `path` is no parameter of the node any more, and n8n drops it.
 */
function formPath(node) {
	const topLevel = node.typeVersion <= 2.1 ? node.parameters?.path : undefined;
	return topLevel || node.parameters?.options?.path || node.webhookId;
}

/** The production URL of a form trigger (`<base>form/<path>`), or undefined. */
function formUrl(baseUrl, workflow) {
	const node = (workflow.nodes || []).find((n) => n.type === 'n8n-nodes-base.formTrigger');
	if (!node) return undefined;
	return `${baseUrl.replace(/\/?$/, '/')}form/${formPath(node)}`;
}

/** The set-up workflows that have a form, each with the URL n8n serves it on. */
function formUrls(baseUrl, workflows) {
	return workflows
		.map((w) => ({ ...w, formUrl: formUrl(baseUrl, w.served) }))
		.filter((w) => w.formUrl);
}

/**
 * The scoreboard page as n8n serves it: its production URL (`<base>webhook/<path>`) and how its
 * webhook authenticates (`none`: public), from the served copy of the shipped workflow, which
 * an admin may have edited; undefined while it is not active.
 */
function scoreboardPage(baseUrl, workflows) {
	const w = workflows.find((x) => x.json?.id === SCOREBOARD_WORKFLOW_ID && x.active);
	const node = (w?.served.nodes || []).find((n) => n.type === 'n8n-nodes-base.webhook');
	if (!node?.parameters?.path) return undefined;
	return {
		url: `${baseUrl.replace(/\/?$/, '/')}webhook/${node.parameters.path}`,
		authentication: node.parameters.authentication || 'none',
	};
}

async function setupInstance(
	rest,
	{ storeData, smtp, workflowsDir, filesDir, scoreboardAuth, log = () => {} },
) {
	const idsByType = {
		[STORE_TYPE]: {
			id: await ensureCredential(rest, {
				name: STORE_CREDENTIAL,
				type: STORE_TYPE,
				data: storeData,
			}),
			name: STORE_CREDENTIAL,
		},
		smtp: {
			id: await ensureCredential(rest, {
				name: SMTP_CREDENTIAL,
				type: 'smtp',
				data: {
					user: '',
					password: '',
					host: smtp.host || '127.0.0.1',
					port: smtp.port,
					secure: false,
					disableStartTls: true,
				},
			}),
			name: SMTP_CREDENTIAL,
		},
	};
	log(
		`credentials ${STORE_CREDENTIAL} (${storeData.storeType}) and ${SMTP_CREDENTIAL} (127.0.0.1:${smtp.port}) ready`,
	);
	// Optional: the scoreboard page asks for this user and password (set before its first import;
	// afterwards the workflow is the admin's, and its Webhook node's Authentication decides).
	const scoreboardRef = scoreboardAuth?.user
		? {
				id: await ensureCredential(rest, {
					name: SCOREBOARD_AUTH_CREDENTIAL,
					type: 'httpBasicAuth',
					data: { user: scoreboardAuth.user, password: scoreboardAuth.password || '' },
				}),
				name: SCOREBOARD_AUTH_CREDENTIAL,
			}
		: undefined;
	const workflows = [];
	for (const { file, json } of readWorkflows(workflowsDir)) {
		const wf = await importWorkflow(rest, protectScoreboard(json, scoreboardRef), idsByType, {
			filesDir,
		});
		// `served`: the workflow as n8n holds it. A restart keeps an existing one (an admin may have
		// edited it), so its forms are where that copy, not the file, says.
		workflows.push({
			file,
			id: wf.id,
			name: wf.name,
			active: wf.active,
			activationError: wf.activationError,
			json,
			served: wf.nodes ? wf : json,
		});
		log(
			`workflow ${file} → ${wf.id}${wf.active ? ' (active)' : ''}${wf.activationError ? ` NOT ACTIVE: ${wf.activationError}` : ''}`,
		);
	}
	return { credentials: idsByType, workflows };
}

module.exports = {
	DOCKER_FILES,
	scoreboardPage,
	protectScoreboard,
	relocateFiles,
	setupInstance,
	importWorkflow,
	waitPublished,
	storeCredentialData,
	formUrl,
	formUrls,
	readWorkflows,
	bindCredentials,
	STORE_CREDENTIAL,
	SMTP_CREDENTIAL,
	STORE_TYPE,
};
