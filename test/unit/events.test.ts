import {
	auditMatchers,
	formatPosition,
	isApprovalDecision,
	kindOf,
	parsePosition,
	recordEventName,
	recordMatchers,
} from '../../core/events';

describe('trigger event kinds', () => {
	it('turns the chosen kinds, extra entity types and actions into audit matchers', () => {
		expect(
			recordMatchers({
				recordKinds: ['patent'],
				entityTypes: ['exchange_log'],
				actions: ['create', ''],
			}),
		).toEqual([
			{ entityType: 'exchange_log', actions: ['create'] },
			{ entityType: 'registry_patent', actions: ['create'] },
			{ entityType: 'patent', actions: ['create'] },
		]);
		expect(recordMatchers({ recordKinds: ['course'] })).toEqual([
			{ entityType: 'course', actions: undefined },
			{ entityType: 'course_deliverable', actions: undefined },
		]);
		expect(() => recordMatchers({ recordKinds: ['nonsense'] })).toThrow(/Unknown record kind/);
		expect(auditMatchers({ approvalDecided: true })).toEqual([
			{ entityType: 'approval_request', actions: ['approved', 'rejected'] },
		]);
	});

	it('names events and kinds from audit rows', () => {
		expect(recordEventName('create')).toBe('record.created');
		expect(recordEventName('update')).toBe('record.updated');
		expect(recordEventName('delete')).toBe('record.deleted');
		expect(recordEventName('status:approved')).toBe('record.changed');
		expect(isApprovalDecision('approval_request', 'approved')).toBe(true);
		expect(isApprovalDecision('approval_request', 'remind')).toBe(false);
		expect(isApprovalDecision('approval_slot', 'approve')).toBe(false);
		expect(kindOf('exchange_placement')).toBe('placement');
		expect(kindOf('project')).toBe('project');
		expect(kindOf('something_else')).toBeNull();
	});

	it('round-trips a cursor position, xid8 values beyond 2^53 included, and refuses a corrupt one', () => {
		const position = {
			seq: 0,
			snapshot: { xmax: '9007199254740993', xip: ['9007199254740991'] },
			target: { xmax: '9007199254741000', xip: [] },
			after: { xid: '9007199254740992', seq: 7 },
		};
		expect(parsePosition(formatPosition(position))).toEqual(position);
		expect(() => parsePosition('{"xid":"1"}')).toThrow(/Corrupt/);
	});
});
