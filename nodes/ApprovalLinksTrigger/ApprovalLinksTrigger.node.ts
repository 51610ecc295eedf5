import {
	NodeConnectionTypes,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { recordLinkEndpoint } from '../../core/approval';
import { consortiumStoreTest } from '../shared/credentialTest';
import { CREDENTIAL_NAME, consortiumFor } from '../shared/store';
import { APPROVAL_LINK_WEBHOOKS, approvalLinksWebhook } from './linksWebhook';

/**
 * The permanent endpoint of approver links. Its workflow stays active; every page and every
 * decision is served from the store by its webhook, which returns no workflow data, so n8n
 * starts no execution for it. Outcomes that a waiting execution must act on are handed to
 * that execution through its own resume URL.
 */
export class ApprovalLinksTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: '审批链接 Approval Links Trigger',
		name: 'approvalLinksTrigger',
		icon: { light: 'file:approvalLinksTrigger.svg', dark: 'file:approvalLinksTrigger.dark.svg' },
		group: ['trigger'],
		// Not 1: for every webhook call of a version-1 node, n8n 2.40 evaluates an expression meant
		// for its own Webhook node v1 (`parseRequestBody`), and that builds an isolate (~100 ms of CPU).
		version: 1.1,
		subtitle: '审批链接端点 /webhook/consortium-approval',
		description:
			'审批邮件链接的固定入口：显示审批页面、记录决定，不启动执行 The permanent endpoint of approval email links: shows pages and records decisions without starting executions',
		defaults: { name: '审批链接 Approval Links' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_NAME, required: true, testedBy: 'consortiumStoreTest' }],
		webhooks: APPROVAL_LINK_WEBHOOKS as INodeTypeDescription['webhooks'],
		properties: [
			{
				displayName:
					"保持此工作流为已发布：审批节点发出的链接都指向这里。使用与审批节点相同的凭证。 Keep this workflow published: the Approval nodes' links all point here. Use the same credential as the Approval nodes.",
				name: 'notice',
				type: 'notice',
				default: '',
			},
		],
	};

	methods = { credentialTest: { consortiumStoreTest } };

	webhookMethods = {
		default: {
			// Recorded on every activation: the Approval nodes read it from the store to build links.
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const { store } = await consortiumFor(this);
				await recordLinkEndpoint(store, String(this.getNodeWebhookUrl('default')));
				return true;
			},
			// Kept on deactivation: links already mailed stay valid across a restart.
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return approvalLinksWebhook.call(this);
	}
}
