// Builds every node and credential that package.json's `n8n` block names into dist/ as
// CommonJS (n8n require()s each file), plus one shared bundle, dist/shared.js, that holds the
// code they all use: core/, nodes/shared/ and the libraries (kysely, pg). Community packages
// must not carry runtime dependencies, so the libraries are inside; n8n-workflow is n8n's own.
//
// esbuild's code splitting only writes ES modules, so the sharing is done here: a node bundle
// keeps its own folder's code and turns each import of a shared module into a property read on
// require('<relative>/shared.js'). Each shared module is thus loaded once for all six nodes
// (before, each node bundle carried its own copy of core and kysely: 13.3 MB unpacked).
const { existsSync, rmSync } = require('node:fs');
const { dirname, join, relative, resolve, sep } = require('node:path');
const { build } = require('esbuild');
const pkg = require('../package.json');

const ROOT = resolve(__dirname, '..');
const SHARED_DIRS = ['core', join('nodes', 'shared')].map((dir) => join(ROOT, dir) + sep);
const SHARED_OUT = 'shared.js';

const common = {
	bundle: true,
	platform: 'node',
	target: 'node22',
	format: 'cjs',
	legalComments: 'none',
	// pg's optional native binding and edge-runtime socket are never used here.
	external: ['n8n-workflow', 'pg-native', 'pg-cloudflare', 'cloudflare:sockets'],
	logLevel: 'warning',
};

/** The source file an import names (`./x` → x.ts or x/index.ts), or undefined. */
function sourceFile(path) {
	for (const file of [path, `${path}.ts`, join(path, 'index.ts')]) {
		if (/\.ts$/.test(file) && existsSync(file)) return file;
	}
	return undefined;
}

/** The key a shared module is known by in dist/shared.js: its path from the repository root. */
function sharedKey(file) {
	if (!SHARED_DIRS.some((dir) => file.startsWith(dir))) return undefined;
	return relative(ROOT, file).split(sep).join('/').replace(/\.ts$/, '');
}

/** Replaces imports of shared modules in one node or credential bundle by reads of shared.js. */
function useShared(outFile, used) {
	const toShared = './' + relative(dirname(outFile), join('dist', SHARED_OUT)).split(sep).join('/');
	return {
		name: 'consortium-shared',
		setup(b) {
			b.onResolve({ filter: /^\./ }, (args) => {
				const file = sourceFile(resolve(args.resolveDir, args.path));
				const key = file && sharedKey(file);
				if (!key) return undefined;
				used.add(key);
				return { path: key, namespace: 'consortium-shared' };
			});
			b.onLoad({ filter: /.*/, namespace: 'consortium-shared' }, (args) => ({
				contents: `module.exports = require(${JSON.stringify(toShared)})[${JSON.stringify(args.path)}];`,
				loader: 'js',
			}));
			b.onResolve({ filter: /shared\.js$/, namespace: 'consortium-shared' }, (args) => ({
				path: args.path,
				external: true,
			}));
		},
	};
}

async function main() {
	rmSync('dist', { recursive: true, force: true });
	const used = new Set();
	const entries = [...pkg.n8n.nodes, ...pkg.n8n.credentials];
	await Promise.all(
		entries.map((out) =>
			build({
				...common,
				entryPoints: [out.replace(/^dist\//, '').replace(/\.js$/, '.ts')],
				outfile: out,
				plugins: [useShared(out, used)],
			}),
		),
	);
	// Only the shared modules some node imports are entries; what they import comes along.
	const keys = [...used].sort();
	await build({
		...common,
		stdin: {
			contents: keys
				.map((key) => `export * as ${JSON.stringify(key)} from ${JSON.stringify('./' + key)};`)
				.join('\n'),
			resolveDir: ROOT,
			sourcefile: 'shared-entry.js',
			loader: 'js',
		},
		outfile: join('dist', SHARED_OUT),
	});
}

main().catch(() => process.exit(1));
