import {
	NodeConnectionTypes,
	type INodeCredentialDescription,
	type INodeProperties,
	type INodePropertyOptions,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { CREDENTIAL_NAME } from '../store';
import { resourceOperationSubtitle } from './subtitle';

/** Every node reads the one store credential; `consortiumStoreTest` is each V1 class's `methods.credentialTest`. */
export const storeCredentials: INodeCredentialDescription[] = [
	{ name: CREDENTIAL_NAME, required: true, testedBy: 'consortiumStoreTest' },
];

/**
 * The resource selector, its options alphabetized by `name` as n8n's lint
 * (`node-param-options-type-unsorted-items`) asks; the lint cannot see options passed through a
 * function, so the order is made here rather than trusted to each caller.
 */
export function resourceProperty(
	resources: INodePropertyOptions[],
	defaultResource: string,
): INodeProperties {
	return {
		displayName: '资源 Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [...resources].sort((a, b) => a.name.localeCompare(b.name)),
		default: defaultResource,
	};
}

export interface StoreNodeIdentity {
	/** The node's `name`; also the stem of its icons `<name>.svg` and `<name>.dark.svg`. */
	name: string;
	displayName: string;
	description: string;
}

/**
 * What every version-1 node on the consortium store describes alike: its names, its icons and
 * the store credential. n8n resolves `file:` icons against the built entry file
 * (`dist/nodes/<Name>/<Name>.node.js`, one bundle per node), where the icons sit beside it.
 */
export function storeNodeIdentity(
	{ name, displayName, description }: StoreNodeIdentity,
	group: 'transform' | 'trigger' = 'transform',
) {
	return {
		displayName,
		name,
		icon: { light: `file:${name}.svg`, dark: `file:${name}.dark.svg` },
		group: [group],
		version: 1,
		description,
		defaults: { name: displayName },
		credentials: storeCredentials,
	} satisfies Partial<INodeTypeDescription>;
}

export interface NodeDescriptionOptions extends StoreNodeIdentity {
	resources: INodePropertyOptions[];
	defaultResource: string;
	/** Each resource's own parameters, in the order the editor shows them. */
	properties: INodeProperties[];
}

/** Version 1 of a resource/operation action node on the consortium store. */
export function nodeDescription(options: NodeDescriptionOptions): INodeTypeDescription {
	const properties = [
		resourceProperty(options.resources, options.defaultResource),
		...options.properties,
	];
	return {
		...storeNodeIdentity(options),
		subtitle: resourceOperationSubtitle(properties),
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties,
	};
}
