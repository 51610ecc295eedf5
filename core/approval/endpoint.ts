import type { Store } from '../store';

const KEY = 'approval_link_endpoint';

/**
 * The URL of the permanent link endpoint serving this store, as the active 审批链接 Approval
 * Links workflow recorded it when n8n activated its webhook. Approver links point there.
 */
export async function linkEndpoint(store: Store): Promise<string | null> {
	const row = await store.db
		.selectFrom('setting')
		.select('value')
		.where('key', '=', KEY)
		.executeTakeFirst();
	return row?.value || null;
}

export async function recordLinkEndpoint(store: Store, url: string): Promise<void> {
	await store.db
		.insertInto('setting')
		.values({ key: KEY, value: url })
		.onConflict((oc) => oc.column('key').doUpdateSet({ value: url }))
		.execute();
}
