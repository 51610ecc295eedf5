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
	amendingId?: string | null,
): Promise<CourseView> {
	// 退回修改: the corrected proposal is checked as the update of the course it corrects, so
	// its own code is not "taken" and only a returned (editable) course passes.
	if (amendingId) return dryRun(store, (inside) => courses.update(inside, amendingId, input, ctx));
	return dryRun(store, (inside) => courses.create(inside, input, ctx));
}
