// Child processes: run-to-completion commands with captured output, and a clean way to end
// a detached process group (n8n forks task runners; killing only the leader leaves them).
const { spawn } = require('node:child_process');

function run(command, args, { cwd, env, echo = false, allowFail = false } = {}) {
	return new Promise((resolvePromise, reject) => {
		const child = spawn(command, args, {
			cwd,
			env: env || process.env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let out = '';
		const collect = (stream, sink) =>
			child[stream].on('data', (chunk) => {
				out += chunk;
				if (echo) sink.write(chunk);
			});
		collect('stdout', process.stdout);
		collect('stderr', process.stderr);
		child.on('error', reject);
		child.on('close', (code) => {
			if (code === 0 || allowFail) resolvePromise({ code, out });
			else
				reject(new Error(`${command} ${args.join(' ')} exited with ${code}\n${out.slice(-4000)}`));
		});
	});
}

function alive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** SIGTERM to the whole group, then SIGKILL if it has not gone after `graceMs`. */
async function killGroup(child, graceMs = 20000) {
	if (!child || child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((r) => child.once('exit', r));
	const signal = (sig) => {
		try {
			process.kill(-child.pid, sig);
		} catch {
			/* already gone */
		}
	};
	signal('SIGTERM');
	let handle;
	const timer = new Promise((r) => (handle = setTimeout(r, graceMs, 'timeout')));
	const outcome = await Promise.race([exited, timer]);
	clearTimeout(handle);
	if (outcome === 'timeout') {
		signal('SIGKILL');
		await exited;
	}
	// task runners may outlive the leader for a moment
	for (let i = 0; i < 50 && alive(-child.pid); i++) await new Promise((r) => setTimeout(r, 100));
	if (alive(-child.pid)) signal('SIGKILL');
}

module.exports = { run, killGroup };
