import { labelParts, ValidationError } from '../util/errors';
import type { Tx } from '../store/store';

/**
 * Checks that a referenced person exists and is of the expected kind; names the field
 * otherwise. A form knows people by email, so an email finds the person too.
 */
export async function requirePerson(tx: Tx, id: string, field: string, label: string, kind?: string) {
	const column = id.includes('@') ? 'email' : 'id';
	const person = await tx.selectFrom('person').selectAll().where(column, '=', column === 'email' ? id.toLowerCase() : id).executeTakeFirst();
	if (!person) throw new ValidationError(`${labelParts(label).zh}「${id}」不在名录中 / ${labelParts(label).en} "${id}" does not exist`, field, 'reference');
	if (kind && person.kind !== kind) {
		throw new ValidationError(`${labelParts(label).zh}「${person.name}」人员类型为 ${person.kind}，应为 ${kind} / ${labelParts(label).en} "${person.name}" is a ${person.kind}, not a ${kind}`, field, 'reference');
	}
	return person;
}

/** An organisation by id, or by its exact registered name, as a form would give it. */
export async function requireOrganisation(tx: Tx, id: string, field: string, label: string) {
	const org =
		(await tx.selectFrom('organisation').selectAll().where('id', '=', id).executeTakeFirst()) ??
		(await tx.selectFrom('organisation').selectAll().where('name', '=', id).executeTakeFirst());
	if (!org) throw new ValidationError(`${labelParts(label).zh}「${id}」不在名录中 / ${labelParts(label).en} "${id}" does not exist`, field, 'reference');
	return org;
}
