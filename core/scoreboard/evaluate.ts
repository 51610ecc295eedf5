/** How an indicator is measured: a count against a target (pro-rated), or a rate (not). */
export type Measure = 'count' | 'rate';
export type Status = 'met' | 'on_track' | 'behind' | 'no_data';

export const STATUS_LABELS: Record<Status, string> = {
	met: '达标 Met',
	on_track: '进度正常 On Track',
	behind: '落后 Behind',
	no_data: '无数据 No Data',
};

export interface Evaluation {
	percentage: number | null;
	/** What the count should be by now if it grows evenly over the period. */
	expectedByNow: number | null;
	status: Status;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Compares an actual figure with its target. A count is "met" once it reaches the target,
 * "on track" while it keeps pace with the share of the period elapsed, otherwise "behind".
 * A rate (a share, a percentage) does not accumulate over the period: it is met or behind.
 */
export function evaluate(
	measure: Measure,
	actual: number | null,
	target: number,
	fraction: number,
): Evaluation {
	if (actual === null)
		return {
			percentage: null,
			expectedByNow: measure === 'count' ? round1(target * fraction) : null,
			status: 'no_data',
		};
	const percentage = target > 0 ? round1((actual / target) * 100) : null;
	if (actual >= target)
		return {
			percentage,
			expectedByNow: measure === 'count' ? round1(target * fraction) : null,
			status: 'met',
		};
	if (measure === 'rate') return { percentage, expectedByNow: null, status: 'behind' };
	const expected = target * fraction;
	return {
		percentage,
		expectedByNow: round1(expected),
		status: actual >= expected ? 'on_track' : 'behind',
	};
}
