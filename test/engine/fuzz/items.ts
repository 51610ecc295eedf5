/**
 * Shared machinery of the engine fuzz suites: hostile items through one operation of one of
 * this package's nodes, run by n8n-core's real WorkflowExecute (test/engine/harness.ts) with
 * Continue On Fail on, on a real store.
 *
 * Each operation case runs twice over:
 * - item by item (one execution per item): an item is either a record or an error item that
 *   names the item and a field (or is a domain refusal: a state, a record not found); a
 *   refused item changes no table and leaves its target row as it was; an accepted one
 *   changes exactly what the operation declares and nothing else;
 * - as one batch (one execution, all items): one output per input in order, each error item
 *   naming its own index, and the rows written add up to the items that came out as records.
 */
import { sql } from 'kysely';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import type { Store, StoreConfig } from '../../../core/store';
import { BAD_TIME_ZONES, describe as show, mutate, Rng, type Mutation } from '../../fuzz/generator';
import { Engine, storeCredentials, type Execution } from '../harness';

/** A node parameter read from the item, so the item's junk reaches the node as it is. */
export const expr = (key: string) => `={{ $json[${JSON.stringify(key)}] }}`;
export const fromItem = (keys: string[]): IDataObject =>
	Object.fromEntries(keys.map((k) => [k, expr(k)]));

export const OP_NODE = 'Op';

/** Start → one node of this package (`course`, `exchange` …) with the given parameters. */
export function opWorkflow(nodeType: string, parameters: IDataObject, continueOnFail = true) {
	return {
		name: `fuzz ${nodeType} ${String(parameters.resource)} ${String(parameters.operation)}`,
		nodes: [
			{
				id: 'start',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'op',
				name: OP_NODE,
				type: `n8n-nodes-consortium.${nodeType}`,
				typeVersion: 1,
				position: [200, 0],
				parameters,
				...(continueOnFail ? { continueOnFail: true, onError: 'continueRegularOutput' } : {}),
				credentials: { consortiumStoreApi: { id: '1', name: 'store' } },
			},
		],
		connections: { Start: { main: [[{ node: OP_NODE, type: 'main', index: 0 }]] } },
	};
}

export type Counts = Record<string, number>;

const OBJECT_TEXT = '[object Object] in audit';
const tablesOf = new WeakMap<Store, string[]>();

/**
 * Row count of every table in one query, plus the audit rows whose recorded changes hold
 * `[object Object]` (a value that was converted instead of refused).
 */
export async function counts(store: Store): Promise<Counts> {
	let tables = tablesOf.get(store);
	if (!tables) {
		tables = (await store.db.introspection.getTables())
			.map((t) => t.name)
			.filter((n) => n !== 'schema_migration' && !n.startsWith('sqlite_'))
			.sort();
		tablesOf.set(store, tables);
	}
	const parts = tables.map((t) => `select '${t}' as t, count(*) as n from "${t}"`);
	parts.push(
		`select '${OBJECT_TEXT}' as t, count(*) as n from audit where changes like '%[object Object]%'`,
	);
	const result = await sql
		.raw<{ t: string; n: number | string }>(parts.join(' union all '))
		.execute(store.db);
	return Object.fromEntries(result.rows.map((r) => [r.t, Number(r.n)]));
}

export function delta(before: Counts, after: Counts): Counts {
	const out: Counts = {};
	for (const t of Object.keys({ ...before, ...after }))
		if ((after[t] ?? 0) !== (before[t] ?? 0)) out[t] = (after[t] ?? 0) - (before[t] ?? 0);
	return out;
}

export interface Target {
	table: string;
	id: string;
}

async function targetRow(store: Store, target: Target | undefined): Promise<string | null> {
	if (!target) return null;
	const row = await (store.db as any)
		.selectFrom(target.table)
		.selectAll()
		.where('id', '=', target.id)
		.executeTakeFirst();
	return JSON.stringify(row ?? null);
}

/** What a foreign error looks like: a crash, a driver error, a value computed from junk, a stack trace. */
export const FOREIGN_TEXT =
	/\b(TypeError|ReferenceError|RangeError|SyntaxError|AggregateError)\b|Cannot read propert|is not a function|is not iterable|Cannot convert|Invalid time value|Invalid Date|\bNaN\b|\[object Object\]|Unknown named parameter|cannot be bound|SQLITE_|invalid input syntax|syntax error at|violates .*constraint|duplicate key|value too long|out of range for type|bind message|invalid byte sequence|(UNIQUE|FOREIGN KEY|NOT NULL|CHECK) constraint|\n\s+at \S|\bat \S+ \(\S+:\d+:\d+\)/;

