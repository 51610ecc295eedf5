import type { IExecuteFunctions } from 'n8n-workflow';
import { APPROVAL_WEBHOOK_PATH } from './webhook';

/**
 * The base of every approver link: this execution's resume URL (`$execution.resumeUrl`,
 * which keeps n8n's own `signature` query when the server adds one) with `/decide`
 * appended, the fixed path of this node's restart webhooks (see `APPROVAL_WEBHOOKS`).
 * The credential's public base URL, when set, replaces the origin that approvers outside
 * the campus network cannot reach.
 */
export function resumeLinkBase(ctx: IExecuteFunctions, publicBaseUrl: string): string {
	const resumeUrl = String(ctx.getWorkflowDataProxy(0).$execution.resumeUrl);
	const url = new URL(resumeUrl);
	url.pathname = `${url.pathname.replace(/\/$/, '')}/${APPROVAL_WEBHOOK_PATH}`;
	if (publicBaseUrl.trim()) {
		const base = new URL(publicBaseUrl.trim());
		url.protocol = base.protocol;
		url.host = base.host;
	}
	return url.toString();
}
