// Four suites, each runnable on its own: pure core units, the store conformance suite
// (once per dialect), workflows in the real n8n engine in-process, and e2e against a real n8n.
const tsJest = ['ts-jest', { diagnostics: false }];
const common = { testEnvironment: 'node', transform: { '^.+\\.ts$': tsJest }, setupFiles: ['<rootDir>/test/setup-env.js'] };

module.exports = {
	projects: [
		{ ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
		{ ...common, displayName: 'store', testMatch: ['<rootDir>/test/store/**/*.test.ts'] },
		{ ...common, displayName: 'engine', testMatch: ['<rootDir>/test/engine/**/*.test.ts'], testTimeout: 60000 },
		{ ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'], testTimeout: 600000 },
	],
};
