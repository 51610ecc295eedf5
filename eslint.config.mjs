// n8n's own community-node lint (@n8n/node-cli). The package bundles its libraries into
// dist/ (scripts/build.js), so it carries no runtime dependencies.
import { configWithoutCloudSupport } from '@n8n/node-cli/eslint';

export default [
	...configWithoutCloudSupport,
	{
		ignores: [
			'dist/**',
			'node_modules/**',
			'test/**',
			'bench/**',
			'scripts/**',
			'workflows/**',
			'docs/**',
			'*.js',
			'*.mjs',
		],
	},
	{
		// core/ imports nothing from n8n, so it cannot throw n8n's error classes: the node
		// adapters translate its errors. Its store helpers work over dynamic table names,
		// where Kysely's static table typing cannot follow.
		files: ['core/**/*.ts'],
		rules: {
			'@n8n/community-nodes/require-node-api-error': 'off',
			'@typescript-eslint/no-explicit-any': 'off',
		},
	},
];
