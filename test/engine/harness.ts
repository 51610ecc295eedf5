/**
 * Runs workflow JSON through n8n-core's real WorkflowExecute, in-process, with this
 * package's nodes and n8n's own nodes, and resumes waiting executions through a node's
 * webhook the way n8n's waiting-webhook handler does. Every node issue proves its
 * operations through this harness.
 *
 * Like n8n, an execution is kept as flatted text once it stops, and a webhook call starts
 * from that text and from the workflow's JSON: a resume pays what n8n's resume pays
 * (parse the stored execution, build the workflow, match the webhook by its evaluated path,
 * run, store again), and data that would not survive n8n's store does not survive here.
 */
import 'reflect-metadata';
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { parse, stringify } from 'flatted';
import { Container } from '@n8n/di';
import {
	BinaryDataService,
	ExecutionLifecycleHooks,
	WebhookContext,
	WorkflowExecute,
} from 'n8n-core';
import {
	ICredentialsHelper,
	isNodeClassInstance,
	NodeHelpers,
	Workflow,
	type IExecuteResponsePromiseData,
	type IBinaryKeyData,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IRunExecutionData,
	type IVersionedNodeType,
	type IWebhookData,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

const PACKAGE = 'n8n-nodes-consortium';
const BASE_NODES_DIR = join(require.resolve('n8n-nodes-base/package.json'), '..');

/** This package's node classes by their short name; loaded from source so ts-jest covers them. */
const OWN_NODES: Record<string, () => INodeType | IVersionedNodeType> = {
	consortium: () => new (require('../../nodes/Consortium/Consortium.node.ts').Consortium)(),
	approval: () => new (require('../../nodes/Approval/Approval.node.ts').Approval)(),
	course: () => new (require('../../nodes/Course/Course.node.ts').Course)(),
	exchange: () => new (require('../../nodes/Exchange/Exchange.node.ts').Exchange)(),
	registry: () => new (require('../../nodes/Registry/Registry.node.ts').Registry)(),
	consortiumTrigger: () =>
		new (require('../../nodes/ConsortiumTrigger/ConsortiumTrigger.node.ts').ConsortiumTrigger)(),
	approvalLinksTrigger: () =>
		new (require('../../nodes/ApprovalLinksTrigger/ApprovalLinksTrigger.node.ts').ApprovalLinksTrigger)(),
};

/** Another test file can register nodes that land later (Approval, Course …). */
export function registerOwnNode(name: string, factory: () => INodeType | IVersionedNodeType): void {
	OWN_NODES[name] = factory;
}

let baseNodeFiles: Map<string, string> | undefined;
function baseNodeFile(shortName: string): string | undefined {
	if (!baseNodeFiles) {
		baseNodeFiles = new Map();
		const pkg = require('n8n-nodes-base/package.json') as { n8n: { nodes: string[] } };
		for (const file of pkg.n8n.nodes) {
			const base = file.split('/').pop()!.replace('.node.js', '');
			baseNodeFiles.set(base.toLowerCase(), join(BASE_NODES_DIR, file));
		}
	}
	return baseNodeFiles.get(shortName.toLowerCase());
}

/** n8n names a node type by its class-file name in camelCase; a few differ from the file. */
const BASE_ALIASES: Record<string, string> = {
	emailsend: 'EmailSend',
	spreadsheetfile: 'SpreadsheetFile',
	converttofile: 'ConvertToFile',
	extractfromfile: 'ExtractFromFile',
	formtrigger: 'FormTrigger',
	scheduletrigger: 'ScheduleTrigger',
	manualtrigger: 'ManualTrigger',
	noop: 'NoOp',
};

class TestNodeTypes implements INodeTypes {
	private readonly cache = new Map<string, INodeType | IVersionedNodeType>();

	private load(type: string): INodeType | IVersionedNodeType {
		let node = this.cache.get(type);
		if (node) return node;
		const [pkg, short] = type.split('.');
		if (pkg === PACKAGE && OWN_NODES[short]) {
			node = OWN_NODES[short]();
		} else if (pkg === 'n8n-nodes-base') {
			const file = baseNodeFile(BASE_ALIASES[short.toLowerCase()] ?? short);
			if (!file) throw new Error(`Unknown n8n node type ${type}`);
			const mod = require(file);
			const Cls = Object.values(mod).find((v) => typeof v === 'function') as new () => INodeType;
			node = new Cls();
		} else {
			throw new Error(`Unknown node type ${type}`);
		}
		this.cache.set(type, node);
		return node;
	}

	getByName(type: string) {
		return this.load(type);
	}

	getByNameAndVersion(type: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.load(type), version);
	}

	getKnownTypes() {
		return {};
	}
}

