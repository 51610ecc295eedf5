import type { Store } from '../store/store';
import { courses, type CourseContext } from './courses';
import type { CourseProposalInput } from './proposal';
import type { CourseView } from './view';

/** Carries the preview out of the transaction it rolls back. */
class DryRun extends Error {
	constructor(readonly view: CourseView) {
		super('dry run');
	}
}

/**
 * Everything `courses.create` checks — the rules, the directory, a free code — in a
 * transaction that is rolled back: a form can refuse a proposal before anything is written,
 * and the preview has the very shape the created course will have (names resolved), so the
 * approval that follows can be checked against it too. Throws what `create` would throw.
 */
export async function checkProposal(
	store: Store,
	input: CourseProposalInput,
	ctx: CourseContext,
): Promise<CourseView> {
	try {
		await store.transaction(async (tx) => {
			const view = await courses.create(
				{ ...store, transaction: (fn) => fn(tx) } as Store,
				input,
				ctx,
			);
			throw new DryRun(view);
		});
	} catch (error) {
		if (error instanceof DryRun) return error.view;
		throw error;
	}
	throw new Error('unreachable: the dry run always rolls back');
}
