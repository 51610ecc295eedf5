// After the build: the files package.json's `n8n` block names exist, and the packed package is
// what a user installing it from n8n's editor should get — the shared bundle once, the ready
// workflows and the licence, no source maps — and stays under half the 2.3 MB tarball it was
// when each node carried its own copy of core and kysely.
const { execFileSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const pkg = require('../package.json');

const MAX_PACKED_BYTES = 1_158_000; // half of 2,316,993 bytes, the tarball at f97eef1

const problems = [];
const missing = [...pkg.n8n.nodes, ...pkg.n8n.credentials].filter((f) => !existsSync(f));
if (missing.length) problems.push(`dist/ lacks ${missing.join(', ')}`);

const [packed] = JSON.parse(
	execFileSync('npm', ['pack', '--dry-run', '--json', '--silent'], { encoding: 'utf8' }),
);
const files = packed.files.map((f) => f.path);
const need = ['LICENSE', 'dist/shared.js', ...pkg.n8n.nodes, ...pkg.n8n.credentials];
for (const file of need) if (!files.includes(file)) problems.push(`the package lacks ${file}`);
if (!files.some((f) => f.startsWith('workflows/') && f.endsWith('.json')))
	problems.push('the package lacks workflows/');
const maps = files.filter((f) => f.endsWith('.map'));
if (maps.length) problems.push(`the package carries source maps: ${maps.join(', ')}`);
if (packed.size > MAX_PACKED_BYTES)
	problems.push(`the tarball is ${packed.size} bytes, over ${MAX_PACKED_BYTES}`);

if (problems.length) {
	console.error(problems.join('\n'));
	process.exit(1);
}
console.log(
	`package: ${pkg.n8n.nodes.length} nodes, ${pkg.n8n.credentials.length} credential(s), ${files.length} files,`,
	`${packed.size} bytes packed, ${packed.unpackedSize} unpacked`,
);
