import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import {
	actOnInbox,
	attachmentForLink,
	decide,
	hashToken,
	inboxPage,
	plausibleToken,
	viewInbox,
	viewLink,
	type ApprovalEnv,
	type LinkView,
} from '../../core/approval';
import { handOverAfter } from '../Approval/v1/actions/handOver';
import {
	clientIp,
	first,
	pageFor,
	sendAttachment,
	sendPage,
	serveLinkRequest,
} from '../Approval/v1/actions/linkPages';

/** The path of the permanent link endpoint: `<n8n webhook URL>/webhook/consortium-approval?token=…`. */
export const APPROVAL_LINKS_PATH = 'consortium-approval';

/** GET and HEAD show, POST decides; all on one fixed path. Declared once, referenced by the node. */
export const APPROVAL_LINK_WEBHOOKS = ['GET', 'POST', 'HEAD'].map((httpMethod) => ({
	name: 'default' as const,
	httpMethod,
	responseMode: 'onReceived',
	path: APPROVAL_LINKS_PATH,
	isFullPath: true,
}));

interface Shown {
	page: { status: number; html: string };
	view: LinkView;
}

/**
 * Looks at one link that are in flight at the same moment share one read of the store: a
 * storm of previews on one link costs one page, and other links' pages do not queue behind it.
 * Only in-flight reads are shared, so nothing is ever served stale.
 */
const inFlight = new Map<string, Promise<Shown>>();

function show(env: ApprovalEnv, token: string): Promise<Shown> {
	const key = plausibleToken(token) ? hashToken(token) : '';
	let shown = inFlight.get(key);
	if (!shown) {
		shown = (async () => {
			const view = key
				? await viewLink(env, token)
				: ({ state: 'unknown', record: null, slot: null } as LinkView);
			return { page: pageFor(env, view, token), view };
		})();
		inFlight.set(key, shown);
		void shown.finally(() => inFlight.delete(key)).catch(() => undefined);
	}
	return shown;
}

/** Hand-overs run after the approver has their page; a failure is logged, never shown. */
function afterwards(ctx: IWebhookFunctions, env: ApprovalEnv, view: LinkView) {
	if (!view.handOverResult && !view.round) return;
	handOverAfter(env, view).catch((error: Error) =>
		ctx.logger?.warn?.(`Approval hand-over failed: ${error?.message}`),
	);
}

async function inboxAction(
	env: ApprovalEnv,
	inbox: unknown,
	body: IDataObject,
	req: ReturnType<IWebhookFunctions['getRequestObject']>,
) {
	const acted = await actOnInbox(
		env,
		{
			token: inbox,
			formKey: first(body.formKey),
			action: first(body.action),
			deputy: first(body.deputy),
			from: first(body.from),
			to: first(body.to),
		},
		{
			ip: clientIp(req),
			userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : null,
		},
	);
	return inboxPage(acted.view, env.settings.timeZone, new Date(), acted.outcome, acted.status);
}

export async function approvalLinksWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	return serveLinkRequest(this, 'Approval link', async ({ req, res, method, headOnly, env }) => {
		const body = (method === 'POST' ? (req.body ?? {}) : {}) as IDataObject;
		const token = String(first(body.token) ?? first((req.query ?? {}).token) ?? '');
		const inbox = first((req.query ?? {}).inbox);
		// A 待办 inbox lists; its entries open their own decision links, which decide. Its POST
		// only sets or ends the owner's delegation.
		if (inbox !== undefined) {
			const page =
				method === 'POST'
					? await inboxAction(env, inbox, body, req)
					: inboxPage(await viewInbox(env, inbox), env.settings.timeZone);
			sendPage(res, page.status, page.html, headOnly);
			return { noWebhookResponse: true };
		}
		// 附件: a download at the approver's link (`&file=<id>`) only reads; it decides nothing.
		const file = first((req.query ?? {}).file);
		if (method !== 'POST' && file !== undefined) {
			sendAttachment(res, await attachmentForLink(env, token, file), headOnly);
			return { noWebhookResponse: true };
		}
		// Only a POST decides. GET and HEAD — a person, a mail scanner or a link preview alike — only look.
		if (method !== 'POST') {
			const { page, view } = await show(env, token);
			sendPage(res, page.status, page.html, headOnly);
			afterwards(this, env, view);
			return { noWebhookResponse: true };
		}
		const view = await decide(env, {
			token,
			formKey: first(body.formKey),
			decision: first(body.decision),
			comment: first(body.comment),
			ip: clientIp(req),
			userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : null,
			atEndpoint: true,
		});
		const page = pageFor(env, view, token);
		sendPage(res, page.status, page.html, false);
		afterwards(this, env, view);
		return { noWebhookResponse: true };
	});
}
