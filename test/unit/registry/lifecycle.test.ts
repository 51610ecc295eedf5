import { allowedPatentTransitions, allowedProjectTransitions, assertPatentTransition, ledgerDate, parseStatus, PATENT_STATUS_LABELS, requiresReason } from '../../../core/registry';
import { StateError, ValidationError } from '../../../core/util/errors';

describe('patent lifecycle', () => {
	it('takes an invention through publication and substantive examination', () => {
		expect(allowedPatentTransitions('invention', 'filed')).toEqual(['preliminary', 'rejected', 'deemed_withdrawn', 'withdrawn']);
		expect(allowedPatentTransitions('invention', 'preliminary')[0]).toBe('published');
		expect(allowedPatentTransitions('invention', 'substantive')[0]).toBe('granted');
		expect(allowedPatentTransitions('invention', 'granted')).toEqual(['abandoned', 'terminated', 'expired', 'invalidated']);
	});

	it('grants utility models and designs straight after preliminary examination', () => {
		expect(allowedPatentTransitions('utility', 'preliminary')[0]).toBe('granted');
		expect(allowedPatentTransitions('design', 'preliminary')).not.toContain('published');
		expect(() => assertPatentTransition('design', 'preliminary', 'substantive')).toThrow(StateError);
	});

	it('allows nothing after an end, and ends need a reason', () => {
		for (const end of ['rejected', 'withdrawn', 'terminated', 'expired', 'invalidated'] as const) expect(allowedPatentTransitions('invention', end)).toEqual([]);
		expect(requiresReason('terminated')).toBe(true);
		expect(requiresReason('granted')).toBe(false);
	});

	it('reads statuses as keys, Chinese words or full labels', () => {
		expect(parseStatus('授权', PATENT_STATUS_LABELS, 'status', 'S')).toBe('granted');
		expect(parseStatus('实审', PATENT_STATUS_LABELS, 'status', 'S')).toBe('substantive');
		expect(parseStatus('视为撤回', PATENT_STATUS_LABELS, 'status', 'S')).toBe('deemed_withdrawn');
		expect(() => parseStatus('审查', PATENT_STATUS_LABELS, 'status', 'S')).toThrow(ValidationError);
	});
});

describe('project lifecycle', () => {
	it('goes 申报 → 立项 → 开题 → 中期 → 结题, with not approved or terminated as side exits', () => {
		expect(allowedProjectTransitions('applied')).toEqual(['approved', 'not_approved']);
		expect(allowedProjectTransitions('approved')).toEqual(['opened', 'terminated']);
		expect(allowedProjectTransitions('midterm')).toEqual(['closed', 'terminated']);
		expect(allowedProjectTransitions('closed')).toEqual([]);
		expect(allowedProjectTransitions('not_approved')).toEqual([]);
	});
});

describe('ledger dates', () => {
	it('reads ISO, Chinese and slashed dates and Excel day serials', () => {
		expect(ledgerDate('2023年5月6日', 'd', 'D')).toBe('2023-05-06');
		expect(ledgerDate('2024/2/29', 'd', 'D')).toBe('2024-02-29');
		expect(ledgerDate(45052, 'd', 'D')).toBe('2023-05-06');
		expect(ledgerDate('45351', 'd', 'D')).toBe('2024-02-29');
		expect(ledgerDate('', 'd', 'D')).toBeNull();
		expect(() => ledgerDate('2023年2月30日', 'd', 'D')).toThrow(/not a valid date/);
		expect(() => ledgerDate(12, 'd', 'D')).toThrow(/not a valid date/);
	});
});
