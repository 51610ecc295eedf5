import {
	evaluateStage,
	formatNumber,
	shouldSkip,
	slotsToOpen,
	type SlotView,
} from '../../../core/approval/machine';
import type { SlotStatus } from '../../../core/approval/types';

const slots = (...statuses: SlotStatus[]): SlotView[] =>
	statuses.map((status, position) => ({ id: `s${position}`, position, status }));

describe('stage rules', () => {
	it('会签 all: every live approver must approve; one rejection rejects', () => {
		expect(evaluateStage('all', null, slots('approved', 'pending'))).toBe('pending');
		expect(evaluateStage('all', null, slots('approved', 'passed'))).toBe('approved');
		expect(evaluateStage('all', null, slots('approved', 'rejected', 'pending'))).toBe('rejected');
		// A reassigned-away slot no longer counts.
		expect(evaluateStage('all', null, slots('revoked', 'approved'))).toBe('approved');
	});

	it('或签 any: the first response decides either way', () => {
		expect(evaluateStage('any', null, slots('pending', 'pending'))).toBe('pending');
		expect(evaluateStage('any', null, slots('pending', 'approved'))).toBe('approved');
		expect(evaluateStage('any', null, slots('rejected', 'pending'))).toBe('rejected');
	});

	it('quorum: N approvals pass; more than M−N rejections make N unreachable', () => {
		expect(evaluateStage('quorum', 2, slots('approved', 'pending', 'pending'))).toBe('pending');
		expect(evaluateStage('quorum', 2, slots('approved', 'rejected', 'approved'))).toBe('approved');
		expect(evaluateStage('quorum', 2, slots('rejected', 'pending', 'pending'))).toBe('pending');
		expect(evaluateStage('quorum', 2, slots('rejected', 'rejected', 'pending'))).toBe('rejected');
	});

	it('依次 sequential opens one approver at a time, in order', () => {
		expect(slotsToOpen('sequential', slots('waiting', 'waiting')).map((s) => s.id)).toEqual(['s0']);
		expect(slotsToOpen('sequential', slots('pending', 'waiting'))).toEqual([]);
		expect(
			slotsToOpen('sequential', slots('approved', 'waiting', 'waiting')).map((s) => s.id),
		).toEqual(['s1']);
		expect(evaluateStage('sequential', null, slots('approved', 'waiting'))).toBe('pending');
		expect(evaluateStage('sequential', null, slots('approved', 'rejected', 'waiting'))).toBe(
			'rejected',
		);
		expect(slotsToOpen('all', slots('waiting', 'waiting')).map((s) => s.id)).toEqual(['s0', 's1']);
	});
});

describe('skip conditions', () => {
	const fields = [
		{ label: '金额', value: '12,000' },
		{ label: '类别', value: '横向课题' },
		{ label: '备注', value: '' },
	];
	it('compares numbers, text and emptiness on the summary fields', () => {
		expect(shouldSkip({ field: '金额', operator: 'lessThan', value: '50000' }, fields)).toBe(true);
		expect(shouldSkip({ field: '金额', operator: 'greaterThan', value: '50000' }, fields)).toBe(
			false,
		);
		expect(shouldSkip({ field: '类别', operator: 'equals', value: '横向课题' }, fields)).toBe(true);
		expect(shouldSkip({ field: '类别', operator: 'contains', value: '纵向' }, fields)).toBe(false);
		expect(shouldSkip({ field: '备注', operator: 'isEmpty', value: '' }, fields)).toBe(true);
		expect(shouldSkip(null, fields)).toBe(false);
	});
	it('never skips on a missing or non-numeric value in a comparison', () => {
		expect(shouldSkip({ field: '不存在', operator: 'lessThan', value: '10' }, fields)).toBe(false);
		expect(shouldSkip({ field: '类别', operator: 'lessThan', value: '10' }, fields)).toBe(false);
	});
});

it('formats request numbers with a yearly four-digit sequence', () => {
	expect(formatNumber('KC', 2026, 1)).toBe('KC-2026-0001');
	expect(formatNumber('KC', 2026, 12345)).toBe('KC-2026-12345');
});
