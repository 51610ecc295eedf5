import type { Selectable } from 'kysely';
import type { OrganisationTable, PersonTable } from '../store/schema';
import type { Tx } from '../store/store';
import { labelParts, ValidationError } from '../util/errors';

/**
 * The one rule by which every field that names an organisation or a person finds it in the
 * directory (course partners and lead, placement host, teacher and mentor, station and
 * engagement enterprise, technician, patent and project parties, a person's organisation):
 *
 * - an organisation by its id, its 统一社会信用代码 (written in any case, full-width or with
 *   spaces and hyphens), or its exact registered name;
 * - a person by id, email (any case) or 工号 staff number; a staff number two people share
 *   names neither. Registry ledgers also write people by name: their fields opt in to a name
 *   that exactly one person has (`byName`).
 *
 * Tried in that order, so an id always wins. The texts below are what the fields say they take.
 */
export const ORGANISATION_REF =
	'单位 ID、统一社会信用代码或登记全称 Organisation id, credit code or registered name';
export const PERSON_REF = '人员 ID、邮箱或工号 Person id, email or staff number';
export const PERSON_OR_NAME_REF =
	'人员 ID、邮箱、工号或姓名 Person id, email, staff number or name';

export type OrganisationRow = Selectable<OrganisationTable>;
/** A person with the kind of the organisation they belong to (an enterprise member or not). */
export type PersonRow = Selectable<PersonTable> & { organisation_kind: string | null };

/** What a token matched: one record, several (ambiguous), or none. */
export type Match<Row> = { row: Row } | { ambiguous: Row[] } | undefined;

const CHUNK = 500;

/**
 * Full-width letters, digits and spaces as their ASCII forms, for ids, codes, emails and staff
 * numbers (a Chinese IME writes both). Names are compared as written, trimmed: registered names
 * carry full-width brackets such as （中国）.
 */
const halfWidth = (text: string) => text.normalize('NFKC').trim();

/** A credit code as stored: ASCII, upper case, no spaces or hyphens; null if it cannot be one. */
export function normaliseCreditCode(token: string): string | null {
	const code = halfWidth(token).replace(/[\s-]/g, '').toUpperCase();
	return /^[0-9A-Z]{18}$/.test(code) ? code : null;
}

function pick<Row>(tiers: Array<(row: Row) => boolean>, rows: Row[]): Match<Row> {
	for (const matches of tiers) {
		const hits = rows.filter(matches);
		if (hits.length === 1) return { row: hits[0] };
		if (hits.length > 1) return { ambiguous: hits };
	}
	return undefined;
}

/** Each token's organisation, found by the rule above; a few queries for any number of tokens. */
export async function findOrganisations(
	tx: Tx,
	tokens: string[],
): Promise<Map<string, Match<OrganisationRow>>> {
	const unique = [...new Set(tokens)];
	const rows: OrganisationRow[] = [];
	for (let i = 0; i < unique.length; i += CHUNK) {
		const chunk = unique.slice(i, i + CHUNK);
		const texts = chunk.map(halfWidth);
		const codes = chunk.map(normaliseCreditCode).filter((c): c is string => !!c);
		rows.push(
			...(await tx
				.selectFrom('organisation')
				.selectAll()
				.where((eb) =>
					eb.or([
						eb('id', 'in', texts),
						eb(
							'name',
							'in',
							chunk.map((t) => t.trim()),
						),
						...(codes.length ? [eb('credit_code', 'in', codes)] : []),
					]),
				)
				.execute()),
		);
	}
	return new Map(
		unique.map((token) => {
			const id = halfWidth(token);
			const code = normaliseCreditCode(token);
			const name = token.trim();
			return [
				token,
				pick<OrganisationRow>(
					[(r) => r.id === id, (r) => !!code && r.credit_code === code, (r) => r.name === name],
					rows,
				),
			];
		}),
	);
}

/** Each token's person, found by the rule above (and by a unique name if `byName`). */
export async function findPeople(
	tx: Tx,
	tokens: string[],
	{ byName = false } = {},
): Promise<Map<string, Match<PersonRow>>> {
	const unique = [...new Set(tokens)];
	const rows: PersonRow[] = [];
	for (let i = 0; i < unique.length; i += CHUNK) {
		const chunk = unique.slice(i, i + CHUNK);
		const texts = chunk.map(halfWidth);
		const emails = texts.filter((t) => t.includes('@')).map((t) => t.toLowerCase());
		rows.push(
			...((await tx
				.selectFrom('person')
				.leftJoin('organisation', 'organisation.id', 'person.organisation_id')
				.selectAll('person')
				.select('organisation.kind as organisation_kind')
				.where((eb) =>
					eb.or([
						eb('person.id', 'in', texts),
						eb('person.employee_no', 'in', texts),
						...(emails.length ? [eb('person.email', 'in', emails)] : []),
						...(byName
							? [
									eb(
										'person.name',
										'in',
										chunk.map((t) => t.trim()),
									),
								]
							: []),
					]),
				)
				.execute()) as PersonRow[]),
		);
	}
	return new Map(
		unique.map((token) => {
			const text = halfWidth(token);
			const email = text.includes('@') ? text.toLowerCase() : null;
			const tiers: Array<(row: PersonRow) => boolean> = [
				(r) => r.id === text,
				(r) => !!email && r.email === email,
				(r) => r.employee_no === text,
			];
			if (byName) tiers.push((r) => r.name === token.trim());
			return [token, pick(tiers, rows)];
		}),
	);
}

const names = (rows: Array<{ id: string; name: string }>) =>
	rows.map((r) => `${r.name} (${r.id})`).join(', ');

/** The one organisation a field names, or a ValidationError naming the field. */
export async function requireOrganisation(
	tx: Tx,
	token: string,
	field: string,
	label: string,
): Promise<OrganisationRow> {
	const match = (await findOrganisations(tx, [token])).get(token);
	const { zh, en } = labelParts(label);
	if (!match)
		throw new ValidationError(
			`${zh}「${token}」不在名录中（请填 ${ORGANISATION_REF}） / ${en} "${token}" is not in the directory`,
			field,
			'reference',
		);
	if ('ambiguous' in match)
		throw new ValidationError(
			`${zh}「${token}」对应多个单位：${names(match.ambiguous)} / ${en} "${token}" names several organisations`,
			field,
			'reference',
		);
	return match.row;
}

/** The one person a field names (of `kind`, if given), or a ValidationError naming the field. */
export async function requirePerson(
	tx: Tx,
	token: string,
	field: string,
	label: string,
	{ kind, byName = false }: { kind?: string; byName?: boolean } = {},
): Promise<PersonRow> {
	const match = (await findPeople(tx, [token], { byName })).get(token);
	const { zh, en } = labelParts(label);
	if (!match)
		throw new ValidationError(
			`${zh}「${token}」不在名录中（请填 ${byName ? PERSON_OR_NAME_REF : PERSON_REF}） / ${en} "${token}" is not in the directory`,
			field,
			'reference',
		);
	if ('ambiguous' in match)
		throw new ValidationError(
			`${zh}「${token}」对应多人：${names(match.ambiguous)}，请写 ID 或邮箱 / ${en} "${token}" names several people`,
			field,
			'reference',
		);
	const person = match.row;
	if (kind && person.kind !== kind)
		throw new ValidationError(
			`${zh}「${person.name}」人员类型为 ${person.kind}，应为 ${kind} / ${en} "${person.name}" is a ${person.kind}, not a ${kind}`,
			field,
			'reference',
		);
	return person;
}
