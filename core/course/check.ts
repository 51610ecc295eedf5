import { dryRun } from '../store/dry-run';
import type { Store } from '../store/store';
import { courses, type CourseContext } from './courses';
import type { CourseProposalInput } from './proposal';
import type { CourseView } from './view';

/**
 * Everything `courses.create` checks — the rules, the directory, a free code — without writing:
 * the preview has the very shape the created course will have (names resolved), so the
 * approval that follows can be checked against it too. Throws what `create` would throw.
 */
export function checkProposal(
	store: Store,
	input: CourseProposalInput,
	ctx: CourseContext,
): Promise<CourseView> {
	return dryRun(store, (inside) => courses.create(inside, input, ctx));
}