/** An error item must open with the item (`第 i+1 项 Item i: `) and say which field, state or record refused it. */
export function judgeError(json: IDataObject, index: number): string | null {
	const text = String(json.error ?? '');
	const description = String(json.description ?? '');
	if (!text.startsWith(`第 ${index + 1} 项 Item ${index + 1}：`))
		return `error does not name item ${index}: ${text.slice(0, 300)}`;
	if (FOREIGN_TEXT.test(text) || FOREIGN_TEXT.test(description))
		return `foreign error text: ${text.slice(0, 300)} — ${description.slice(0, 100)}`;
	if (text.length > 1000)
		return `error of ${text.length} characters (echoes the input): ${text.slice(0, 120)}…`;
	if (!/^(字段 Field: \S+|状态 State\b|记录 Record: \S+)/.test(description))
		return `error names no field, state or record: ${text.slice(0, 300)} — ${description}`;
	// the store's last-resort checks (an object reaching SQLite, a NUL reaching PostgreSQL) name no field of the operation
	// (by their message: an indicator entry's own field is called `value` too)
	if (/^字段 Field: (value|text)$/.test(description) && /cannot be stored/.test(text))
		return `refused only by the store's safety net, not by the operation: ${text.slice(0, 300)}`;
	return null;
}

/** Strings and numbers in an emitted record that can only come from junk converted instead of refused. */
export function junkIn(value: unknown, depth = 0): string | null {
	if (depth > 40) return null;
	if (typeof value === 'number')
		return Number.isFinite(value) ? null : `non-finite number ${value}`;
	if (typeof value === 'string')
		return /\[object Object\]|Invalid Date|\bNaN\b|\bundefined\b/.test(value)
			? `junk text ${show(value)}`
			: null;
	if (Array.isArray(value)) {
		for (const v of value) {
			const found = junkIn(v, depth + 1);
			if (found) return found;
		}
		return null;
	}
	if (value && typeof value === 'object') {
		for (const [k, v] of Object.entries(value)) {
			const found = junkIn(v, depth + 1);
			if (found) return `${k}: ${found}`;
		}
	}
	return null;
}

/** How many rows of a table one accepted item changes: exactly, within a range, or any number. */
export type Effect = number | [number, number] | 'any';
export type Effects = Record<string, Effect>;

export interface OpCase {
	name: string;
	/** The node's parameters; fields are read from the item with `fromItem`. */
	parameters: IDataObject;
	/**
	 * - `item`: one output per input, a record or an error;
	 * - `list`: zero or more records per input, or one error;
	 * - `rows`: a bulk operation emitting one result per input row (created, updated, rejected);
	 * - `check`: one output per input, the record as it would be written (`valid: true`) or a
	 *   refusal (`valid: false`, field, message) for a form's page; it never writes.
	 */
	kind?: 'item' | 'list' | 'rows' | 'check';
	/** A valid item, with a fresh target record where the operation changes one; `n` is unique per call. */
	base(n: number): Promise<{ item: IDataObject; target?: Target }>;
	/**
	 * What one accepted item changes — per output item for a `list` that declares it (a
	 * function of the output where that depends on the result); unlisted tables stay as they are.
	 */
	effects?: Effects | ((out: IDataObject) => Effects);
	dateFields?: string[];
	/** What an output that is a record looks like, where it carries no `id` (an approval record, a notice). */
	isRecord?: (out: IDataObject) => boolean;
}

export interface FuzzContext {
	engine: Engine;
	store: Store;
	/** Where the store is, for engines with other credentials. */
	config: StoreConfig;
	/** The node's short type name: `course`, `exchange`, `registry`, `consortium`. */
	nodeType: string;
	/** Counter shared by every case on this store, so base records never collide. */
	serial: { n: number };
}

type Outcome = { kind: 'record'; outs: IDataObject[] } | { kind: 'error'; json: IDataObject };

/** Output items of the op node grouped by the input item they pair with. */
function byInput(run: Execution, inputs: number): IDataObject[][] {
	const runs = run.runs(OP_NODE);
	const items: INodeExecutionData[] = runs.length ? (runs[runs.length - 1][0] ?? []) : [];
	const grouped: IDataObject[][] = Array.from({ length: inputs }, () => []);
	for (const item of items) {
		const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
		const index = typeof paired === 'number' ? paired : (paired?.item ?? -1);
		if (index < 0 || index >= inputs)
			grouped.push([{ unpaired: true, json: item.json } as IDataObject]);
		else grouped[index].push(item.json);
	}
	return grouped;
}

