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
 * How a hand-over ended: the execution resumed; it declined (it had the outcome already);
 * it is gone (n8n: finished, or no such execution); or n8n refused every try.
 */
export type HandOverAnswer = 'resumed' | 'declined' | 'gone' | 'refused';

/**
 * POSTs a signed hand-over to a waiting execution's resume URL, where the Approval node's
 * webhook checks the key and resumes the execution. n8n answers `409 … is running already`
 * while that execution runs (for a moment after each resume), and 5xx while its database is
 * busy: then it tries again, with growing pauses, until `patienceMs`.
 */
export async function postHandOver(
	url: string,
	body: Body,
	patienceMs = HAND_OVER_PATIENCE_MS,
): Promise<HandOverAnswer> {
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
			if (response.ok)
				return (JSON.parse(text) as { resumed?: boolean }).resumed ? 'resumed' : 'declined';
			if (response.status === 404 || (response.status === 409 && /finished/.test(text)))
				return 'gone';
			retry = (response.status === 409 && /running/.test(text)) || response.status >= 500;
		} catch {
			retry = true;
		}
		if (!retry || Date.now() + wait > deadline) return 'refused';
		await pause(wait);
	}
}

/** The hand-over of the next approvers' mails of a round the endpoint opened. */
export function notifyHandOver(
	env: ApprovalEnv,
	requestId: string,
	round: number,
	slotIds: string[],
): Body {
	return {
		poke: notifyHandOverKey(env.settings.linkSecret, requestId, round, slotIds),
		request: requestId,
		notify: round,
		slots: slotIds.join(','),
	};
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
		await postHandOver(view.resumeUrl, notifyHandOver(env, requestId, view.round, slots));
	}
	if (view.handOverResult) await postHandOver(view.resumeUrl, resultHandOver(env, requestId));
}
