import type { IExecuteFunctions } from 'n8n-workflow';
import { linkEndpoint } from '../../../../core/approval';
import type { Store } from '../../../../core/store';
import { APPROVAL_WEBHOOK_PATH } from './webhook';

/** The credential's public base URL, when set, replaces the origin that approvers outside the campus network cannot reach. */
function withPublicOrigin(link: string, publicBaseUrl: string): string {
	if (!publicBaseUrl.trim()) return link;
	const url = new URL(link);
	const base = new URL(publicBaseUrl.trim());
	url.protocol = base.protocol;
	url.host = base.host;
	return url.toString();
}

/**
 * This execution's resume URL (`$execution.resumeUrl`, with n8n's own `signature` query)
 * with `/decide` appended, the fixed path of this node's restart webhooks (see
 * `APPROVAL_WEBHOOKS`): where outcomes are handed to the waiting execution.
 */
export function resumeLinkBase(ctx: IExecuteFunctions, publicBaseUrl: string): string {
	const url = new URL(String(ctx.getWorkflowDataProxy(0).$execution.resumeUrl));
	url.pathname = `${url.pathname.replace(/\/$/, '')}/${APPROVAL_WEBHOOK_PATH}`;
	return withPublicOrigin(url.toString(), publicBaseUrl);
}

/**
 * Where approvers' links point: the permanent link endpoint that the active 审批链接 Approval
 * Links workflow recorded in this store, so a link answers with this package's page whatever
 * its execution is doing. Without one, the resume URL itself, as before.
 */
export async function approverLinkBase(
	ctx: IExecuteFunctions,
	store: Store,
	publicBaseUrl: string,
): Promise<{ linkBase: string; resumeUrl: string }> {
	const resumeUrl = resumeLinkBase(ctx, publicBaseUrl);
	const endpoint = await linkEndpoint(store);
	return { linkBase: endpoint ? withPublicOrigin(endpoint, publicBaseUrl) : resumeUrl, resumeUrl };
}
