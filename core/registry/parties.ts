import { findOrganisations, findPeople } from '../directory/lookup';
import type { Tx } from '../store/store';
import { ValidationError } from '../util/errors';

export interface Party {
	personId: string | null;
	organisationId: string | null;
	name: string;
}

/**
 * Resolves what a ledger writes for inventors, PIs and members (people) or applicants and
 * clients (organisations) against the directory by its one rule (core/directory/lookup.ts),
 * people also by a name only one person has, many rows at once. An id must exist; anything
 * else that matches exactly one record links to it, and the rest is kept as written (external
 * inventors, owners not yet in the directory, a name two people share).
 */
export async function resolveParties(
	tx: Tx,
	kind: 'person' | 'organisation',
	lists: string[][],
	field: string,
): Promise<Party[][]> {
	const tokens = lists.flat();
	const found =
		kind === 'person'
			? await findPeople(tx, tokens, { byName: true })
			: await findOrganisations(tx, tokens);
	return lists.map((list) =>
		list.map((token) => {
			const match = found.get(token);
			const hit = match && 'row' in match ? match.row : undefined;
			const looksLikeId =
				kind === 'person' ? /^per_[0-9A-Z]{26}$/.test(token) : /^org_[0-9A-Z]{26}$/.test(token);
			if (looksLikeId && !hit) {
				throw new ValidationError(
					`${kind === 'person' ? '人员 Person' : '单位 Organisation'} "${token}" does not exist / 不存在`,
					field,
					'reference',
				);
			}
			const id = hit?.id ?? null;
			return {
				personId: kind === 'person' ? id : null,
				organisationId: kind === 'organisation' ? id : null,
				name: hit?.name ?? token,
			};
		}),
	);
}
