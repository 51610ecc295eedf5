import { writeAudit, type Actor, type ConsortiumSettings, type Store, type Tx } from '../store';
import { ValidationError } from '../util/errors';
import { newId } from '../util/id';
import { dateInZone } from '../util/time';
import { requiredDate } from '../util/validate';
import { parsePerson } from './spec';
import type { Person } from './types';

/**
 * 委托 delegation. While an approver is away they name a deputy for a date range (dates in
 * the consortium's zone, both ends included); an approval whose turn reaches them in that
 * range goes to the deputy instead, and the slot, the pages and the audit say the deputy acts
 * for them (代 X 审批). Links already sent stay with whom they were sent to. A new range for
 * the same person replaces the old; a deputy's own delegation is not followed further.
 */
/** What these operations need of the approval environment (not imported: requests.ts reaches this file). */
interface DelegationEnv {
	store: Store;
	settings: ConsortiumSettings;
	now?: Date;
}

export interface Delegation {
	id: string;
	email: string;
	deputy: Person;
	from: string;
	to: string;
}

export async function setDelegation(
	env: DelegationEnv,
	input: { approver: unknown; deputy: unknown; from: unknown; to: unknown },
	actor: Actor,
): Promise<Delegation> {
	const text = (v: unknown) => (typeof v === 'string' ? v : '');
	const approver = parsePerson(text(input.approver), 'approver', '委托人 Approver');
	const deputy = parsePerson(text(input.deputy), 'deputy', '受托人 Deputy');
	if (deputy.email === approver.email)
		throw new ValidationError(
			'受托人不能是委托人本人 / The deputy must be someone else',
			'deputy',
			'self',
		);
	const tz = env.settings.timeZone;
	const from = requiredDate(input.from, 'from', '开始日期 From', tz);
	const to = requiredDate(input.to, 'to', '结束日期 To', tz);
	if (to < from)
		throw new ValidationError('结束日期早于开始日期 / To is before From', 'to', 'range');
	const now = (env.now ?? new Date()).toISOString();
	const id = newId('dlg');
	await env.store.transaction(async (tx) => {
		await tx
			.updateTable('approval_delegation')
			.set({ revoked_at: now })
			.where('email', '=', approver.email)
			.where('revoked_at', 'is', null)
			.execute();
		await tx
			.insertInto('approval_delegation')
			.values({
				id,
				email: approver.email,
				deputy_email: deputy.email,
				deputy_name: deputy.name,
				from_date: from,
				to_date: to,
				created_at: now,
				revoked_at: null,
			})
			.execute();
		await writeAudit(tx, {
			...actor,
			action: 'delegate',
			entityType: 'approval_delegation',
			entityId: id,
			changes: { approver: approver.email, deputy: deputy.email, from, to },
		});
	});
	return { id, email: approver.email, deputy, from, to };
}

/** Ends the approver's delegation; returns how many were live (0 or 1). */
export async function endDelegation(
	env: DelegationEnv,
	input: { approver: unknown },
	actor: Actor,
): Promise<number> {
	const text = typeof input.approver === 'string' ? input.approver : '';
	const { email } = parsePerson(text, 'approver', '委托人 Approver');
	const now = (env.now ?? new Date()).toISOString();
	return env.store.transaction(async (tx) => {
		const live = await tx
			.selectFrom('approval_delegation')
			.select('id')
			.where('email', '=', email)
			.where('revoked_at', 'is', null)
			.execute();
		for (const { id } of live) {
			await tx
				.updateTable('approval_delegation')
				.set({ revoked_at: now })
				.where('id', '=', id)
				.execute();
			await writeAudit(tx, {
				...actor,
				action: 'end_delegation',
				entityType: 'approval_delegation',
				entityId: id,
				changes: { approver: email },
			});
		}
		return live.length;
	});
}

/** The deputy acting for `email` at `now` (its date in the zone), if any. */
export async function deputyFor(
	tx: Tx,
	email: string,
	now: Date,
	timeZone: string,
): Promise<Person | null> {
	const today = dateInZone(now, timeZone);
	const row = await tx
		.selectFrom('approval_delegation')
		.select(['deputy_email', 'deputy_name'])
		.where('email', '=', email)
		.where('revoked_at', 'is', null)
		.where('from_date', '<=', today)
		.where('to_date', '>=', today)
		.orderBy('created_at', 'desc')
		.executeTakeFirst();
	return row ? { email: row.deputy_email, name: row.deputy_name } : null;
}

/** The approver's live delegation that has not ended yet (running now or still to come), if any. */
export async function currentDelegation(
	env: DelegationEnv,
	email: string,
): Promise<Delegation | null> {
	const today = dateInZone(env.now ?? new Date(), env.settings.timeZone);
	const row = await env.store.db
		.selectFrom('approval_delegation')
		.selectAll()
		.where('email', '=', email)
		.where('revoked_at', 'is', null)
		.where('to_date', '>=', today)
		.orderBy('created_at', 'desc')
		.executeTakeFirst();
	return row
		? {
				id: row.id,
				email: row.email,
				deputy: { email: row.deputy_email, name: row.deputy_name },
				from: row.from_date,
				to: row.to_date,
			}
		: null;
}
