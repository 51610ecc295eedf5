import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeBaseDescription,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { consortiumStoreTest } from '../../shared/credentialTest';
import { router } from './actions/router';
import { versionDescription } from './actions/versionDescription';
import { approvalWebhook } from './actions/webhook';

// The icon comes with the base description from Approval.node.ts, merged in the constructor.
// eslint-disable-next-line @n8n/community-nodes/icon-validation
export class ApprovalV1 implements INodeType {
	description: INodeTypeDescription;

	constructor(baseDescription: INodeTypeBaseDescription) {
		this.description = { ...baseDescription, ...versionDescription };
	}

	methods = { credentialTest: { consortiumStoreTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return router.call(this);
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return approvalWebhook.call(this);
	}
}
