import { Worker } from 'node:worker_threads';

/**
 * SQLite's WAL grows with every commit and is copied back into the database file at a
 * checkpoint, which fsyncs both files. Left to SQLite, the connection that commits runs it
 * every 1,000 pages: then one decision in a few dozen stalls for 10–20 ms, and on n8n's one
 * event loop every workflow and webhook of the instance stalls with it.
 *
 * Here a worker thread with its own connection checkpoints a few times a second instead,
 * off the event loop. PASSIVE never waits for, nor blocks, a writer; frames a reader still
 * needs wait for the next round. The store's own connection keeps a far-off automatic
 * checkpoint as a backstop, should this thread ever stop.
 *
 * SQLite rewinds the WAL only when a write begins with every frame already copied back.
 * Under writes without pause that moment may not come, and the WAL grows to the backstop
 * (about 40 MB); the backstop's checkpoint then finds nearly everything copied, and the
 * next write rewinds it. Measured in bench/approval.bench.ts: the mean commit of a decision
 * fell from about 320 µs to about 110 µs.
 */
export const BACKSTOP_CHECKPOINT_PAGES = 10_000;
const INTERVAL_MS = 200;

// Plain JavaScript run with `eval`: nothing to resolve or compile, the same under ts-node, jest and n8n.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(workerData.path);
db.exec('PRAGMA synchronous = NORMAL');
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
const round = () => { try { checkpoint.get(); } catch { /* busy or closing: the next round retries */ } };
const timer = setInterval(round, workerData.intervalMs);
parentPort.on('message', () => {
	clearInterval(timer);
	round();
	db.close();
	parentPort.close();
});
`;

export interface Checkpointer {
	stop(): Promise<void>;
}

export function startCheckpointer(path: string, onFailure: () => void): Checkpointer {
	const worker = new Worker(WORKER_SOURCE, {
		eval: true,
		workerData: { path, intervalMs: INTERVAL_MS },
	});
	// Never what keeps n8n (or a test run) alive.
	worker.unref();
	let stopped = false;
	const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
	worker.on('error', () => {
		if (!stopped) onFailure();
	});
	return {
		async stop() {
			if (stopped) return exited;
			stopped = true;
			worker.postMessage('stop');
			const timeout = setTimeout(() => void worker.terminate(), 2000);
			await exited;
			clearTimeout(timeout);
		},
	};
}
