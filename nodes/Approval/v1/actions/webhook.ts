import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import {
	attachmentForLink,
	claimFinishedRequest,
	claimNotifyRound,
	notifyHandOverKey,
	decide,
	inspectLink,
	sameSecret,
	isResultHandOver,
	type ApprovalEnv,
	type LinkView,
} from '../../../../core/approval';
import { clientIp, first, pageFor, sendAttachment, sendPage, serveLinkRequest } from './linkPages';
import { outputsFor, resultOutputs, type Outputs } from './items';

/**
 * The suffix of every approver link. A fixed string, not an expression such as `$nodeId`:
 * n8n evaluates each webhook path of the waiting node on every call to its resume URL, and
 * an expression costs more there than the whole decision. One node waits per execution,
 * so the execution id in the URL already tells n8n which node is meant.
 */
export const APPROVAL_WEBHOOK_PATH = 'decide';

/** The restart webhooks: GET shows, POST decides. Declared once, referenced by the node. */
export const APPROVAL_WEBHOOKS = [
	{
		name: 'default' as const,
		httpMethod: 'GET',
		responseMode: 'onReceived',
		path: APPROVAL_WEBHOOK_PATH,
		restartWebhook: true,
		isFullPath: true,
	},
	{
		name: 'default' as const,
		httpMethod: 'POST',
		responseMode: 'onReceived',
		path: APPROVAL_WEBHOOK_PATH,
		restartWebhook: true,
		isFullPath: true,
	},
	// Link previews often send HEAD; n8n matches waiting webhooks by exact method.
	{
		name: 'default' as const,
		httpMethod: 'HEAD',
		responseMode: 'onReceived',
		path: APPROVAL_WEBHOOK_PATH,
		restartWebhook: true,
		isFullPath: true,
	},
];

/** Resume only with a result, or with notices for approvers whose turn has come. */
async function resumeWith(env: ApprovalEnv, view: LinkView): Promise<Outputs | null> {
	// The view's record was read in the deciding transaction, after the change: reuse it.
	const known = view.record ? { record: view.record, linkBase: view.linkBase ?? null } : undefined;
	if (view.change?.outcome === 'notify') return outputsFor(env, view.change, [], known);
	if (view.deliver && view.record) return resultOutputs(env, view.record.requestId, view.record);
	return null;
}

export async function approvalWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	return serveLinkRequest(this, 'Approval webhook', async ({ req, res, method, headOnly, env }) => {
		const query = (req.query ?? {}) as IDataObject;
		const body = (method === 'POST' ? (req.body ?? {}) : {}) as IDataObject;

		// The link endpoint recorded a decision that opened the next approvers: resume on Notify with their mails, once per round.
		if (method === 'POST' && body.poke !== undefined && body.notify !== undefined) {
			const requestId = String(first(body.request) ?? '');
			const round = Number(first(body.notify));
			const slots = String(first(body.slots) ?? '')
				.split(',')
				.filter(Boolean);
			const valid = sameSecret(
				first(body.poke),
				notifyHandOverKey(env.settings.linkSecret, requestId, round, slots),
			);
			const change = valid ? await claimNotifyRound(env, requestId, round, slots) : null;
			res.status(valid ? 200 : 403).json({ resumed: Boolean(change) });
			return change
				? { noWebhookResponse: true, workflowData: await outputsFor(env, change) }
				: { noWebhookResponse: true };
		}

		// The request was finished elsewhere (a decision at the link endpoint, 撤回, expiry): resume with the result.
		if (method === 'POST' && body.poke !== undefined) {
			const requestId = first(body.request);
			if (!isResultHandOver(env.settings.linkSecret, requestId, first(body.poke))) {
				res.status(403).json({ resumed: false });
				return { noWebhookResponse: true };
			}
			const claimed = await claimFinishedRequest(env, requestId);
			res.status(200).json({ resumed: Boolean(claimed) });
			return claimed
				? { noWebhookResponse: true, workflowData: await resultOutputs(env, claimed.id) }
				: { noWebhookResponse: true };
		}

		const token = String(first(body.token) ?? first(query.token) ?? '');
		// A link acts only on the execution it was issued for: another request's token is unknown here.
		const scope = { executionId: this.getExecutionId(), nodeId: this.getNode().id };
		// 附件: a download at the approver's link (`&file=<id>`) only reads; it never resumes the execution.
		if (method !== 'POST' && query.file !== undefined) {
			sendAttachment(res, await attachmentForLink(env, token, first(query.file), scope), headOnly);
			return { noWebhookResponse: true };
		}
		// Only a POST decides. GET and HEAD — a person, a mail scanner or a link preview alike — only look,
		// whatever the query string says.
		const view =
			method === 'POST'
				? await decide(env, {
						token,
						formKey: first(body.formKey),
						decision: first(body.decision),
						comment: first(body.comment),
						ip: clientIp(req),
						userAgent:
							typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : null,
						scope,
					})
				: await inspectLink(env, token, scope);
		const page = pageFor(env, view, token);
		sendPage(res, page.status, page.html, headOnly);
		const workflowData = await resumeWith(env, view);
		return workflowData ? { noWebhookResponse: true, workflowData } : { noWebhookResponse: true };
	});
}
