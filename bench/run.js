// `npm run bench`: runs every bench/*.bench.ts in turn, each in its own process on the
// project's Node 24, and prints their figures. Each benchmark measures its own baseline
// in the same run and prints the ratio, since these machines are noisy.
const { readdirSync } = require('node:fs');
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const only = process.argv.slice(2);
const files = readdirSync(__dirname)
	.filter((f) => f.endsWith('.bench.ts'))
	.filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
	.sort();
let failed = 0;
for (const file of files) {
	console.log(`\n=== ${file} (${new Date().toISOString()})`);
	const result = spawnSync(
		process.execPath,
		['-r', 'ts-node/register/transpile-only', join(__dirname, file)],
		{
			stdio: 'inherit',
			env: { ...process.env, TS_NODE_TRANSPILE_ONLY: '1' },
		},
	);
	if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
