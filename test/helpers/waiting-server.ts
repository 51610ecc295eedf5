import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Engine, Execution } from '../engine/harness';

/**
 * A stand-in for n8n's `/webhook-waiting/<execution>/<node>` endpoint: it hands HTTP
 * requests to the harness exactly as n8n's waiting-webhook handler would, so management
 * operations that call a resume URL over HTTP are exercised for real.
 */
export class WaitingServer {
	private server?: Server;
	readonly executions = new Map<string, Execution>();
	baseUrl = '';

	/** The links workflow whose trigger answers `/webhook/…`, when a test serves the permanent link endpoint. */
	links?: { workflow: unknown; node: string };

	/**
	 * While set, every call to a waiting execution is answered with this status and reaches
	 * nothing (a hand-over n8n refused for good); `refused` counts them.
	 */
	refuse?: number;
	refused = 0;

	constructor(private readonly engine: () => Engine) {}

	/** The permanent link endpoint's URL on this server. */
	get linkEndpoint(): string {
		return this.baseUrl.replace(/webhook-waiting$/, 'webhook/consortium-approval');
	}

	async start(): Promise<string> {
		this.server = createServer((req, res) => {
			let raw = '';
			req.on('data', (c) => (raw += c));
			req.on('end', async () => {
				try {
					const url = new URL(req.url ?? '/', 'http://127.0.0.1');
					const [, endpoint, executionId, suffix] = url.pathname.split('/');
					if (endpoint === 'webhook' && this.links) {
						// the permanent link endpoint: the shipped links workflow's trigger, as n8n's live webhooks run it
						const body = raw ? Object.fromEntries(new URLSearchParams(raw)) : {};
						const result = await this.engine().liveWebhook(this.links.workflow, this.links.node, {
							method: req.method as 'POST',
							query: Object.fromEntries(url.searchParams),
							body,
							headers: req.headers as Record<string, string>,
							ip: req.socket.remoteAddress,
						});
						if (result.workflowData) throw new Error('a link page started an execution');
						res
							.writeHead(result.response.statusCode, result.response.headers)
							.end(result.response.bytes);
						return;
					}
					if (this.refuse) {
						this.refused++;
						res.writeHead(this.refuse).end('refused');
						return;
					}
					const execution = this.executions.get(executionId);
					if (!execution) {
						res.writeHead(404).end();
						return;
					}
					const body = raw
						? req.headers['content-type']?.includes('json')
							? JSON.parse(raw)
							: Object.fromEntries(new URLSearchParams(raw))
						: {};
					const result = await this.engine().webhook(execution, {
						method: req.method as 'POST',
						query: Object.fromEntries(url.searchParams),
						body,
						path: suffix ?? '',
					});
					if (result.resumed) this.executions.set(executionId, result.execution);
					res
						.writeHead(result.response.statusCode, result.response.headers)
						.end(result.response.bytes);
				} catch (error) {
					res.writeHead(500).end(String(error));
				}
			});
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.baseUrl = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/webhook-waiting`;
		return this.baseUrl;
	}

	track(execution: Execution): Execution {
		this.executions.set(execution.id, execution);
		return execution;
	}

	latest(execution: Execution): Execution {
		return this.executions.get(execution.id) ?? execution;
	}

	async stop() {
		await new Promise<void>((resolve) =>
			this.server ? this.server.close(() => resolve()) : resolve(),
		);
	}
}
