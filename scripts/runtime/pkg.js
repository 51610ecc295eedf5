// Builds this package, packs it, and installs the tarball into an n8n user folder the way
// n8n's community-package installer does (extract to <n8n folder>/nodes/node_modules/<name>,
// drop dev and peer dependencies, npm install the rest), so node types are
// `n8n-nodes-consortium.*` exactly as in the exported workflows.
const {
	existsSync,
	mkdirSync,
	readFileSync,
	writeFileSync,
	rmSync,
	mkdtempSync,
	readdirSync,
} = require('node:fs');
const { join } = require('node:path');
const { tmpdir } = require('node:os');
const { run } = require('./proc');
const { REPO, PACKAGE_NAME } = require('./paths');

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function builtNodes() {
	const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
	const listed = [...(pkg.n8n?.nodes || []), ...(pkg.n8n?.credentials || [])];
	return { listed, missing: listed.filter((file) => !existsSync(join(REPO, file))) };
}

/** `npm run build`; a failed build is tolerated only if every file package.json names exists. */
async function buildPackage({ log = () => {} } = {}) {
	const result = await run(npm, ['run', 'build'], { cwd: REPO, allowFail: true });
	const { listed, missing } = builtNodes();
	if (result.code !== 0) {
		if (missing.length)
			throw new Error(
				`npm run build failed and dist/ lacks ${missing.join(', ')}\n${result.out.slice(-3000)}`,
			);
		log(`build reported errors; using the ${listed.length} built files in dist/`);
	}
	if (missing.length) throw new Error(`dist/ lacks ${missing.join(', ')}`);
	return listed;
}

/** Packs the built package into `dir` (a fresh temp folder by default); returns the tarball path. */
async function packPackage(dir = mkdtempSync(join(tmpdir(), 'consortium-pack-'))) {
	const { out } = await run(npm, ['pack', '--silent', '--pack-destination', dir], { cwd: REPO });
	const name = out.trim().split('\n').pop().trim();
	return join(dir, name);
}

async function installPackage(tarball, userFolder) {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	const target = join(nodesDir, 'node_modules', PACKAGE_NAME);
	rmSync(target, { recursive: true, force: true });
	mkdirSync(target, { recursive: true });
	await run('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
	const pkgPath = join(target, 'package.json');
	// eslint-disable-next-line no-unused-vars
	const { devDependencies, peerDependencies, optionalDependencies, ...pkg } = JSON.parse(
		readFileSync(pkgPath, 'utf8'),
	);
	writeFileSync(pkgPath, JSON.stringify(pkg, null, 2));
	if (pkg.dependencies && Object.keys(pkg.dependencies).length) {
		await run(
			npm,
			[
				'install',
				'--audit=false',
				'--fund=false',
				'--bin-links=false',
				'--install-strategy=shallow',
				'--ignore-scripts=true',
				'--package-lock=false',
				'--loglevel=error',
			],
			{ cwd: target },
		);
	}
	// n8n's own record of installed community packages
	const manifest = join(nodesDir, 'package.json');
	const current = existsSync(manifest)
		? JSON.parse(readFileSync(manifest, 'utf8'))
		: { name: 'installed-nodes', private: true, dependencies: {} };
	current.dependencies = { ...(current.dependencies || {}), [PACKAGE_NAME]: pkg.version };
	writeFileSync(manifest, JSON.stringify(current, null, 2));
	return { target, version: pkg.version, nodes: readdirSync(join(target, 'dist', 'nodes')) };
}

module.exports = { buildPackage, packPackage, installPackage, builtNodes };
