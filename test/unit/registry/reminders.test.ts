import { reminderMessages, type Deadline } from '../../../core/registry';

const deadline = (
	daysLeft: number,
	owner: string | null,
	extra: Partial<Deadline> = {},
): Deadline => ({
	id: `d${daysLeft}${owner}`,
	kind: 'annual_fee',
	kindLabel: '年费缴纳 Annual Fee',
	date: `2026-01-${String(1 + (daysLeft % 28)).padStart(2, '0')}`,
	daysLeft,
	subjectType: 'patent',
	subjectId: 'pat_1',
	subjectNo: '201710601862.3',
	subjectTitle: '一种<装置>',
	detail: null,
	ownerId: owner,
	ownerName: owner ? `名${owner}` : null,
	ownerEmail: owner ? `${owner}@x.cn` : null,
	flaggedForTermination: false,
	...extra,
});

describe('reminder messages', () => {
	const options = { reminderDays: [90, 30, 7], urgentDays: 7, secretariatEmail: 'office@x.cn' };

	it('picks the 90- and 30-day marks and every day within the urgent window, not the days between', () => {
		const picked = reminderMessages(
			[89, 90, 30, 31, 8, 7, 3, 0, -1].map((d) => deadline(d, 'a')),
			options,
		);
		expect(picked).toHaveLength(1);
		expect(picked[0].items.map((d) => d.daysLeft)).toEqual([0, 3, 7, 30, 90]);
	});

	it('sends one message per owner, copies the secretariat only when urgent, and routes ownerless items to it', () => {
		const messages = reminderMessages(
			[deadline(90, 'a'), deadline(5, 'a'), deadline(30, 'b'), deadline(7, null)],
			options,
		);
		expect(messages.map((m) => [m.to, m.cc, m.itemCount, m.urgent])).toEqual([
			['a@x.cn', 'office@x.cn', 2, true],
			['b@x.cn', '', 1, false],
			['office@x.cn', '', 1, true],
		]);
		expect(messages[0].html).toContain('一种&lt;装置&gt;');
		expect(messages[0].html).not.toContain('<装置>');
		expect(messages[0].subject).toMatch(/紧急/);
	});

	it('drops ownerless items when there is no secretariat address', () => {
		expect(reminderMessages([deadline(7, null)], { ...options, secretariatEmail: null })).toEqual(
			[],
		);
	});
});
