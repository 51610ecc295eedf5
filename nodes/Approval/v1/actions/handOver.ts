import {
	notifyHandOverKey,
	resultHandOverKey,
	type LinkView,
	type ApprovalEnv,
} from '../../../../core/approval';

/** How long the link endpoint keeps trying to tell a waiting execution of an outcome. */
export const HAND_OVER_PATIENCE_MS = 120_000;

type Body = Record<string, string | number>;

const pause = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/**
 * POSTs a signed hand-over to a waiting execution's resume URL, where the Approval node's
 * webhook checks the key and resumes the execution. n8n answers `409 … is running already`
 * while that execution runs (for a moment after each resume): then it tries again, with
 * growing pauses, until `patienceMs`. Any other answer is final: resumed, or not (a finished
 * or unknown execution, which the outcome no longer needs).
 */
export async function postHandOver(
	url: string,
	body: Body,
	patienceMs = HAND_OVER_PATIENCE_MS,
): Promise<boolean> {
	const deadline = Date.now() + patienceMs;
	for (let wait = 100; ; wait = Math.min(wait * 2, 5000)) {
		let retry: boolean;
		try {
			const response = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
				signal: AbortSignal.timeout(15000),
			});
			const text = await response.text();
			if (response.ok) return Boolean((JSON.parse(text) as { resumed?: boolean }).resumed);
			retry = (response.status === 409 && /running/.test(text)) || response.status >= 500;
		} catch {
			retry = true;
		}
		if (!retry || Date.now() + wait > deadline) return false;
		await pause(wait);
	}
}

/** The result of a request finished elsewhere, for its waiting execution (which claims it once). */
export function resultHandOver(env: ApprovalEnv, requestId: string): Body {
	return { poke: resultHandOverKey(env.settings.linkSecret, requestId), request: requestId };
}

/**
 * After a look or a decision at the link endpoint: tells the waiting execution what it must
 * act on — the next approvers' mails, or the result. Runs after the approver has their page.
 */
export async function handOverAfter(env: ApprovalEnv, view: LinkView): Promise<void> {
	const requestId = view.record?.requestId;
	if (!requestId || !view.resumeUrl) return;
	if (view.round && view.change?.outcome === 'notify') {
		const slots = view.change.opened.map((s) => s.id);
		await postHandOver(view.resumeUrl, {
			poke: notifyHandOverKey(env.settings.linkSecret, requestId, view.round, slots),
			request: requestId,
			notify: view.round,
			slots: slots.join(','),
		});
	}
	if (view.handOverResult) await postHandOver(view.resumeUrl, resultHandOver(env, requestId));
}
