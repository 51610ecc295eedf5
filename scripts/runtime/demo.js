// The demo consortium for `npm start` (core/directory/demo.ts), written straight into the
// store the platform's credential names — embedded SQLite or PostgreSQL — before n8n opens it.
// core/ is TypeScript: it is bundled on the fly with the esbuild the build already uses.
const { mkdirSync } = require('node:fs');
const { join } = require('node:path');
const { REPO } = require('./paths');

let core;
function demoCore() {
	if (core) return core;
	const { buildSync } = require('esbuild');
	const outfile = join(REPO, '.tmp', 'runtime', 'demo-loader.js');
	mkdirSync(join(REPO, '.tmp', 'runtime'), { recursive: true });
	buildSync({
		stdin: {
			contents:
				"export { openStore } from './core/store';\nexport { loadDemoConsortium, DEMO_ORGANISATIONS, DEMO_PEOPLE } from './core/directory/demo';",
			resolveDir: REPO,
			loader: 'ts',
			sourcefile: 'demo-entry.ts',
		},
		outfile,
		bundle: true,
		platform: 'node',
		target: 'node22',
		format: 'cjs',
		// `import('node:sqlite')` as a plain require: the same at run time, and loadable by jest's module system
		supported: { 'dynamic-import': false },
		external: ['pg-native', 'pg-cloudflare', 'cloudflare:sockets'],
		logLevel: 'error',
	});
	delete require.cache[outfile];
	core = require(outfile);
	return core;
}

/** The store the `consortium-store` credential names (scripts/runtime/setup.js#storeCredentialData). */
function storeConfig(storeData) {
	if (storeData.storeType === 'postgres') {
		const { host, port, database, user, password, ssl } = storeData;
		return { type: 'postgres', host, port, database, user, password, ssl, maxConnections: 2 };
	}
	return { type: 'sqlite', sqlitePath: storeData.sqlitePath };
}

/**
 * Loads the demo consortium into an empty store; leaves a store that holds anything alone.
 * Resolves to core's answer (`{ loaded, organisations, people[, changes] }`).
 */
async function loadDemo(storeData) {
	const { openStore, loadDemoConsortium } = demoCore();
	const store = await openStore(storeConfig(storeData));
	try {
		return await loadDemoConsortium(store, { actor: 'system:npm-start-demo' });
	} finally {
		await store.close();
	}
}

/** One line for the start log saying what happened and how to choose otherwise. */
function describeDemo(outcome) {
	if (!outcome) return 'demo consortium: not loaded (--no-demo)';
	if (outcome.loaded)
		return `demo consortium loaded: ${outcome.organisations} organisations, ${outcome.people} people (海川市; start with --no-demo to skip)`;
	return `demo consortium: not loaded, the store already holds records (${outcome.organisations} organisations, ${outcome.people} people, ${outcome.changes} changes)`;
}

module.exports = { loadDemo, describeDemo, demoCore, storeConfig };
