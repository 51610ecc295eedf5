import type { SkipCondition, SlotStatus, StageMode } from './types';

/**
 * The pure rules of a stage: no store, no clock. The service feeds them the slots it
 * holds and applies what they say inside one transaction.
 */

export interface SlotView {
	id: string;
	position: number;
	status: SlotStatus;
}

export type StageOutcome = 'approved' | 'rejected' | 'pending';

/** Slots that take part: not reassigned away, not closed or expired. */
const LIVE: ReadonlySet<SlotStatus> = new Set([
	'waiting',
	'pending',
	'approved',
	'rejected',
	'passed',
]);
const YES: ReadonlySet<SlotStatus> = new Set(['approved', 'passed']);

export function evaluateStage(
	mode: StageMode,
	quorum: number | null,
	slots: readonly SlotView[],
): StageOutcome {
	const live = slots.filter((s) => LIVE.has(s.status));
	const approvals = live.filter((s) => YES.has(s.status)).length;
	const rejections = live.filter((s) => s.status === 'rejected').length;
	switch (mode) {
		case 'any':
			// 或签: the first response decides, whichever way it goes.
			if (approvals > 0) return 'approved';
			return rejections > 0 ? 'rejected' : 'pending';
		case 'quorum': {
			const needed = Math.min(quorum ?? 1, Math.max(live.length, 1));
			if (approvals >= needed) return 'approved';
			return rejections > live.length - needed ? 'rejected' : 'pending';
		}
		default:
			// 会签 and 依次: everyone must approve, and one rejection rejects.
			if (rejections > 0) return 'rejected';
			return live.length > 0 && approvals === live.length ? 'approved' : 'pending';
	}
}

/** Which slots open when a stage starts: the first in turn for 依次, everyone otherwise. */
export function slotsToOpen(mode: StageMode, slots: readonly SlotView[]): SlotView[] {
	const waiting = slots
		.filter((s) => s.status === 'waiting')
		.sort((a, b) => a.position - b.position);
	if (mode !== 'sequential') return waiting;
	if (slots.some((s) => s.status === 'pending')) return [];
	return waiting.slice(0, 1);
}

function asNumber(text: string): number | null {
	const n = Number(
		String(text)
			.replace(/[,，\s]/g, '')
			.replace(/[元万]$/, ''),
	);
	return text.trim() !== '' && Number.isFinite(n) ? n : null;
}

/** A stage whose condition holds on the subject's summary fields is skipped. */
export function shouldSkip(
	condition: SkipCondition | null,
	fields: ReadonlyArray<{ label: string; value: string }>,
): boolean {
	if (!condition) return false;
	const field = fields.find((f) => f.label === condition.field);
	const actual = field?.value ?? '';
	const expected = condition.value;
	switch (condition.operator) {
		case 'isEmpty':
			return actual.trim() === '';
		case 'isNotEmpty':
			return actual.trim() !== '';
		case 'equals':
			return actual.trim() === expected.trim();
		case 'notEquals':
			return actual.trim() !== expected.trim();
		case 'contains':
			return actual.includes(expected);
		case 'lessThan':
		case 'greaterThan': {
			const a = asNumber(actual);
			const b = asNumber(expected);
			// A missing or non-numeric value never satisfies a comparison: the stage runs.
			if (a === null || b === null) return false;
			return condition.operator === 'lessThan' ? a < b : a > b;
		}
	}
}

/** Request numbers: `KC-2026-0001`; the sequence grows past four digits when it must. */
export function formatNumber(prefix: string, year: number, seq: number): string {
	return `${prefix}-${year}-${String(seq).padStart(4, '0')}`;
}