class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly credentials: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}
	getParentTypes() {
		return [];
	}
	isCredentialUsableByNode() {
		return true;
	}
	async authenticate(_c: ICredentialDataDecryptedObject, _t: string, request: any) {
		return request;
	}
	async preAuthentication() {
		return undefined;
	}
	async runPreAuthentication() {
		return undefined;
	}
	async getCredentials(): Promise<any> {
		throw new Error('not used in tests');
	}
	async getDecrypted(_a: IWorkflowExecuteAdditionalData, _n: unknown, type: string) {
		const data = this.credentials[type];
		if (!data) throw new Error(`No test credentials of type ${type}`);
		return data;
	}
	async updateCredentials() {}
	async updateCredentialsOauthTokenData() {}
	getCredentialsProperties() {
		return [];
	}
}

export const nodeTypes = new TestNodeTypes();

/** Callbacks n8n's server would provide that an in-process run does not need: no-ops. */
const NOOP_CALLBACKS = ['setExecutionStatus', 'sendDataToUI', 'logAiEvent'];

function additionalDataFor(
	base: Partial<IWorkflowExecuteAdditionalData>,
): IWorkflowExecuteAdditionalData {
	const data: any = { ...base };
	for (const name of NOOP_CALLBACKS) data[name] ??= () => undefined;
	return data as IWorkflowExecuteAdditionalData;
}

let binaryReady: Promise<void> | undefined;
function initBinaryData(): Promise<void> {
	binaryReady ??= Container.get(BinaryDataService).init();
	return binaryReady;
}

export interface EngineOptions {
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** Base of resume URLs, as n8n's `webhookWaitingBaseUrl`. */
	webhookWaitingBaseUrl?: string;
	/** Workflows an Execute Workflow node may call, by id (n8n reads them from its database). */
	workflows?: any[];
}

export interface Execution {
	id: string;
	workflow: Workflow;
	/** The workflow JSON it runs, as n8n keeps it with the execution. */
	workflowJson: any;
	/** The execution data as n8n stores it: flatted text. */
	stored: string;
	run: IRun;
	data: IRunExecutionData;
	status: IRun['status'];
	/** Items a node produced on one output in its latest run (or a given run). */
	output(nodeName: string, outputIndex?: number, runIndex?: number): IDataObject[];
	/** Every run of a node: one array of outputs per run. */
	runs(nodeName: string): INodeExecutionData[][][];
	error(): string | undefined;
	/** Responses sent by Respond to Webhook nodes, in order. */
	responses?: IExecuteResponsePromiseData[];
}

let executionCounter = 0;

export class Engine {
	private readonly credentialsHelper: TestCredentialsHelper;
	/** Executions started by Execute Workflow nodes, in the order they started. */
	readonly subExecutions: Execution[] = [];

	constructor(private readonly options: EngineOptions = {}) {
		this.credentialsHelper = new TestCredentialsHelper(options.credentials ?? {});
	}

	private makeWorkflow(json: IWorkflowBase | any): Workflow {
		return new Workflow({
			id: json.id ?? 'wf-test',
			name: json.name,
			nodes: structuredClone(json.nodes),
			connections: structuredClone(json.connections),
			nodeTypes,
			active: false,
			settings: json.settings ?? {},
			staticData: json.staticData ?? {},
		});
	}

	private async process(
		workflowJson: any,
		workflow: Workflow,
		executionId: string,
		data: IRunExecutionData,
		mode: WorkflowExecuteMode,
	): Promise<Execution> {
		await initBinaryData();
		const hooks = new ExecutionLifecycleHooks(mode, executionId, {
			id: workflow.id,
			name: workflow.name,
			nodes: [],
			connections: {},
			active: false,
		} as any);
		let resolveRun!: (run: IRun) => void;
		const finished = new Promise<IRun>((resolve) => (resolveRun = resolve));
		hooks.addHandler('workflowExecuteAfter', (run) => resolveRun(run));
		// What a Respond to Webhook node sends, as n8n's webhook service would write it out.
		const responses: IExecuteResponsePromiseData[] = [];
		hooks.addHandler('sendResponse', (response) => {
			responses.push(response);
		});
		const baseUrl = this.options.webhookWaitingBaseUrl ?? 'http://127.0.0.1:5678/webhook-waiting';
		const additionalData = additionalDataFor({
			hooks,
			executionId,
			credentialsHelper: this.credentialsHelper,
			webhookWaitingBaseUrl: baseUrl,
			formWaitingBaseUrl: baseUrl.replace('webhook-waiting', 'form-waiting'),
			webhookBaseUrl: baseUrl.replace('webhook-waiting', 'webhook'),
			restApiUrl: baseUrl.replace('webhook-waiting', 'rest'),
			instanceBaseUrl: baseUrl.replace('/webhook-waiting', ''),
			variables: {},
			currentNodeParameters: undefined,
			userId: 'test-user',
			executeWorkflow: (
				info: { id?: string },
				_data: unknown,
				options: { inputData?: INodeExecutionData[]; doNotWaitToFinish?: boolean },
			) => this.subWorkflow(info, options),
		} as never);
		const execute = new WorkflowExecute(additionalData, mode, data);
		await execute.processRunExecutionData(workflow);
		const run = await finished;
		return Object.assign(this.wrap(executionId, workflowJson, workflow, run), { responses });
	}

