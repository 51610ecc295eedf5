import {
	Workflow,
	type INode,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
	type INodeTypes,
} from 'n8n-workflow';
import { allProperties, nodeVersions, optionList } from '../../helpers/node-descriptions';

/**
 * Users read this package in Chinese first (`创建 Create`): every option name, every action
 * text the node panel lists, and the subtitle the canvas shows under each node — evaluated by
 * n8n's own expression engine for every resource and operation — start with Chinese.
 */
// An acronym Chinese writes as it is may lead (`PCT 发明`, `JSON 文本`).
const CHINESE_FIRST = /^(?:[A-Z]{2,5} ?)?[\u3400-\u9fff]/;

const versions = nodeVersions();

function subtitleOf(node: INodeType, parameters: Record<string, unknown>): unknown {
	const description = node.description as INodeTypeDescription;
	const nodeTypes: INodeTypes = {
		getByName: () => node,
		getByNameAndVersion: () => node,
		getKnownTypes: () => ({}),
	};
	const self: INode = {
		id: '1',
		name: 'n',
		type: description.name,
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
	};
	const workflow = new Workflow({ nodes: [self], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(self, description.subtitle!, 'internal', {});
}

describe.each(versions)('%s: Chinese first', (_name, node) => {
	const description = node.description as INodeTypeDescription;
	const properties = allProperties(description.properties);

	it('in every option name and action text', () => {
		const offending = properties.flatMap((p) =>
			optionList(p).flatMap((o) => [
				...(CHINESE_FIRST.test(o.name) ? [] : [`${p.name}: option "${o.name}"`]),
				...(o.action === undefined || CHINESE_FIRST.test(o.action)
					? []
					: [`${p.name}.${String(o.value)}: action "${o.action}"`]),
			]),
		);
		expect(offending).toEqual([]);
	});

	it('in the subtitle, for every resource and operation', () => {
		const resources = optionList(
			properties.find((p) => p.name === 'resource') ??
				({ type: 'options', options: [{ value: undefined }] } as unknown as INodeProperties),
		);
		const operations = properties.filter((p) => p.name === 'operation');
		const events = properties.find((p) => p.name === 'events');
		const cases: Array<Record<string, unknown>> = events
			? [
					...optionList(events).map((o) => ({ events: [o.value] })),
					{ events: optionList(events).map((o) => o.value) },
				]
			: !operations.length
				? [{}] // a node with one job (the links endpoint) shows one subtitle
				: resources.flatMap((r) =>
						operations
							.filter(
								(op) =>
									!op.displayOptions?.show?.resource ||
									(op.displayOptions.show.resource as unknown[]).includes(r.value),
							)
							.flatMap((op) =>
								optionList(op).map((o) => ({ resource: r.value, operation: o.value })),
							),
					);
		expect(cases.length).toBeGreaterThan(0);
		const shown = cases.map((parameters) => ({
			parameters,
			subtitle: subtitleOf(node, parameters),
		}));
		expect(
			shown.filter(
				({ subtitle }) =>
					typeof subtitle !== 'string' ||
					!CHINESE_FIRST.test(subtitle) ||
					/undefined/.test(subtitle),
			),
		).toEqual([]);
	});
});
