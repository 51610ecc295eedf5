import { randomBytes } from 'node:crypto';
import type { Store } from './store';
import type { ConsortiumSettings } from './types';

import { DEFAULT_TIME_ZONE } from '../util/time';

export { DEFAULT_TIME_ZONE };

// Building an Intl formatter costs far more than a decision's SQL; settings are resolved on every webhook call.
const knownZones = new Set<string>();

export function isValidTimeZone(zone: string): boolean {
	if (knownZones.has(zone)) return true;
	try {
		new Intl.DateTimeFormat('en', { timeZone: zone });
		knownZones.add(zone);
		return true;
	} catch {
		return false;
	}
}

/** The secret a store keeps for credentials that leave it empty; it never changes once written. */
const storedSecrets = new WeakMap<Store, Promise<string>>();

function storedLinkSecret(store: Store): Promise<string> {
	let secret = storedSecrets.get(store);
	if (!secret) {
		secret = (async () => {
			await store.db
				.insertInto('setting')
				.values({ key: 'link_secret', value: randomBytes(32).toString('base64url') })
				.onConflict((oc) => oc.column('key').doNothing())
				.execute();
			return (
				await store.db
					.selectFrom('setting')
					.select('value')
					.where('key', '=', 'link_secret')
					.executeTakeFirstOrThrow()
			).value;
		})();
		storedSecrets.set(store, secret);
		secret.catch(() => storedSecrets.delete(store));
	}
	return secret;
}

/**
 * Settings from the credential, completed from the store: an empty link secret is
 * generated once and kept in the store, so every process signing links agrees on it. It is
 * read once per open store, not on every click (that was a write per webhook call).
 */
export async function resolveSettings(
	store: Store,
	given: Partial<Pick<ConsortiumSettings, 'timeZone' | 'linkSecret' | 'chatApps'>>,
): Promise<ConsortiumSettings> {
	const timeZone = given.timeZone?.trim() || DEFAULT_TIME_ZONE;
	if (!isValidTimeZone(timeZone)) throw new Error(`Unknown time zone "${timeZone}" / 时区无效`);
	const linkSecret = given.linkSecret?.trim() || (await storedLinkSecret(store));
	return given.chatApps
		? { timeZone, linkSecret, chatApps: given.chatApps }
		: { timeZone, linkSecret };
}