	/**
	 * As n8n's Execute Workflow: the called workflow starts at its Execute Workflow Trigger with
	 * the items, in an execution of its own. Without waiting, the caller gets only its id.
	 */
	private async subWorkflow(
		info: { id?: string },
		options: { inputData?: INodeExecutionData[]; doNotWaitToFinish?: boolean },
	) {
		const json = (this.options.workflows ?? []).find((w) => w.id === info.id);
		if (!json) throw new Error(`Workflow ${info.id} is not known to this engine`);
		const trigger = json.nodes.find(
			(n: INode) => n.type === 'n8n-nodes-base.executeWorkflowTrigger',
		);
		const execution = await this.run(json, {
			startNode: trigger.name,
			items: (options.inputData ?? []).map((i) => i.json),
			binaries: (options.inputData ?? []).map((i) => i.binary),
			mode: 'integrated',
		});
		this.subExecutions.push(execution);
		if (options.doNotWaitToFinish) return { executionId: execution.id, data: [null] };
		const last = execution.data.resultData.lastNodeExecuted;
		return {
			executionId: execution.id,
			data: last ? (execution.run.data.resultData.runData[last].at(-1)?.data?.main ?? []) : [],
		};
	}

	private wrap(id: string, workflowJson: any, workflow: Workflow, run: IRun): Execution {
		const runData = run.data.resultData.runData;
		return {
			id,
			workflow,
			workflowJson,
			stored: stringify(run.data),
			run,
			data: run.data,
			status: run.status,
			runs: (name) => (runData[name] ?? []).map((r) => (r.data?.main ?? []).map((o) => o ?? [])),
			output(name, outputIndex = 0, runIndex) {
				const runs = runData[name];
				if (!runs?.length) return [];
				const r = runs[runIndex ?? runs.length - 1];
				return (r.data?.main?.[outputIndex] ?? []).map((i) => i.json);
			},
			error: () => {
				const e = run.data.resultData.error;
				if (e && process.env.DEBUG_ENGINE) console.log(e.stack, (e as any).cause?.stack);
				return e ? `${e.message}${e.description ? ` — ${e.description}` : ''}` : undefined;
			},
		};
	}

	/**
	 * Runs a workflow from `startNode` with `items` as that node's output (a trigger's event:
	 * a form submission, a schedule tick). The start node passes the items through, as n8n
	 * does for a webhook-started execution.
	 */
	async run(
		json: any,
		options: {
			startNode?: string;
			items?: IDataObject[];
			/** Files beside each item, as a form trigger's file fields carry them (base64 `data`). */
			binaries?: Array<IBinaryKeyData | undefined>;
			mode?: WorkflowExecuteMode;
		} = {},
	): Promise<Execution> {
		const workflow = this.makeWorkflow(json);
		const start: INode | undefined = options.startNode
			? (workflow.getNode(options.startNode) ?? undefined)
			: workflow.getStartNode();
		if (!start) throw new Error(`Start node ${options.startNode ?? '(first)'} not found`);
		const startType = nodeTypes.getByNameAndVersion(start.type, start.typeVersion);
		const passThrough = Boolean(startType.webhook || startType.trigger || startType.poll);
		if (passThrough) start.disabled = true;
		const data: IRunExecutionData = {
			version: 1,
			startData: {},
			resultData: { runData: {} },
			executionData: {
				contextData: {},
				metadata: {},
				waitingExecution: {},
				waitingExecutionSource: null,
				nodeExecutionStack: [
					{
						node: start,
						data: {
							main: [
								(options.items ?? [{}]).map((json, i) =>
									options.binaries?.[i] ? { json, binary: options.binaries[i] } : { json },
								),
							],
						},
						source: null,
						...(passThrough ? { metadata: { forwardAllOutputs: true } } : {}),
					},
				],
			},
		} as unknown as IRunExecutionData;
		return this.process(json, workflow, `${++executionCounter}`, data, options.mode ?? 'trigger');
	}

