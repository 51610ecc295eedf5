import { ValidationError } from '../../../core/util/errors';
import {
	optionalDate,
	optionalEmail,
	optionalNumber,
	requiredText,
	textList,
} from '../../../core/util/validate';
import { addDays, addMonths, dateInZone, daysBetween, formatInZone } from '../../../core/util/time';
import { newId } from '../../../core/util/id';

function fieldOf(fn: () => unknown): string | undefined {
	try {
		fn();
	} catch (error) {
		if (error instanceof ValidationError) return error.field;
		throw error;
	}
	throw new Error('expected a ValidationError');
}

describe('field readers', () => {
	it('accept ISO, slashed and Chinese dates, and reject impossible ones naming the field', () => {
		expect(optionalDate('2023年5月6日', 'filingDate', '申请日')).toBe('2023-05-06');
		expect(optionalDate('2024/2/29', 'd', 'd')).toBe('2024-02-29');
		expect(optionalDate('2024-03-01T10:00:00Z', 'd', 'd')).toBe('2024-03-01');
		expect(fieldOf(() => optionalDate('2023-02-29', 'filingDate', '申请日'))).toBe('filingDate');
		expect(fieldOf(() => optionalDate('next tuesday', 'start', '开始'))).toBe('start');
		expect(optionalDate('', 'd', 'd')).toBeNull();
	});

	it('require text, bound numbers and check emails with the field named', () => {
		expect(fieldOf(() => requiredText('  ', 'name', '姓名'))).toBe('name');
		expect(fieldOf(() => requiredText({}, 'name', '姓名'))).toBe('name');
		expect(fieldOf(() => optionalNumber(-1, 'hours', '学时', { min: 0 }))).toBe('hours');
		expect(fieldOf(() => optionalNumber('abc', 'hours', '学时'))).toBe('hours');
		expect(fieldOf(() => optionalNumber(1.5, 'n', 'n', { integer: true }))).toBe('n');
		expect(optionalNumber('12', 'hours', '学时')).toBe(12);
		expect(optionalEmail(' Li@Example.COM ', 'email', '邮箱')).toBe('li@example.com');
		expect(fieldOf(() => optionalEmail('li@@example', 'email', '邮箱'))).toBe('email');
		expect(fieldOf(() => optionalEmail('a@b.c<script>', 'email', '邮箱'))).toBe('email');
	});

	it('split lists on Chinese and Latin separators', () => {
		expect(textList('理事单位、成员单位，观察员', 'roles', '角色')).toEqual([
			'理事单位',
			'成员单位',
			'观察员',
		]);
		expect(textList(['a', 'b'], 'roles', '角色')).toEqual(['a', 'b']);
	});
});

describe('time helpers', () => {
	it('show instants in the consortium zone', () => {
		// 16:30 UTC on 31 Dec is already 1 Jan in Shanghai.
		expect(formatInZone('2025-12-31T16:30:00Z', 'Asia/Shanghai')).toBe('2026-01-01 00:30');
		expect(dateInZone('2025-12-31T16:30:00Z', 'Asia/Shanghai')).toBe('2026-01-01');
		expect(dateInZone('2025-12-31T16:30:00Z', 'UTC')).toBe('2025-12-31');
	});

	it('add months clamping to month ends, and count days across leap years', () => {
		expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
		expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
		expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
		expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
		expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
		expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
		expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
	});
});

describe('ids', () => {
	it('sort in creation order, even within one millisecond', () => {
		const ids = Array.from({ length: 5000 }, () => newId('x'));
		expect([...ids].sort()).toEqual(ids);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids[0]).toMatch(/^x_[0-9A-HJKMNP-TV-Z]{26}$/);
	});
});
