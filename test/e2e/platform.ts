// Starts the same stack as `npm start` for one test file: the built package installed into a
// real n8n in a temp user folder, on free ports, with its own mail catcher.
import { mkdtempSync, rmSync, mkdirSync, copyFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startStack } = require('../../scripts/runtime/stack');

export const OWNER = { email: 'e2e-admin@example.edu.cn', password: 'E2e-Consortium-1' };
export const REPO = join(__dirname, '..', '..');
export const LINKS_WORKFLOW = join(REPO, 'workflows', 'approval-links.json');

export interface Mail {
	id: string;
	from: string;
	to: string[];
	cc: string[];
	subject: string;
	date: string;
	text: string;
	html: string;
	attachments: Array<{ filename: string; contentType: string; size: number; content: Buffer }>;
}

export interface Platform {
	url: string;
	userFolder: string;
	filesDir: string;
	dataDir: string;
	mail: {
		url: string;
		smtpPort: number;
		messages(): Promise<Mail[]>;
		waitFor(match: (m: Mail) => boolean, o?: { timeoutMs?: number; since?: number }): Promise<Mail>;
	};
	rest: {
		get(p: string): Promise<any>;
		post(p: string, b?: unknown): Promise<any>;
		cookie: string;
	};
	setup: {
		workflows: Array<{ file: string; id: string; name: string; active: boolean; json: any }>;
	};
	n8n: { port: number; logPath: string; log(): string };
	formUrls(): Array<{ file: string; name: string; formUrl: string }>;
	/** Where `npm start` says the scoreboard page is; undefined without its workflow. */
	scoreboardUrl(): string | undefined;
	restartN8n(): Promise<void>;
	stop(): Promise<void>;
}

/**
 * @param workflowFiles absolute paths of workflow JSON files to import and activate
 *                      (default: every workflow in workflows/).
 */
export async function startPlatform(
	workflowFiles?: string[],
	options: { store?: string } = {},
): Promise<Platform> {
	const dataDir = mkdtempSync(join(tmpdir(), 'consortium-e2e-'));
	let workflowsDir = join(REPO, 'workflows');
	if (workflowFiles) {
		workflowsDir = join(dataDir, 'workflows');
		mkdirSync(workflowsDir);
		// Approver links point at the permanent endpoint of the shipped links workflow, so it is always there.
		for (const f of [LINKS_WORKFLOW, ...workflowFiles])
			copyFileSync(f, join(workflowsDir, f.split('/').pop()!));
	}
	const stack = await startStack({
		dataDir,
		port: 0,
		smtpPort: 0,
		inboxPort: 0,
		owner: OWNER,
		workflowsDir,
		store: options.store,
		log: () => {},
	});
	const stopStack = stack.stop.bind(stack);
	return Object.assign(stack, {
		dataDir,
		stop: async () => {
			await stopStack();
			if (!process.env.KEEP_E2E_DATA) rmSync(dataDir, { recursive: true, force: true });
		},
	});
}

export function workflowFiles(): string[] {
	return readdirSync(join(REPO, 'workflows'))
		.filter((f) => f.endsWith('.json'))
		.map((f) => join(REPO, 'workflows', f));
}
