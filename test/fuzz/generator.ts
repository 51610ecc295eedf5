/**
 * A small seeded generator of hostile input. Every suite runs twice: once with a fixed seed
 * (the same cases in every CI run) and once with a fresh random seed that is printed, so a
 * failure found by chance can be replayed with `FUZZ_SEED=<seed> npm test`.
 */

export const FIXED_SEED = 20260901;

/** The seeds of this run: the fixed one, then FUZZ_SEED (to replay) or a random one. */
export function fuzzSeeds(label: string): number[] {
	const replay = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : NaN;
	const second = Number.isInteger(replay) ? replay : Math.floor(Math.random() * 2 ** 31);
	// eslint-disable-next-line no-console
	console.log(
		`[fuzz] ${label}: seeds ${FIXED_SEED} (fixed) and ${second} (${Number.isInteger(replay) ? 'FUZZ_SEED' : 'random'}); replay with FUZZ_SEED=${second}`,
	);
	return [FIXED_SEED, second];
}

/** How many cases per target and seed; CI keeps the default, a long local run raises it. */
export function fuzzCases(defaultCases: number): number {
	const n = Number(process.env.FUZZ_CASES);
	return Number.isInteger(n) && n > 0 ? n : defaultCases;
}

export class Rng {
	private state: number;
	constructor(seed: number) {
		this.state = seed >>> 0 || 1;
	}
	/** mulberry32: tiny, fast, and good enough to spread cases. */
	next(): number {
		let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}
	int(max: number): number {
		return Math.floor(this.next() * max);
	}
	pick<T>(list: readonly T[]): T {
		return list[this.int(list.length)];
	}
	chance(p: number): boolean {
		return this.next() < p;
	}
}

export const SQL_FRAGMENTS = [
	"'; DROP TABLE organisation; --",
	'" OR 1=1 --',
	"Robert'); DELETE FROM audit;--",
	"1' UNION SELECT id, actor FROM audit --",
	'$1; TRUNCATE person CASCADE',
	"\\'; update setting set value='x'; --",
];

export const MARKUP = [
	'<script>window.__pwned=1</script>',
	'<img src=x onerror="window.__pwned=1">',
	'"><svg onload=window.__pwned=1>',
	'javascript:window.__pwned=1',
	'</td></tr></table><iframe src="javascript:window.__pwned=1"></iframe>',
	'{{ $json.secret }} ${process.exit(1)} {{constructor.constructor("return 1")()}}',
];

export const SCRIPTS_AND_TEXT = [
	'星河智能制造有限公司',
	'工业机器人编程与调试（第二版）',
	'👩‍🔬🚀🇨🇳 emoji 名称 🧑🏽‍🏫',
	'مرحبا بالعالم',
	'שלום עולם',
	'\u202Egnp.exe\u202C 从右到左',
	'zero\u200Bwidth\u200Djoiner\uFEFF',
	'tab\tnew\nline\rreturn',
	'  leading and trailing   ',
	'nul\u0000byte',
	'Ω≈ç√∫˜µ≤≥÷ — “quotes” ‘single’',
];

export const BAD_DATES = [
	'2023-02-30',
	'2023-13-01',
	'2023年13月1日',
	'2023年2月30日',
	'0000-00-00',
	'yesterday',
	'2024-02-29T25:61:00Z',
	'+275760-09-13',
	'-000001-01-01',
	'2023/02/29',
	'1e12',
	'2023-1-1-1',
	'٢٠٢٣-٠١-٠١',
];

export const BAD_TIME_ZONES = [
	'Mars/Olympus_Mons',
	'UTC+25',
	'../../etc/passwd',
	'Asia/Shang hai',
	'<script>',
	'GMT+99',
	'💥',
];

const HUGE = ['x'.repeat(100_000), '中'.repeat(20_000), '😀'.repeat(10_000), 'a,'.repeat(30_000)];

