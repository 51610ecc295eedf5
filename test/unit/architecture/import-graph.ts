import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import * as ts from 'typescript';

/** One import of a module: what it names, and whether only types come through it. */
export interface ImportRef {
	specifier: string;
	typeOnly: boolean;
	/** `import()` or `require()`: a cycle through one is still a cycle, only hidden. */
	dynamic: boolean;
}

export const ROOT = resolve(__dirname, '..', '..', '..');

export function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return /\.ts$/.test(name) && !/\.d\.ts$/.test(name) ? [path] : [];
	});
}

export const importsOf = (file: string): ImportRef[] => importsIn(readFileSync(file, 'utf8'), file);

/** Every module a source names: static imports and re-exports, `import()`, `require()`, `import x = require()`, `import('x').T`. */
export function importsIn(text: string, fileName = 'source.ts'): ImportRef[] {
	const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
	const refs: ImportRef[] = [];
	const literal = (node: ts.Node | undefined) =>
		node && ts.isStringLiteralLike(node) ? node.text : undefined;
	const visit = (node: ts.Node): void => {
		if (ts.isImportDeclaration(node)) {
			const clause = node.importClause;
			const named =
				clause?.namedBindings && ts.isNamedImports(clause.namedBindings)
					? clause.namedBindings.elements
					: undefined;
			const typeOnly =
				!!clause &&
				(clause.isTypeOnly ||
					(!clause.name && !!named && named.length > 0 && named.every((e) => e.isTypeOnly)));
			refs.push({ specifier: literal(node.moduleSpecifier)!, typeOnly, dynamic: false });
		} else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
			const named =
				node.exportClause && ts.isNamedExports(node.exportClause)
					? node.exportClause.elements
					: undefined;
			const typeOnly =
				node.isTypeOnly || (!!named && named.length > 0 && named.every((e) => e.isTypeOnly));
			refs.push({ specifier: literal(node.moduleSpecifier)!, typeOnly, dynamic: false });
		} else if (
			ts.isImportEqualsDeclaration(node) &&
			ts.isExternalModuleReference(node.moduleReference)
		) {
			refs.push({
				specifier: literal(node.moduleReference.expression)!,
				typeOnly: node.isTypeOnly,
				dynamic: false,
			});
		} else if (ts.isCallExpression(node)) {
			const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
			const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
			const specifier = literal(node.arguments[0]);
			if ((isImport || isRequire) && specifier)
				refs.push({ specifier, typeOnly: false, dynamic: true });
		} else if (ts.isImportTypeNode(node)) {
			const specifier = ts.isLiteralTypeNode(node.argument)
				? literal(node.argument.literal)
				: undefined;
			if (specifier) refs.push({ specifier, typeOnly: true, dynamic: false });
		}
		ts.forEachChild(node, visit);
	};
	visit(source);
	return refs;
}

/** The file a relative specifier names (`./x` → x.ts or x/index.ts); undefined for packages. */
export function resolveRelative(from: string, specifier: string): string | undefined {
	if (!specifier.startsWith('.')) return undefined;
	const base = resolve(dirname(from), specifier);
	return [`${base}.ts`, join(base, 'index.ts'), base].find((p) => /\.ts$/.test(p) && existsSync(p));
}

export const show = (file: string) => relative(ROOT, file).split('\\').join('/');

/** The shortest way round a cycle from `start` (a member of `component`) back to it. */
export function cyclePath(
	component: string[],
	edges: Map<string, string[]>,
	start = component[0],
): string[] {
	const members = new Set(component);
	const previous = new Map<string, string>();
	const queue = [start];
	while (queue.length) {
		const v = queue.shift()!;
		for (const w of edges.get(v) ?? []) {
			if (!members.has(w)) continue;
			if (w === start) {
				const path = [start];
				for (let u: string | undefined = v; u && u !== start; u = previous.get(u))
					path.splice(1, 0, u);
				return [...path, start];
			}
			if (!previous.has(w)) {
				previous.set(w, v);
				queue.push(w);
			}
		}
	}
	return component;
}

/**
 * The import cycles of a graph: each strongly connected component of more than one module (or
 * a module importing itself), its members sorted.
 */
export function cycles(edges: Map<string, string[]>): string[][] {
	// Tarjan's algorithm; recursion depth is at most the number of modules (a few hundred).
	let index = 0;
	const order = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const found: string[][] = [];
	const connect = (v: string): void => {
		order.set(v, index);
		low.set(v, index++);
		stack.push(v);
		onStack.add(v);
		for (const w of edges.get(v) ?? []) {
			if (!order.has(w)) {
				connect(w);
				low.set(v, Math.min(low.get(v)!, low.get(w)!));
			} else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
		}
		if (low.get(v) === order.get(v)) {
			const component: string[] = [];
			let w: string;
			do {
				w = stack.pop()!;
				onStack.delete(w);
				component.push(w);
			} while (w !== v);
			if (component.length > 1 || (edges.get(v) ?? []).includes(v)) found.push(component.sort());
		}
	};
	for (const v of [...edges.keys()].sort()) if (!order.has(v)) connect(v);
	return found.sort((a, b) => a[0].localeCompare(b[0]));
}
