import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeBaseDescription,
	INodeTypeDescription,
} from 'n8n-workflow';
import { consortiumStoreTest } from '../../shared/credentialTest';
import { router } from './actions/router';
import { versionDescription } from './actions/versionDescription';

// The icon comes with the base description from Exchange.node.ts, merged in the constructor.
// eslint-disable-next-line @n8n/community-nodes/icon-validation
export class ExchangeV1 implements INodeType {
	description: INodeTypeDescription;

	constructor(baseDescription: INodeTypeBaseDescription) {
		this.description = { ...baseDescription, ...versionDescription };
	}

	methods = { credentialTest: { consortiumStoreTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return router.call(this);
	}
}
