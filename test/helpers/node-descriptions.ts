import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
	INodeProperties,
	INodePropertyOptions,
	INodeType,
	IVersionedNodeType,
} from 'n8n-workflow';

const root = join(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
	n8n: { nodes: string[] };
};

/** Every version of every registered node, loaded from its source as the build bundles it. */
export function nodeVersions(): Array<[string, INodeType]> {
	return pkg.n8n.nodes.flatMap((out) => {
		const source = join(root, out.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
		const className = source.split('/').pop()!.replace('.node.ts', '');
		const node = new (require(source)[className] as new () => IVersionedNodeType | INodeType)();
		return ('nodeVersions' in node ? Object.values(node.nodeVersions) : [node]).map(
			(v) => [className, v] as [string, INodeType],
		);
	});
}

/** Every property, those inside collections and fixed collections included. */
export function allProperties(props: INodeProperties[]): INodeProperties[] {
	return props.flatMap((p) => [
		p,
		...(p.type === 'collection' ? allProperties(p.options as INodeProperties[]) : []),
		...(p.type === 'fixedCollection'
			? (p.options as Array<{ values: INodeProperties[] }>).flatMap((g) => allProperties(g.values))
			: []),
	]);
}

/** Every property with the `show` conditions of the top-level property it sits in. */
export function propertiesWithShow(
	props: INodeProperties[],
): Array<{ property: INodeProperties; show: Record<string, unknown[]> }> {
	return props.flatMap((top) =>
		allProperties([top]).map((property) => ({
			property,
			show: (top.displayOptions?.show ?? {}) as Record<string, unknown[]>,
		})),
	);
}

export const optionList = (p: INodeProperties) =>
	['options', 'multiOptions'].includes(p.type) && Array.isArray(p.options)
		? (p.options as INodePropertyOptions[])
		: [];