const ROW_RESULT_KEYS = ['row', 'result', 'id', 'field', 'reason'];

/** Classifies the outputs of input `index` and records what is wrong with them. */
function judge(
	op: OpCase,
	outs: IDataObject[],
	index: number,
	problems: string[],
	what: string,
): Outcome | null {
	const kind = op.kind ?? 'item';
	if (kind === 'rows') {
		if (outs.length !== 1)
			return (problems.push(`${what}: ${outs.length} output items for one row`), null);
		const json = outs[0];
		// The report's columns are Chinese (行 one-based, 字段, 原因); `result` is the stable value.
		if (json['行'] !== index + 1)
			problems.push(`${what}: result names row ${String(json['行'])}, not ${index + 1}`);
		if (json.result === 'rejected') {
			const reason = String(json['原因'] ?? '');
			if (typeof json['字段'] !== 'string' || !json['字段'])
				problems.push(`${what}: rejected row names no field: ${reason.slice(0, 300)}`);
			if (!reason.trim() || FOREIGN_TEXT.test(reason))
				problems.push(`${what}: unclear reason: ${reason.slice(0, 300)}`);
			if (reason.length > 1000)
				problems.push(`${what}: reason of ${reason.length} characters echoes the input`);
			return { kind: 'error', json };
		}
		if (json.result !== 'created' && json.result !== 'updated')
			return (problems.push(`${what}: result ${show(json.result)}`), null);
		if (typeof json.id !== 'string' || !json.id)
			problems.push(`${what}: ${String(json.result)} without an id: ${show(json.id)}`);
		const junk = junkIn(Object.fromEntries(ROW_RESULT_KEYS.map((k) => [k, json[k]])));
		if (junk) problems.push(`${what}: ${junk}`);
		return { kind: 'record', outs };
	}
	if (kind === 'check' && outs.length === 1 && outs[0].valid === false) {
		const json = outs[0];
		const message = String(json.message ?? '');
		if (!/^请修改「[^」]+」后重新提交|^本次申报未通过校验/.test(message))
			problems.push(`${what}: refusal not Chinese first: ${message.slice(0, 300)}`);
		if (FOREIGN_TEXT.test(message))
			problems.push(`${what}: foreign refusal: ${message.slice(0, 300)}`);
		if (message.length > 1200)
			problems.push(`${what}: refusal of ${message.length} characters echoes the input`);
		if (
			!String(json.messageHtml ?? '').startsWith('<p>') ||
			/<(?!\/?(p|b)>)/.test(String(json.messageHtml))
		)
			problems.push(`${what}: refusal HTML holds markup of the input: ${show(json.messageHtml)}`);
		return { kind: 'error', json: { ...json, error: message } };
	}
	const errors = outs.filter((o) => o.error !== undefined);
	if (errors.length) {
		if (outs.length !== 1)
			problems.push(`${what}: an error item among ${outs.length} outputs of one input`);
		const why = judgeError(errors[0], index);
		if (why) problems.push(`${what}: ${why}`);
		return { kind: 'error', json: errors[0] };
	}
	if ((kind === 'item' || kind === 'check') && outs.length !== 1)
		return (problems.push(`${what}: ${outs.length} output items for one input`), null);
	if (kind === 'check' && outs[0].valid !== true)
		problems.push(`${what}: neither a preview nor a refusal: ${show(outs[0])}`);
	for (const out of outs) {
		const isRecord =
			op.isRecord ??
			((o: IDataObject) =>
				(typeof o.id === 'string' && o.id !== '') || typeof o.patentId === 'string');
		if (kind !== 'list' && !isRecord(out))
			problems.push(`${what}: neither a record nor an error: ${show(out)}`);
		const junk = junkIn(out);
		if (junk) problems.push(`${what}: record holds ${junk}`);
	}
	return { kind: 'record', outs };
}

function effectsOf(op: OpCase, out: IDataObject): Effects {
	return typeof op.effects === 'function' ? op.effects(out) : (op.effects ?? {});
}

/** What the outputs of one accepted input changed: a list that declares no effects reads only. */
function outputEffects(op: OpCase, outs: IDataObject[]): Effects[] {
	return (op.kind ?? 'item') === 'list' && op.effects === undefined
		? []
		: outs.map((o) => effectsOf(op, o));
}

