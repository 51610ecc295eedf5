import { join } from 'node:path';
import {
	cyclePath,
	cycles,
	importsIn,
	importsOf,
	resolveRelative,
	ROOT,
	show,
	sourceFiles,
} from './import-graph';

/**
 * core/ is the domain without n8n: it imports nothing from n8n and nothing from the node
 * folders (which do), and its modules form no import cycle — counting `import()` and
 * `require()`, which hide a cycle from the type-checker and the bundler without removing it,
 * and type-only imports, which tie two modules together for a reader all the same.
 */
const CORE = join(ROOT, 'core');
const files = sourceFiles(CORE);
const graph = new Map(files.map((file) => [file, importsOf(file)] as const));

const N8N_PACKAGE = /^(?:n8n-|@n8n\/|n8n$)/;

describe('core/ imports', () => {
	it('are read from every form a module can be named in', () => {
		const text = [
			"import { a } from './static';",
			"import type { T } from './types';",
			"import { type U, type V } from './only-types';",
			"import { type W, x } from './mixed';",
			"import './side-effect';",
			"export { y } from './re-export';",
			"export * from './star';",
			"export type { Z } from './type-export';",
			"import legacy = require('./legacy');",
			"async function f() { await import('./dynamic'); require('./required'); }",
			"let db: import('node:sqlite').DatabaseSync;",
		].join('\n');
		expect(importsIn(text)).toEqual([
			{ specifier: './static', typeOnly: false, dynamic: false },
			{ specifier: './types', typeOnly: true, dynamic: false },
			{ specifier: './only-types', typeOnly: true, dynamic: false },
			{ specifier: './mixed', typeOnly: false, dynamic: false },
			{ specifier: './side-effect', typeOnly: false, dynamic: false },
			{ specifier: './re-export', typeOnly: false, dynamic: false },
			{ specifier: './star', typeOnly: false, dynamic: false },
			{ specifier: './type-export', typeOnly: true, dynamic: false },
			{ specifier: './legacy', typeOnly: false, dynamic: false },
			{ specifier: './dynamic', typeOnly: false, dynamic: true },
			{ specifier: './required', typeOnly: false, dynamic: true },
			{ specifier: 'node:sqlite', typeOnly: true, dynamic: false },
		]);
	});

	it('find a cycle hidden behind a dynamic import, and name the way round it', () => {
		const edges = new Map([
			['a', ['b']],
			['b', ['c']],
			['c', ['a', 'd']],
			['d', []],
		]);
		expect(cycles(edges)).toEqual([['a', 'b', 'c']]);
		expect(cyclePath(['a', 'b', 'c'], edges)).toEqual(['a', 'b', 'c', 'a']);
		expect(cyclePath(['a', 'b', 'c'], edges, 'c')).toEqual(['c', 'a', 'b', 'c']);
	});

	it('name nothing from n8n', () => {
		const offending = files.flatMap((file) =>
			graph
				.get(file)!
				.filter((ref) => N8N_PACKAGE.test(ref.specifier))
				.map((ref) => `${show(file)} imports ${ref.specifier}`),
		);
		expect(offending).toEqual([]);
	});

	it('stay inside core/ (the node folders import n8n)', () => {
		const outside = files.flatMap((file) =>
			graph
				.get(file)!
				.filter(
					(ref) =>
						ref.specifier.startsWith('.') &&
						!(resolveRelative(file, ref.specifier) ?? '').startsWith(CORE),
				)
				.map((ref) => `${show(file)} imports ${ref.specifier}`),
		);
		expect(outside).toEqual([]);
	});

	it('form no cycle, counting import(), require() and type-only imports', () => {
		const edges = new Map(
			files.map((file) => [
				show(file),
				graph
					.get(file)!
					.map((ref) => resolveRelative(file, ref.specifier))
					.filter((target): target is string => !!target)
					.map(show),
			]),
		);
		const how = (from: string, to: string) => {
			const file = join(ROOT, from);
			const refs = graph
				.get(file)!
				.filter((ref) => resolveRelative(file, ref.specifier) === join(ROOT, to));
			return refs.some((ref) => ref.dynamic)
				? ' →[import()] '
				: refs.every((ref) => ref.typeOnly)
					? ' →[types] '
					: ' → ';
		};
		// Each member's shortest way round, so every module caught in a cycle is named.
		const found = cycles(edges).flatMap((component) => [
			...new Set(
				component.map((start) => {
					const path = cyclePath(component, edges, start);
					const from = path.indexOf([...path.slice(0, -1)].sort()[0]);
					const turn = [...path.slice(from, -1), ...path.slice(0, from), path[from]];
					return turn
						.map((module, i) => (i === 0 ? module : how(turn[i - 1], module) + module))
						.join('');
				}),
			),
		]);
		expect(found).toEqual([]);
	});
});
