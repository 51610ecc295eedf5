import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Link tokens. Each approver slot has 128 random bits of salt; its token is
 * HMAC(linkSecret, slot id + salt) — 256 bits, unguessable without both the secret and
 * the salt. The store keeps only sha256(token), so a copy of the database alone opens
 * no link, while Remind can re-derive the very same link from the salt and the secret.
 */
export function newSalt(): string {
	return randomBytes(16).toString('base64url');
}

export function deriveToken(secret: string, slotId: string, salt: string): string {
	return createHmac('sha256', secret)
		.update(`approval-token:${slotId}:${salt}`)
		.digest('base64url');
}

export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/** The anti-forgery field of the decision form: bound to the token, so it cannot be reused for another link. */
export function formKey(secret: string, token: string): string {
	return createHmac('sha256', secret)
		.update(`approval-form:${hashToken(token)}`)
		.digest('base64url');
}

/** The anti-forgery field of the inbox page's delegation form, bound to that inbox token. */
export function inboxFormKey(secret: string, token: string): string {
	return createHmac('sha256', secret)
		.update(`inbox-form:${hashToken(token)}`)
		.digest('base64url');
}

export function sameSecret(given: unknown, expected: string): boolean {
	if (typeof given !== 'string' || given.length !== expected.length) return false;
	return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

/** Tokens look like base64url of 32 bytes; anything else is rejected before touching the store. */
export function plausibleToken(value: unknown): value is string {
	return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}

/** Adds the approver's token to the link base (the resume URL), keeping its own query. */
export function linkFor(linkBase: string, token: string): string {
	const url = new URL(linkBase);
	url.searchParams.set('token', token);
	return url.toString();
}
