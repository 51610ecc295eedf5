// The credential class disables n8n's `credential-test-required` lint because the rule cannot
// see into versioned nodes; this is the check it would have made, over every registered node
// and every version, on the descriptions n8n actually loads.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INodeType, INodeTypeDescription, IVersionedNodeType } from 'n8n-workflow';
import { ConsortiumStoreApi } from '../../../credentials/ConsortiumStoreApi.credentials';
import { consortiumStoreTest } from '../../../nodes/shared/credentialTest';
import { nodeDescription, resourceProperty } from '../../../nodes/shared/descriptions/node';

const root = join(__dirname, '../../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
	n8n: { nodes: string[] };
};

/** Each registered entry file's node, loaded from its source as the build bundles it. */
function registeredNodes(): Array<[string, IVersionedNodeType | INodeType]> {
	return pkg.n8n.nodes.map((out) => {
		const source = join(root, out.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
		const className = source.split('/').pop()!.replace('.node.ts', '');
		const NodeClass = require(source)[className] as new () => IVersionedNodeType | INodeType;
		return [className, new NodeClass()];
	});
}

function versionsOf(node: IVersionedNodeType | INodeType): INodeType[] {
	return 'nodeVersions' in node ? Object.values(node.nodeVersions) : [node];
}

describe('the store credential is tested by every node that uses it', () => {
	const credentialName = new ConsortiumStoreApi().name;
	const nodes = registeredNodes();

	it('loads all seven registered nodes', () => {
		expect(nodes.map(([name]) => name).sort()).toEqual([
			'Approval',
			'ApprovalLinksTrigger',
			'Consortium',
			'ConsortiumTrigger',
			'Course',
			'Exchange',
			'Registry',
		]);
	});

	it.each(nodes)('%s: each version names consortiumStoreTest and provides it', (_name, node) => {
		for (const version of versionsOf(node)) {
			const uses = (version.description as INodeTypeDescription).credentials?.filter(
				(c) => c.name === credentialName,
			);
			expect(uses).toEqual([
				expect.objectContaining({ required: true, testedBy: 'consortiumStoreTest' }),
			]);
			expect(version.methods?.credentialTest?.consortiumStoreTest).toBe(consortiumStoreTest);
		}
	});
});

describe('options parameters default to one of their options', () => {
	// Guards against lint autofixes that rewrite defaults (a literal replacing a computed one).
	it.each(registeredNodes())('%s', (_name, node) => {
		for (const version of versionsOf(node)) {
			for (const p of (version.description as INodeTypeDescription).properties) {
				if ((p.type !== 'options' && p.type !== 'multiOptions') || !Array.isArray(p.options))
					continue;
				const values = (p.options as Array<{ value?: unknown }>).map((o) => o.value);
				const defaults = p.type === 'multiOptions' ? (p.default as unknown[]) : [p.default];
				expect({
					parameter: p.name,
					show: p.displayOptions?.show,
					missing: defaults.filter((d) => !values.includes(d)),
				}).toEqual({
					parameter: p.name,
					show: p.displayOptions?.show,
					missing: [],
				});
			}
		}
	});
});

describe('nodeDescription', () => {
	const resources = [
		{ name: '课程申报 Course Proposal', value: 'proposal' },
		{ name: '建设成果 Deliverable', value: 'deliverable' },
	];
	const described = nodeDescription({
		name: 'course',
		displayName: '课程共建 Course',
		description: '课程 Courses',
		resources,
		defaultResource: 'proposal',
		properties: [{ displayName: '名称 Name', name: 'title', type: 'string', default: '' }],
	});

	it('names the icons as n8n resolves them, beside the built entry file', () => {
		expect(described.icon).toEqual({ light: 'file:course.svg', dark: 'file:course.dark.svg' });
		expect(described.defaults).toEqual({ name: '课程共建 Course' });
	});

	it("puts the resource selector first, its options in the order n8n's lint asks for, then the resources' parameters", () => {
		expect(described.properties.map((p) => p.name)).toEqual(['resource', 'title']);
		expect(described.properties[0].options).toEqual([resources[1], resources[0]]);
		expect(described.properties[0].default).toBe('proposal');
	});

	it("leaves the caller's list as it was", () => {
		resourceProperty(resources, 'proposal');
		expect(resources.map((r) => r.value)).toEqual(['proposal', 'deliverable']);
	});
});
