import {
	VersionedNodeType,
	type INodeType,
	type INodeTypeBaseDescription,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { consortiumStoreTest } from './credentialTest';

/** The functions n8n calls on a node version; each version has the ones its kind of node needs. */
export type EntryPoints = Pick<INodeType, 'execute' | 'poll' | 'webhook'>;

export type NodeVersionClass = new (baseDescription: INodeTypeBaseDescription) => INodeType;

/**
 * One version of a node on the consortium store. The base description it is built with comes
 * from the node's own class and brings the icon; the version's description is laid over it.
 * Only the entry points given are set, since n8n tells a trigger from an action by which exist.
 */
export function storeNodeVersion(
	versionDescription: INodeTypeDescription,
	entryPoints: EntryPoints,
): NodeVersionClass {
	return class implements INodeType {
		description: INodeTypeDescription;

		methods = { credentialTest: { consortiumStoreTest } };

		constructor(baseDescription: INodeTypeBaseDescription) {
			this.description = { ...baseDescription, ...versionDescription };
			Object.assign(this, entryPoints);
		}
	};
}

/**
 * The class n8n loads from `<Name>.node.js` and instantiates with `new`: a VersionedNodeType
 * whose versions are each built with the same base description.
 */
export function versionedNode(
	baseDescription: INodeTypeBaseDescription,
	versions: Record<number, NodeVersionClass>,
): new () => VersionedNodeType {
	return class extends VersionedNodeType {
		constructor() {
			const nodeVersions = Object.fromEntries(
				Object.entries(versions).map(([version, Version]) => [
					version,
					new Version(baseDescription),
				]),
			);
			super(nodeVersions, baseDescription);
		}
	};
}