function deep(depth: number, array: boolean): unknown {
	let v: unknown = 'bottom';
	for (let i = 0; i < depth; i++) v = array ? [v] : { nested: v };
	return v;
}

/** Values of the wrong shape for any field. JSON-representable only: that is what items carry. */
export function wrongType(rng: Rng): unknown {
	return rng.pick<() => unknown>([
		() => rng.pick([0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31]),
		() => rng.pick([true, false]),
		() => null,
		() => [],
		() => {
			const o: Record<string, unknown> = {};
			return o;
		},
		() => ['a', 1, null, { x: 1 }],
		() => ({ toString: 'not a function', valueOf: 1 }),
		() => JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}'),
		() => deep(200 + rng.int(300), rng.chance(0.5)),
	])();
}

/** A hostile scalar or structure; `kind` narrows the pool for date- and zone-shaped fields. */
export function hostile(rng: Rng, kind: 'any' | 'date' | 'zone' | 'text' = 'any'): unknown {
	if (kind === 'date' && rng.chance(0.6)) return rng.pick(BAD_DATES);
	if (kind === 'zone' && rng.chance(0.6)) return rng.pick(BAD_TIME_ZONES);
	const pools: Array<() => unknown> = [
		() => rng.pick(SQL_FRAGMENTS),
		() => rng.pick(MARKUP),
		() => rng.pick(SCRIPTS_AND_TEXT),
		() => rng.pick(HUGE),
		() => rng.pick(BAD_DATES),
		() => '',
		() => '   ',
		() => rng.pick(SQL_FRAGMENTS) + rng.pick(MARKUP) + rng.pick(SCRIPTS_AND_TEXT),
	];
	if (kind !== 'text')
		pools.push(
			() => wrongType(rng),
			() => wrongType(rng),
		);
	return rng.pick(pools)();
}

export type Mutation =
	| { kind: 'keep' }
	| { kind: 'drop'; field: string }
	| { kind: 'set'; field: string; value: unknown }
	| { kind: 'extra'; field: string; value: unknown };

/**
 * A variant of a valid record: a few fields dropped or replaced by hostile values, maybe
 * extra fields. Fields listed in `dateFields` get date-shaped junk more often.
 */
export function mutate<T extends Record<string, unknown>>(
	rng: Rng,
	base: T,
	options: { dateFields?: string[]; zoneFields?: string[] } = {},
): { input: T; mutations: Mutation[] } {
	const input: Record<string, unknown> = { ...base };
	const mutations: Mutation[] = [];
	const fields = Object.keys(base);
	const count = 1 + rng.int(3);
	for (let i = 0; i < count; i++) {
		const field = rng.pick(fields);
		const roll = rng.next();
		if (roll < 0.15) {
			delete input[field];
			mutations.push({ kind: 'drop', field });
		} else {
			const kind = options.dateFields?.includes(field)
				? 'date'
				: options.zoneFields?.includes(field)
					? 'zone'
					: 'any';
			const value = hostile(rng, kind);
			input[field] = value;
			mutations.push({ kind: 'set', field, value: describe(value) });
		}
	}
	if (rng.chance(0.3)) {
		const field = rng.pick([
			'extra',
			'id',
			'createdAt',
			'status',
			'__proto__',
			'constructor',
			'状态',
			'',
		]);
		const value = hostile(rng);
		if (field === '__proto__')
			Object.defineProperty(input, field, {
				value,
				enumerable: true,
				configurable: true,
				writable: true,
			});
		else input[field] = value;
		mutations.push({ kind: 'extra', field, value: describe(value) });
	}
	return { input: input as T, mutations };
}

/** A short description of a value for failure messages (huge strings would drown the report). */
export function describe(value: unknown): string {
	let text: string;
	try {
		text =
			typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
	} catch {
		text = String(value);
	}
	return text.length > 80 ? `${text.slice(0, 60)}…(${text.length} chars)` : text;
}
