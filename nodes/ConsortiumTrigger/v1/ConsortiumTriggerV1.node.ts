import type {
	INodeExecutionData,
	INodeType,
	INodeTypeBaseDescription,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { consortiumStoreTest } from '../../shared/credentialTest';
import { router } from './actions/router';
import { versionDescription } from './actions/versionDescription';

// The icon comes with the base description from ConsortiumTrigger.node.ts, merged in the constructor.
// eslint-disable-next-line @n8n/community-nodes/icon-validation
export class ConsortiumTriggerV1 implements INodeType {
	description: INodeTypeDescription;

	constructor(baseDescription: INodeTypeBaseDescription) {
		this.description = { ...baseDescription, ...versionDescription };
	}

	methods = { credentialTest: { consortiumStoreTest } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return router.call(this);
	}
}
