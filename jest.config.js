// Four suites, each runnable on its own: pure core units, the store conformance suite
// (once per dialect), workflows in the real n8n engine in-process, and e2e against a real n8n.
// Generous timeouts: these machines are small and noisy; tests assert outcomes, never timings.
const tsJest = ['ts-jest', { diagnostics: false }];
// n8n's Send Email and Form nodes load sanitize-html, whose parser packages ship only as ES
// modules; jest's CommonJS loader needs them transpiled (the real n8n loads them natively).
const esmOnly = [
	'htmlparser2',
	'domhandler',
	'domutils',
	'entities',
	'dom-serializer',
	'domelementtype',
];
const common = {
	testEnvironment: 'node',
	transform: {
		'^.+\\.ts$': tsJest,
		[`node_modules/(?:.*/)?(?:${esmOnly.join('|')})/.+\\.js$`]: [
			'ts-jest',
			{ diagnostics: false, tsconfig: { allowJs: true } },
		],
	},
	transformIgnorePatterns: [`/node_modules/(?!(?:.*/)?(?:${esmOnly.join('|')})/)`],
	setupFiles: ['<rootDir>/test/setup-env.js'],
};

module.exports = {
	testTimeout: 120000,
	projects: [
		{ ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
		{ ...common, displayName: 'store', testMatch: ['<rootDir>/test/store/**/*.test.ts'] },
		{ ...common, displayName: 'engine', testMatch: ['<rootDir>/test/engine/**/*.test.ts'] },
		{ ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
	],
};
