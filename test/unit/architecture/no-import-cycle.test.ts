import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// Issue #18: a cycle hidden behind `await import(...)` once tied the registry modules together.
// Over the whole of core/, every import that runs counts — static, `export … from`, bare and
// dynamic — and `import type` does not, for it leaves nothing at run time.
const CORE = join(__dirname, '../../../core');

function tsFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return tsFiles(path);
		return entry.name.endsWith('.ts') ? [path] : [];
	});
}

function resolveSpecifier(from: string, specifier: string): string | null {
	const base = resolve(dirname(from), specifier);
	return [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate)) ?? null;
}

function importsOf(file: string): string[] {
	const text = readFileSync(file, 'utf8');
	const specifiers = [
		...text.matchAll(/^\s*(?:import|export)\s+(?!type\s)[^'";]*?from\s+'(\.[^']+)'/gm),
		...text.matchAll(/^\s*import\s+'(\.[^']+)'/gm),
		...text.matchAll(/import\(\s*'(\.[^']+)'\s*\)/g),
	].map((m) => m[1]);
	return [...new Set(specifiers.map((s) => resolveSpecifier(file, s)).filter((f) => f !== null))];
}

/** Every cycle a depth-first walk meets, as the chain of files relative to core/. */
function cycles(graph: Map<string, string[]>): string[] {
	const state = new Map<string, 'open' | 'done'>();
	const path: string[] = [];
	const found: string[] = [];
	const visit = (node: string) => {
		state.set(node, 'open');
		path.push(node);
		for (const next of graph.get(node) ?? []) {
			if (state.get(next) === 'open')
				found.push(
					[...path.slice(path.indexOf(next)), next].map((f) => relative(CORE, f)).join(' → '),
				);
			else if (!state.has(next)) visit(next);
		}
		path.pop();
		state.set(node, 'done');
	};
	for (const node of graph.keys()) if (!state.has(node)) visit(node);
	return found;
}

describe('core/ module graph', () => {
	const graph = new Map(tsFiles(CORE).map((f) => [f, importsOf(f)]));

	it('reads the imports it checks, dynamic ones included', () => {
		expect(graph.size).toBeGreaterThan(100);
		const imports = (file: string) =>
			(graph.get(join(CORE, file)) ?? []).map((f) => relative(CORE, f));
		expect(imports('approval/decide.ts')).toEqual(expect.arrayContaining(['approval/steps.ts']));
		expect(imports('registry/import.ts')).toEqual(expect.arrayContaining(['registry/patents.ts']));
	});

	it('finds a cycle when there is one', () => {
		const a = join(CORE, 'a.ts');
		const b = join(CORE, 'b.ts');
		expect(
			cycles(
				new Map([
					[a, [b]],
					[b, [a]],
				]),
			),
		).toEqual(['a.ts → b.ts → a.ts']);
	});

	it('has no import cycle', () => {
		expect(cycles(graph)).toEqual([]);
	});
});