	/**
	 * Delivers an HTTP request to the waiting node's webhook, as n8n's waiting-webhook
	 * handler does. If the webhook returns workflow data, the execution resumes with it on
	 * the node's outputs; otherwise it keeps waiting. Returns the HTTP response and the
	 * execution after the request.
	 */
	async webhook(
		execution: Execution,
		request: {
			method?: 'GET' | 'POST' | 'HEAD';
			query?: IDataObject;
			body?: IDataObject;
			headers?: Record<string, string>;
			ip?: string;
			path?: string;
		},
	): Promise<{ response: TestResponse; execution: Execution; resumed: boolean }> {
		const data = parse(execution.stored) as IRunExecutionData;
		const stackEntry = data.executionData!.nodeExecutionStack[0];
		if (!stackEntry || !data.waitTill) throw new Error('Execution is not waiting');
		const nodeName = data.resultData.lastNodeExecuted!;
		const workflow = this.makeWorkflow(execution.workflowJson);
		const node = workflow.getNode(nodeName)!;
		const nodeType = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
		const method = request.method ?? 'GET';
		// As n8n's webhook service does: every webhook of the node with its path expression
		// evaluated, then the restart webhook matching the method and the URL's suffix.
		const webhooks = (nodeType.description.webhooks ?? []).map((w) => ({
			w,
			path: String(workflow.expression.getSimpleParameterValue(node, w.path, 'internal', {}) ?? '')
				.trim()
				.replace(/^\/|\/$/g, ''),
		}));
		const match = webhooks.find(
			({ w, path }) =>
				w.restartWebhook &&
				(w.httpMethod === method || (method === 'HEAD' && w.httpMethod === 'GET')) &&
				(request.path === undefined || path === request.path),
		);
		const description = match?.w;
		const path = match?.path ?? '';
		if (!description) throw new Error(`${nodeName} has no ${method} restart webhook`);
		const response = new TestResponse();
		const req = testRequest(method, request);
		const additionalData = additionalDataFor({
			httpRequest: req as any,
			httpResponse: response as any,
			executionId: execution.id,
			credentialsHelper: this.credentialsHelper,
			webhookWaitingBaseUrl:
				this.options.webhookWaitingBaseUrl ?? 'http://127.0.0.1:5678/webhook-waiting',
			variables: {},
		});
		const webhookData: IWebhookData = {
			httpMethod: method === 'HEAD' ? 'GET' : method,
			node: nodeName,
			path,
			webhookDescription: description,
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData,
		} as IWebhookData;
		const context = new WebhookContext(
			workflow,
			node,
			additionalData,
			'webhook',
			webhookData,
			[],
			data,
		);
		// Nodes on n8n's newer class API (the Wait node) take the context as an argument, as n8n-core calls them.
		const result = isNodeClassInstance(nodeType)
			? await (nodeType as any).webhook(context)
			: await nodeType.webhook!.call(context);
		if (!result.noWebhookResponse && !response.finished) {
			response.status(200).json(result.webhookResponse ?? { message: 'Workflow was started' });
		}
		if (!result.workflowData) return { response, execution, resumed: false };
		stackEntry.data.main = result.workflowData;
		stackEntry.metadata = { ...stackEntry.metadata, forwardAllOutputs: true };
		const next = await this.process(
			execution.workflowJson,
			workflow,
			execution.id,
			data,
			'webhook',
		);
		return { response, execution: next, resumed: true };
	}

