import { checkDigit, parsePatentNumber, patentTypeOf } from '../../../core/registry';
import { ValidationError } from '../../../core/util/errors';

/** Builds a valid number from its parts with the documented weights, independently of the code under test. */
function build(year: string, typeDigit: string, serial: string): string {
	const digits = `${year}${typeDigit}${serial}`;
	const weights =
		digits.length === 12 ? [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5] : [2, 3, 4, 5, 6, 7, 8, 9];
	const r = [...digits].reduce((s, d, i) => s + Number(d) * weights[i], 0) % 11;
	return `${digits}.${r === 10 ? 'X' : r}`;
}

function findSerial(
	year: string,
	typeDigit: string,
	want: (check: string) => boolean,
	width = 7,
): string {
	for (let n = 1; n < 10 ** width; n++) {
		const serial = String(n).padStart(width, '0');
		const number = build(year, typeDigit, serial);
		if (want(number.slice(-1))) return number;
	}
	throw new Error('none found');
}

function fails(input: string, code: string) {
	try {
		parsePatentNumber(input);
	} catch (e) {
		expect(e).toBeInstanceOf(ValidationError);
		expect((e as ValidationError).code).toBe(code);
		expect((e as ValidationError).field).toBe('applicationNo');
		return;
	}
	throw new Error(`${input} was accepted`);
}

describe('patent application numbers', () => {
	it('checks the documented example and its written forms', () => {
		const canonical = build('2017', '1', '0601862');
		expect(canonical).toBe('201710601862.3');
		for (const form of [
			'CN 2017 1 0601862.3',
			'201710601862.3',
			'ZL201710601862.3',
			' zl 2017 10601862 . 3 ',
			'CN201710601862．3',
			'2017106018623',
		]) {
			expect(parsePatentNumber(form)).toEqual({
				applicationNo: canonical,
				patentNo: `ZL${canonical}`,
				type: 'invention',
				year: 2017,
				legacy: false,
			});
		}
	});

	it('accepts numbers whose check digit is X, in either case', () => {
		const withX = findSerial('2021', '2', (c) => c === 'X');
		expect(checkDigit(withX.slice(0, 12))).toBe('X');
		expect(parsePatentNumber(withX).applicationNo).toBe(withX);
		expect(parsePatentNumber(withX.toLowerCase()).type).toBe('utility');
	});

	it('derives every type from its digit', () => {
		const types: Record<string, string> = {
			'1': 'invention',
			'2': 'utility',
			'3': 'design',
			'8': 'pct_invention',
			'9': 'pct_utility',
		};
		for (const [digit, type] of Object.entries(types)) {
			expect(parsePatentNumber(build('2019', digit, '0123456')).type).toBe(type);
		}
	});

	it('accepts legacy 8-digit numbers with weights 2–9, up to 2003', () => {
		const legacy = build('98', '1', '12345');
		expect(legacy).toHaveLength(10);
		expect(parsePatentNumber(`ZL ${legacy}`)).toMatchObject({
			applicationNo: legacy,
			type: 'invention',
			year: 1998,
			legacy: true,
		});
		const legacyX = findSerial('02', '2', (c) => c === 'X', 5);
		expect(parsePatentNumber(legacyX)).toMatchObject({ year: 2002, type: 'utility', legacy: true });
		fails(build('05', '1', '12345'), 'format');
	});

	it('refuses wrong check digits, bad type digits and malformed input', () => {
		const good = build('2020', '3', '0004567');
		const wrong = `${good.slice(0, -1)}${good.endsWith('1') ? '2' : '1'}`;
		fails(wrong, 'check_digit');
		fails(build('2020', '4', '0004567'), 'type_digit');
		fails(build('2020', '5', '0004567'), 'type_digit');
		for (const bad of [
			'2017106018.3',
			'CN2017A0601862.3',
			'201710601862.',
			'2017 1 0601862 3 4',
			'abc',
			'201710601862.Y',
		])
			fails(bad, 'format');
		fails('', 'required');
	});

	it('checks a stated type against the number', () => {
		const number = parsePatentNumber(build('2022', '2', '1234567'));
		expect(patentTypeOf(number, '实用新型')).toBe('utility');
		expect(patentTypeOf(number, null)).toBe('utility');
		expect(() => patentTypeOf(number, '发明专利')).toThrow(/does not match/);
	});
});
