// Builds every node and credential that package.json's `n8n` block names into dist/, each
// as one CommonJS bundle with its libraries (kysely, pg) inside: community packages must not
// carry runtime dependencies, and n8n-workflow is provided by n8n itself.
const { rmSync } = require('node:fs');
const { build } = require('esbuild');
const pkg = require('../package.json');

const entries = [...pkg.n8n.nodes, ...pkg.n8n.credentials].map((out) => ({
	in: out.replace(/^dist\//, '').replace(/\.js$/, '.ts'),
	out: out.replace(/^dist\//, '').replace(/\.js$/, ''),
}));

rmSync('dist', { recursive: true, force: true });
build({
	entryPoints: entries,
	outdir: 'dist',
	bundle: true,
	platform: 'node',
	target: 'node22',
	format: 'cjs',
	sourcemap: true,
	legalComments: 'none',
	// pg's optional native binding and edge-runtime socket are never used here.
	external: ['n8n-workflow', 'pg-native', 'pg-cloudflare', 'cloudflare:sockets'],
	logLevel: 'warning',
}).catch(() => process.exit(1));