	/**
	 * Delivers an HTTP request to a production webhook of an active workflow's trigger node,
	 * as n8n's live-webhook handler does. Returns the response and whatever workflow data the
	 * node returned (n8n would start an execution with it; none is expected of a page).
	 */
	async liveWebhook(
		workflowJson: any,
		nodeName: string,
		request: {
			method?: 'GET' | 'POST' | 'HEAD';
			query?: IDataObject;
			body?: IDataObject;
			headers?: Record<string, string>;
			ip?: string;
		},
	): Promise<{ response: TestResponse; workflowData: unknown }> {
		const workflow = this.makeWorkflow(workflowJson);
		const node = workflow.getNode(nodeName)!;
		const nodeType = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
		const method = request.method ?? 'GET';
		// n8n's Webhook node names its method by an expression (`$parameter["httpMethod"]`).
		const description = (nodeType.description.webhooks ?? []).find(
			(w) =>
				!w.restartWebhook &&
				workflow.expression.getSimpleParameterValue(node, w.httpMethod, 'internal', {}) === method,
		);
		if (!description) throw new Error(`${nodeName} has no ${method} webhook`);
		const response = new TestResponse();
		const additionalData = additionalDataFor({
			httpRequest: testRequest(method, request) as any,
			httpResponse: response as any,
			credentialsHelper: this.credentialsHelper,
			webhookWaitingBaseUrl:
				this.options.webhookWaitingBaseUrl ?? 'http://127.0.0.1:5678/webhook-waiting',
			variables: {},
		});
		const webhookData = {
			httpMethod: method,
			node: nodeName,
			path: String(description.path),
			webhookDescription: description,
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData,
		} as IWebhookData;
		const context = new WebhookContext(
			workflow,
			node,
			additionalData,
			'webhook',
			webhookData,
			[],
			null,
		);
		const result = isNodeClassInstance(nodeType)
			? await (nodeType as any).webhook(context)
			: await nodeType.webhook!.call(context);
		return { response, workflowData: result.workflowData };
	}

	/** Resumes a waiting execution whose wait time passed, as n8n's wait tracker does. */
	async resumeAfterWait(execution: Execution): Promise<Execution> {
		const data = parse(execution.stored) as IRunExecutionData;
		if (!data.waitTill) throw new Error('Execution is not waiting');
		return this.process(
			execution.workflowJson,
			this.makeWorkflow(execution.workflowJson),
			execution.id,
			data,
			'trigger',
		);
	}
}

export class TestResponse extends EventEmitter {
	statusCode = 200;
	headers: Record<string, string> = {};
	/** What was written, as bytes: a download's body is binary. */
	private chunks: Buffer[] = [];
	finished = false;

	get bytes(): Buffer {
		return Buffer.concat(this.chunks);
	}
	get body(): string {
		return this.bytes.toString('utf8');
	}

	status(code: number) {
		this.statusCode = code;
		return this;
	}
	setHeader(name: string, value: string) {
		this.headers[name.toLowerCase()] = String(value);
		return this;
	}
	header(name: string, value: string) {
		return this.setHeader(name, value);
	}
	set(name: string, value: string) {
		return this.setHeader(name, value);
	}
	getHeader(name: string) {
		return this.headers[name.toLowerCase()];
	}
	type(value: string) {
		return this.setHeader('content-type', value);
	}
	writeHead(code: number, headers?: Record<string, string>) {
		this.statusCode = code;
		for (const [k, v] of Object.entries(headers ?? {})) this.setHeader(k, v);
		return this;
	}
	write(chunk: string | Buffer) {
		this.chunks.push(Buffer.from(chunk));
		return true;
	}
	end(chunk?: string | Buffer) {
		if (chunk) this.chunks.push(Buffer.from(chunk));
		this.finished = true;
		this.emit('finish');
		return this;
	}
	send(body: string | Buffer | object) {
		return this.end(
			typeof body === 'object' && !Buffer.isBuffer(body) ? JSON.stringify(body) : body,
		);
	}
	json(body: unknown) {
		this.setHeader('content-type', 'application/json');
		return this.send(JSON.stringify(body));
	}
}

function testRequest(
	method: string,
	request: {
		query?: IDataObject;
		body?: IDataObject;
		headers?: Record<string, string>;
		ip?: string;
	},
) {
	const headers = Object.fromEntries(
		Object.entries(request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
	);
	headers['user-agent'] ??= 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148';
	return {
		method,
		query: request.query ?? {},
		body: request.body ?? {},
		headers,
		ip: request.ip ?? '127.0.0.1',
		ips: [],
		socket: { remoteAddress: request.ip ?? '127.0.0.1' },
		get: (name: string) => headers[name.toLowerCase()],
		header: (name: string) => headers[name.toLowerCase()],
	};
}

export function storeCredentials(
	config: {
		type: 'sqlite' | 'postgres';
		sqlitePath?: string;
		host?: string;
		port?: number;
		database?: string;
		user?: string;
		password?: string;
	},
	extra: IDataObject = {},
): Record<string, ICredentialDataDecryptedObject> {
	return {
		consortiumStoreApi: {
			storeType: config.type,
			sqlitePath: config.sqlitePath ?? '',
			host: config.host ?? '',
			port: config.port ?? 5432,
			database: config.database ?? '',
			user: config.user ?? '',
			password: config.password ?? '',
			ssl: false,
			timeZone: 'Asia/Shanghai',
			linkSecret: 'test-secret-0123456789',
			...extra,
		} as ICredentialDataDecryptedObject,
	};
}
