import { randomBytes } from 'node:crypto';
import type { Store } from './store';
import type { ConsortiumSettings } from './types';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

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

/**
 * Settings from the credential, completed from the store: an empty link secret is
 * generated once and kept in the store, so every process signing links agrees on it.
 */
export async function resolveSettings(
	store: Store,
	given: { timeZone?: string; linkSecret?: string },
): Promise<ConsortiumSettings> {
	const timeZone = given.timeZone?.trim() || DEFAULT_TIME_ZONE;
	if (!isValidTimeZone(timeZone)) throw new Error(`Unknown time zone "${timeZone}" / 时区无效`);
	let linkSecret = given.linkSecret?.trim() ?? '';
	if (!linkSecret) {
		await store.db
			.insertInto('setting')
			.values({ key: 'link_secret', value: randomBytes(32).toString('base64url') })
			.onConflict((oc) => oc.column('key').doNothing())
			.execute();
		const row = await store.db.selectFrom('setting').select('value').where('key', '=', 'link_secret').executeTakeFirstOrThrow();
		linkSecret = row.value;
	}
	return { timeZone, linkSecret };
}