/** Checks a change against the sum of accepted items' effects; tables no effect names must not change. */
function checkEffects(change: Counts, effects: Effects[], what: string, problems: string[]): void {
	const tables = new Set([...Object.keys(change), ...effects.flatMap((e) => Object.keys(e))]);
	for (const table of tables) {
		const got = change[table] ?? 0;
		const declared = effects.map((e) => e[table]).filter((e): e is Effect => e !== undefined);
		if (declared.includes('any')) continue;
		let lo = 0;
		let hi = 0;
		for (const e of declared as Array<number | [number, number]>) {
			lo += typeof e === 'number' ? e : e[0];
			hi += typeof e === 'number' ? e : e[1];
		}
		if (got < lo || got > hi)
			problems.push(
				`${what}: ${table} changed by ${got}, expected ${lo === hi ? lo : `${lo}…${hi}`} (${effects.length} accepted)`,
			);
	}
}

/** The mutations of an item, short: `mutate` already shortened each value. */
const describeMutations = (mutations: Mutation[]) =>
	mutations
		.map((m) =>
			m.kind === 'keep'
				? ''
				: m.kind === 'drop'
					? `-${m.field}`
					: `${m.kind === 'extra' ? '+' : ''}${m.field}=${String(m.value)}`,
		)
		.join(' ') || 'valid';

export interface CaseReport {
	problems: string[];
	accepted: number;
	refused: number;
	summary: string;
}

/**
 * Runs `items` inputs one by one, then `batch` inputs as one execution. The first input of
 * each phase is left valid: the operation must work at all for the refusals to mean anything.
 */
export async function runOpCase(
	ctx: FuzzContext,
	op: OpCase,
	seed: number,
	items: number,
	batch: number,
): Promise<CaseReport> {
	const rng = new Rng(seed ^ hash(op.name));
	const workflow = opWorkflow(ctx.nodeType, op.parameters);
	const problems: string[] = [];
	let accepted = 0;
	let refused = 0;
	const draw = async (first: boolean) => {
		const { item, target } = await op.base(ctx.serial.n++);
		const keep = first || rng.chance(0.2);
		const { input, mutations } = keep
			? { input: item, mutations: [] as Mutation[] }
			: mutate(rng, item, { dateFields: op.dateFields });
		return { input, mutations, target, keep };
	};

	for (let i = 0; i < items; i++) {
		const c = await draw(i === 0);
		const what = `${op.name} seed=${seed} item ${i} [${describeMutations(c.mutations)}]`;
		if (process.env.DEBUG_FUZZ) console.log('DEBUG', what.slice(0, 400));
		const before = await counts(ctx.store);
		const rowBefore = await targetRow(ctx.store, c.target);
		const run = await ctx.engine.run(workflow, { items: [c.input] });
		if (run.error()) {
			problems.push(`${what}: the run failed: ${run.error()!.slice(0, 300)}`);
			continue;
		}
		const grouped = byInput(run, 1);
		if (grouped.length > 1) problems.push(`${what}: output items paired with no input`);
		const outcome = judge(op, grouped[0], 0, problems, what);
		const change = delta(before, await counts(ctx.store));
		if (!outcome) continue;
		if (outcome.kind === 'error') {
			refused++;
			if (c.keep)
				problems.push(
					`${what}: a valid item was refused: ${String(outcome.json.error ?? outcome.json['原因']).slice(0, 300)}`,
				);
			if (Object.keys(change).length)
				problems.push(`${what}: refused, yet changed ${JSON.stringify(change)}`);
			if (rowBefore !== (await targetRow(ctx.store, c.target)))
				problems.push(
					`${what}: refused, yet its target ${c.target!.table} ${c.target!.id} changed`,
				);
		} else {
			accepted++;
			const effects = outputEffects(op, outcome.outs);
			checkEffects(change, effects, what, problems);
		}
	}

	// One execution, every item: error items name their own index; rows written add up to the records.
	const drawn = [];
	for (let j = 0; j < batch; j++) drawn.push(await draw(j === 0));
	const before = await counts(ctx.store);
	const run = await ctx.engine.run(workflow, { items: drawn.map((d) => d.input) });
	let batchRecords = 0;
	if (run.error()) {
		problems.push(`${op.name} seed=${seed} batch: the run failed: ${run.error()!.slice(0, 300)}`);
	} else {
		const grouped = byInput(run, batch);
		if (grouped.length > batch)
			problems.push(`${op.name} seed=${seed} batch: output items paired with no input`);
		const effects: Effects[] = [];
		for (let j = 0; j < batch; j++) {
			const what = `${op.name} seed=${seed} batch item ${j} [${describeMutations(drawn[j].mutations)}]`;
			const outcome = judge(op, grouped[j], j, problems, what);
			if (!outcome) continue;
			if (outcome.kind === 'error') {
				refused++;
				if (drawn[j].keep && j === 0)
					problems.push(
						`${what}: a valid item was refused: ${String(outcome.json.error ?? outcome.json['原因']).slice(0, 300)}`,
					);
			} else {
				accepted++;
				batchRecords++;
				effects.push(...outputEffects(op, outcome.outs));
			}
		}
		checkEffects(
			delta(before, await counts(ctx.store)),
			effects,
			`${op.name} seed=${seed} batch of ${batch}`,
			problems,
		);
	}
	const summary = `[fuzz] engine ${ctx.nodeType} ${op.name} seed ${seed} (${ctx.store.dialect}): ${items} single + ${batch} batched items, ${accepted} accepted, ${refused} refused (${batchRecords} of the batch)`;
	return { problems, accepted, refused, summary };
}

