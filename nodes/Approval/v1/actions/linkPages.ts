import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import {
	attachmentRefusedPage,
	confirmPage,
	contentDisposition,
	errorPage,
	formKey,
	linkFor,
	recordedPage,
	statePage,
	type ApprovalEnv,
	type AttachmentDownload,
	type LinkView,
} from '../../../../core/approval';
import { consortiumFor } from '../../../shared/store';

/** What an approver's link answers, shared by the waiting execution's webhook and the link endpoint. */

type Res = ReturnType<IWebhookFunctions['getResponseObject']>;

/** One call at an approver's link, as the handler of `serveLinkRequest` gets it. */
export interface LinkRequest {
	req: ReturnType<IWebhookFunctions['getRequestObject']>;
	res: Res;
	/** Upper case; HEAD is answered as GET without a body. */
	method: string;
	headOnly: boolean;
	env: ApprovalEnv;
}

/**
 * Serves a call at an approver's link with the store opened. A failure shows the approver a
 * plain error page; the details go to n8n's log as "`what` failed: …".
 */
export async function serveLinkRequest(
	ctx: IWebhookFunctions,
	what: string,
	handle: (request: LinkRequest) => Promise<IWebhookResponseData>,
): Promise<IWebhookResponseData> {
	const req = ctx.getRequestObject();
	const res = ctx.getResponseObject();
	const method = String(req.method ?? 'GET').toUpperCase();
	const headOnly = method === 'HEAD';
	try {
		const { store, settings } = await consortiumFor(ctx);
		return await handle({ req, res, method, headOnly, env: { store, settings } });
	} catch (error) {
		ctx.logger?.error?.(`${what} failed: ${(error as Error)?.message}`);
		if (!res.headersSent) sendPage(res, 500, errorPage(), headOnly);
		return { noWebhookResponse: true };
	}
}

export function sendPage(res: Res, status: number, html: string, headOnly: boolean) {
	res.status(status);
	res.setHeader('Content-Type', 'text/html; charset=utf-8');
	// Pages hold a live token: never cache them, never leak the URL as a referrer, never index.
	res.setHeader('Cache-Control', 'no-store');
	res.setHeader('Referrer-Policy', 'no-referrer');
	res.setHeader('X-Robots-Tag', 'noindex, nofollow');
	res.setHeader('X-Frame-Options', 'DENY');
	res.end(headOnly ? undefined : html);
}

/**
 * 附件: a download at an approver's link. The file goes out as an attachment with its real
 * name (RFC 5987), never sniffed or rendered inline, so an uploaded HTML or SVG cannot run as
 * our page; a refusal is our Chinese page (403 for a link that opens nothing, 404 for a file
 * its request does not have), never JSON or a stack.
 */
export function sendAttachment(res: Res, download: AttachmentDownload, headOnly: boolean) {
	if (download.state !== 'file') {
		sendPage(
			res,
			download.state === 'missing' ? 404 : 403,
			attachmentRefusedPage(download.state),
			headOnly,
		);
		return;
	}
	const { file } = download;
	res.status(200);
	res.setHeader('Content-Type', file.mimeType);
	res.setHeader('Content-Length', String(file.content.byteLength));
	res.setHeader('Content-Disposition', contentDisposition(file.fileName));
	res.setHeader('X-Content-Type-Options', 'nosniff');
	res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
	// The URL holds a live token: as for the pages, no cache, no referrer, no index.
	res.setHeader('Cache-Control', 'no-store');
	res.setHeader('Referrer-Policy', 'no-referrer');
	res.setHeader('X-Robots-Tag', 'noindex, nofollow');
	res.end(headOnly ? undefined : file.content);
}

export const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/**
 * The approver's address as n8n's express app resolves it: forwarded headers count only as
 * far as n8n is told to trust proxies (`N8N_PROXY_HOPS` → `trust proxy`); otherwise it is the
 * socket's peer. A raw `X-Forwarded-For` is whatever the caller wrote.
 */
export function clientIp(req: ReturnType<IWebhookFunctions['getRequestObject']>): string | null {
	return req.ip || req.socket?.remoteAddress || null;
}

export function pageFor(
	env: ApprovalEnv,
	view: LinkView,
	token: string,
): { status: number; html: string } {
	if ((view.state === 'open' || view.state === 'commentRequired') && view.record && view.slot) {
		const action = view.linkBase ? linkFor(view.linkBase, token) : '';
		return {
			// 退回修改 without a comment records nothing: the form again, with what was typed.
			status: view.state === 'commentRequired' ? 422 : 200,
			html: confirmPage({
				record: view.record,
				approverEmail: view.slot.email,
				onBehalfOf: view.slot.delegated_from,
				action,
				token,
				formKey: formKey(env.settings.linkSecret, token),
				timeZone: env.settings.timeZone,
				attachments: view.attachments,
				commentRequired: view.state === 'commentRequired',
				comment: view.comment,
			}),
		};
	}
	if (view.state === 'recorded' && view.record && view.decision)
		return { status: 200, html: recordedPage(view.record, view.decision) };
	const status =
		view.state === 'unknown' || view.state === 'forged' ? 404 : view.state === 'self' ? 403 : 410;
	return { status, html: statePage(view.state as never, view.record) };
}
