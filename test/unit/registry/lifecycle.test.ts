import {
	allowedPatentTransitions,
	allowedProjectTransitions,
	assertPatentTransition,
	ledgerDate,
	MILESTONE_LABELS,
	MILESTONES_BY_CATEGORY,
	milestoneKindFor,
	parseStatus,
	PATENT_STATUS_LABELS,
	PROJECT_STATUS_LABELS,
	projectStatusLabel,
	requiresReason,
} from '../../../core/registry';
import {
	categoryOptions,
	milestoneOptions,
} from '../../../nodes/Registry/v1/actions/project/fields';
import { StateError, ValidationError } from '../../../core/util/errors';

describe('patent lifecycle', () => {
	it('takes an invention through publication and substantive examination', () => {
		expect(allowedPatentTransitions('invention', 'filed')).toEqual([
			'preliminary',
			'rejected',
			'deemed_withdrawn',
			'withdrawn',
		]);
		expect(allowedPatentTransitions('invention', 'preliminary')[0]).toBe('published');
		expect(allowedPatentTransitions('invention', 'substantive')[0]).toBe('granted');
		expect(allowedPatentTransitions('invention', 'granted')).toEqual([
			'abandoned',
			'terminated',
			'expired',
			'invalidated',
		]);
	});

	it('grants utility models and designs straight after preliminary examination', () => {
		expect(allowedPatentTransitions('utility', 'preliminary')[0]).toBe('granted');
		expect(allowedPatentTransitions('design', 'preliminary')).not.toContain('published');
		expect(() => assertPatentTransition('design', 'preliminary', 'substantive')).toThrow(
			StateError,
		);
	});

	it('allows nothing after an end, and ends need a reason', () => {
		for (const end of ['rejected', 'withdrawn', 'terminated', 'expired', 'invalidated'] as const)
			expect(allowedPatentTransitions('invention', end)).toEqual([]);
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

	// A 横向 project is a contract (民法典 技术合同): signed, delivered and accepted, closed — no
	// 开题 or 中期检查 (issue #17 point 9; 本联合体设置).
	it('takes a 横向 contract from 立项/合同签订 straight to 结题', () => {
		expect(allowedProjectTransitions('applied', 'horizontal')).toEqual([
			'approved',
			'not_approved',
		]);
		expect(allowedProjectTransitions('approved', 'horizontal')).toEqual(['closed', 'terminated']);
		// An older ledger's 横向 record left at 开题 or 中期 may still close.
		expect(allowedProjectTransitions('opened', 'horizontal')).toEqual(['closed', 'terminated']);
		expect(projectStatusLabel('approved', 'horizontal')).toBe('合同签订 Contract Signed');
		expect(projectStatusLabel('approved', 'vertical')).toBe('立项 Approved');
		expect(parseStatus('合同签订', PROJECT_STATUS_LABELS, 'to', 'T')).toBe('approved');
	});

	it('has one milestone set per kind of project, and the node offers exactly the core labels', () => {
		expect(MILESTONES_BY_CATEGORY).toEqual({
			vertical: ['opening', 'midterm', 'closing', 'other'],
			horizontal: ['contract', 'delivery', 'closing', 'other'],
		});
		expect(milestoneKindFor('horizontal', '交付验收')).toBe('delivery');
		expect(milestoneKindFor('vertical', '中期')).toBe('midterm');
		const refused = (() => {
			try {
				milestoneKindFor('horizontal', '开题');
			} catch (e) {
				return e as ValidationError;
			}
			throw new Error('accepted');
		})();
		expect(refused.message).toMatch(
			/^横向项目没有 开题 Opening 节点；可用：合同签订 Contract Signing、交付验收 Delivery and Acceptance、结题 Closing、其他 Other/,
		);
		expect(milestoneOptions.map((o) => [o.value, o.name])).toEqual(
			Object.entries(MILESTONE_LABELS),
		);
		expect(categoryOptions.map((o) => o.name)).toEqual([
			'纵向 Government-Funded',
			'横向 Enterprise-Commissioned',
		]);
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
