import type { Tx } from '../store/store';
import { ValidationError } from '../util/errors';

export interface Party {
	personId: string | null;
	organisationId: string | null;
	name: string;
}

/**
 * Resolves what a ledger writes for inventors (person id, email or name) or applicants
 * (organisation id or name) against the directory, many rows at once. An id must exist;
 * an email or name that matches exactly one record links to it; anything else is kept as
 * written (external inventors, owners not yet in the directory).
 */
export async function resolveParties(
	tx: Tx,
	kind: 'person' | 'organisation',
	lists: string[][],
	field: string,
): Promise<Party[][]> {
	const tokens = [...new Set(lists.flat())];
	const found = new Map<string, { id: string; name: string } | null>();
	if (tokens.length) {
		for (let i = 0; i < tokens.length; i += 500) {
			const chunk = tokens.slice(i, i + 500);
			const rows =
				kind === 'person'
					? await tx
							.selectFrom('person')
							.select(['id', 'name', 'email'])
							.where((eb) => eb.or([eb('id', 'in', chunk), eb('email', 'in', chunk.map((t) => t.toLowerCase())), eb('name', 'in', chunk)]))
							.execute()
					: await tx
							.selectFrom('organisation')
							.select(['id', 'name'])
							.where((eb) => eb.or([eb('id', 'in', chunk), eb('name', 'in', chunk)]))
							.execute();
			for (const row of rows as Array<{ id: string; name: string; email?: string | null }>) {
				remember(found, row.id, row);
				if (row.email) remember(found, row.email, row);
				remember(found, row.name, row, true);
			}
		}
	}
	return lists.map((list) =>
		list.map((token) => {
			const hit = found.get(kind === 'person' && token.includes('@') ? token.toLowerCase() : token);
			const looksLikeId = kind === 'person' ? /^per_[0-9A-Z]{26}$/.test(token) : /^org_[0-9A-Z]{26}$/.test(token);
			if (looksLikeId && !hit) {
				throw new ValidationError(`${kind === 'person' ? '人员 Person' : '单位 Organisation'} "${token}" does not exist / 不存在`, field, 'reference');
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

/** A name shared by two records is ambiguous: it resolves to nothing rather than to the wrong one. */
function remember(found: Map<string, { id: string; name: string } | null>, key: string, row: { id: string; name: string }, byName = false): void {
	const prior = found.get(key);
	if (byName && prior !== undefined && prior?.id !== row.id) found.set(key, null);
	else if (prior === undefined) found.set(key, { id: row.id, name: row.name });
}
