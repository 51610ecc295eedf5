import {
	assertTransition,
	canTransition,
	COURSE_STATES,
	COURSE_TRANSITIONS,
	type CourseState,
} from '../../../core/course';
import { StateError } from '../../../core/util/errors';

describe('course lifecycle state machine', () => {
	it('follows draft → submitted → under approval → 立项 → development → mid-term → acceptance → completed', () => {
		const path: CourseState[] = [
			'draft',
			'submitted',
			'under_approval',
			'approved',
			'in_development',
			'midterm_check',
			'acceptance',
			'completed',
		];
		for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1], path[i])).toBe(true);
	});

	it('has side exits: rejection, return for revision and withdrawal before 立项 only', () => {
		expect(canTransition('under_approval', 'rejected')).toBe(true);
		expect(canTransition('rejected', 'returned')).toBe(true);
		expect(canTransition('returned', 'submitted')).toBe(true);
		for (const s of ['draft', 'returned', 'submitted', 'under_approval'] as const)
			expect(canTransition(s, 'withdrawn')).toBe(true);
		for (const s of ['approved', 'in_development', 'completed', 'rejected'] as const)
			expect(canTransition(s, 'withdrawn')).toBe(false);
	});

	it('ends at completed and withdrawn', () => {
		expect(COURSE_TRANSITIONS.completed).toEqual([]);
		expect(COURSE_TRANSITIONS.withdrawn).toEqual([]);
	});

	it('refuses every pair not in the table, naming the current and the requested state', () => {
		let refused = 0;
		for (const from of COURSE_STATES) {
			for (const to of COURSE_STATES) {
				if (canTransition(from, to)) {
					expect(() => assertTransition(from, to)).not.toThrow();
					continue;
				}
				refused++;
				let error: StateError | undefined;
				try {
					assertTransition(from, to);
				} catch (e) {
					error = e as StateError;
				}
				expect(error).toBeInstanceOf(StateError);
				expect(error).toMatchObject({ current: from, requested: to });
				expect(error!.message).toContain(`from "${from}" to "${to}"`);
			}
		}
		expect(refused).toBe(
			COURSE_STATES.length ** 2 - Object.values(COURSE_TRANSITIONS).flat().length,
		);
	});

	it('says in Chinese and English what is allowed instead', () => {
		expect(() => assertTransition('approved', 'completed')).toThrow(
			/「已立项 Approved」变为「已完成 Completed」.*allowed from "approved": in_development/,
		);
	});
});
