import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Issue #18: patents.ts and projects.ts imported import.ts through `await import(...)`, which
// imported them back. Every import counts here — static, `export … from` and dynamic — but
// not `import type`, which leaves nothing at run time.
const DIR = join(__dirname, '../../../core/registry');

function importsOf(file: string): string[] {
	const text = readFileSync(join(DIR, file), 'utf8');
	const found = [
		...text.matchAll(/^\s*(?:import|export)\s+(?!type\s)[^'"]*?from\s+'(\.\/[^']+)'/gm),
		...text.matchAll(/^\s*import\s+'(\.\/[^']+)'/gm),
		...text.matchAll(/import\(\s*'(\.\/[^']+)'\s*\)/g),
	];
	return [...new Set(found.map((m) => `${m[1].slice(2)}.ts`))];
}

function cycleFrom(graph: Map<string, string[]>, start: string): string[] | null {
	const path: string[] = [];
	const visit = (node: string): string[] | null => {
		if (path.includes(node)) return [...path.slice(path.indexOf(node)), node];
		path.push(node);
		for (const next of graph.get(node) ?? []) {
			const cycle = visit(next);
			if (cycle) return cycle;
		}
		path.pop();
		return null;
	};
	return visit(start);
}

describe('core/registry module graph', () => {
	const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));
	const graph = new Map(files.map((f) => [f, importsOf(f)]));

	it('reads the imports it checks', () => {
		expect(graph.get('import.ts')).toEqual(expect.arrayContaining(['patents.ts', 'projects.ts']));
		expect(graph.get('patents.ts')).toEqual(
			expect.arrayContaining(['patent-fees.ts', 'patent-record.ts']),
		);
	});

	it('has no cycle, dynamic imports included', () => {
		for (const file of files) expect([file, cycleFrom(graph, file)]).toEqual([file, null]);
	});

	it('keeps the entity modules unaware of the ledger import', () => {
		for (const file of ['patents.ts', 'projects.ts', 'patent-record.ts', 'patent-fees.ts'])
			expect(graph.get(file)).not.toContain('import.ts');
	});
});