export function hash(text: string): number {
	let h = 2166136261;
	for (const c of text) h = Math.imul(h ^ c.codePointAt(0)!, 16777619);
	return h >>> 0;
}

/** The context of one node's fuzz suite on a store: an engine on that store, a fresh serial. */
export function fuzzContext(config: StoreConfig, store: Store, nodeType: string): FuzzContext {
	return {
		engine: new Engine({ credentials: storeCredentials(config) }),
		store,
		config,
		nodeType,
		serial: { n: 0 },
	};
}

/** One test per seed and case, each proving the case clean (see `expectCaseClean`); `ctx` is ready once `beforeAll` ran. */
export function eachCaseIsClean(
	seeds: number[],
	cases: OpCase[],
	ctx: () => FuzzContext,
	items: number,
): void {
	describe.each(seeds)('seed %i', (seed) => {
		it.each(cases.map((c) => [c.name, c] as const))(
			'%s: records or error items naming item and field; a refused item changes nothing',
			async (_name, c) => {
				await expectCaseClean(ctx(), c, seed, items);
			},
		);
	});
}

/** One case on one seed: no problem found, and both outcomes reached (or the fuzz proved nothing). */
export async function expectCaseClean(
	ctx: FuzzContext,
	op: OpCase,
	seed: number,
	items: number,
): Promise<void> {
	const report = await runOpCase(ctx, op, seed, items, items);
	// eslint-disable-next-line no-console
	console.log(report.summary);
	expect(report.problems).toEqual([]);
	expect(report.accepted).toBeGreaterThan(0);
	expect(report.refused).toBeGreaterThan(0);
}

/**
 * Without Continue On Fail, the item at `badIndex` stops the run with a NodeOperationError
 * naming that item (message and itemIndex) and its field; items after it are not run, a
 * refused item writes nothing, so the store holds exactly `written` (the items before it).
 */
export async function expectFailFast(
	ctx: FuzzContext,
	op: OpCase,
	items: IDataObject[],
	badIndex: number,
	written: Counts = {},
): Promise<void> {
	const before = await counts(ctx.store);
	const run = await ctx.engine.run(opWorkflow(ctx.nodeType, op.parameters, false), { items });
	const error = run.run.data.resultData.error as
		| (Error & { description?: string; context?: { itemIndex?: number } })
		| undefined;
	expect(error?.name).toBe('NodeOperationError');
	expect(error?.message.startsWith(`第 ${badIndex + 1} 项 Item ${badIndex + 1}：`)).toBe(true);
	expect(error?.context?.itemIndex).toBe(badIndex);
	expect(error?.description).toMatch(/^字段 Field: \S+/);
	expect(run.output(OP_NODE)).toEqual([]);
	expect(delta(before, await counts(ctx.store))).toEqual(written);
}

/**
 * A credential whose time zone is no zone: the run fails with a message naming the time zone
 * before any item is read, and nothing is written.
 */
export async function expectBadZoneRefused(ctx: FuzzContext, op: OpCase): Promise<void> {
	const { item } = await op.base(ctx.serial.n++);
	for (const zone of BAD_TIME_ZONES) {
		const engine = new Engine({ credentials: storeCredentials(ctx.config, { timeZone: zone }) });
		const before = await counts(ctx.store);
		const run = await engine.run(opWorkflow(ctx.nodeType, op.parameters, false), { items: [item] });
		expect([zone, run.error()]).toEqual([
			zone,
			`Unknown time zone ${JSON.stringify(zone)} / 时区无效 — 凭证 Credential: 时区 Time Zone`,
		]);
		expect(delta(before, await counts(ctx.store))).toEqual({});
	}
}

/** The check operation beside a create case: the same items and parameters, and never a write. */
export function checkCaseOf(create: OpCase, name: string): OpCase {
	return {
		...create,
		name,
		kind: 'check',
		parameters: { ...create.parameters, operation: 'check' },
		effects: {},
	};
}
