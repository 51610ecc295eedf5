import { checkCreditCode, creditCodeCheckChar } from '../../../core/directory/credit-code';
import { creditCode } from '../../helpers/course';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * The 17 characters before the check character, built as GB 32100-2015 lays them out:
 * 登记管理部门码 + 机构类别码, a 6-digit 行政区划码, and a 9-character 主体标识码.
 */
function body(department: string, category: string, region: string, subject: string): string {
	return `${department}${category}${region}${subject}`;
}

describe('统一社会信用代码 check character (GB 32100-2015)', () => {
	const built = [
		body('9', '1', '350100', 'M000100Y4'), // enterprise, Fuzhou
		body('5', '2', '110108', '50000123X'), // 民办非企业单位, Haidian
		body('1', '2', '330100', '47000001M'), // 事业单位, Hangzhou
		body('Y', '1', '440300', 'MA5F00001'), // 其他, Shenzhen
	].map(creditCode);

	it.each(built)('accepts the built code %s', (code) => {
		expect(checkCreditCode(code)).toEqual({ ok: true, code });
	});

	it('accepts codes published on business licences', () => {
		expect(checkCreditCode('91110108551385082Q').ok).toBe(true);
		expect(checkCreditCode('914403001922038216').ok).toBe(true);
	});

	it('agrees with the weights 3^i mod 31 for random bodies', () => {
		let seed = 7;
		const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
		for (let n = 0; n < 200; n++) {
			const first17 = Array.from({ length: 17 }, () => ALPHABET[next() % 31]).join('');
			expect(creditCodeCheckChar(first17)).toBe(creditCode(first17).slice(-1));
		}
	});

	it('refuses every wrong check character, saying which one is expected', () => {
		const code = built[0];
		for (const wrong of ALPHABET.replace(code[17], '')) {
			const check = checkCreditCode(code.slice(0, 17) + wrong);
			expect(check).toEqual({
				ok: false,
				reason: expect.stringContaining(`should be ${code[17]}, not ${wrong}`),
			});
		}
	});

	it('refuses a swap of two neighbouring characters', () => {
		const code = built[1];
		const swapped = code.slice(0, 3) + code[4] + code[3] + code.slice(5);
		expect(swapped).not.toBe(code);
		expect(checkCreditCode(swapped).ok).toBe(false);
	});

	it.each([
		['too short', '91350100M000100Y4', /18位/],
		['too long', '91350100M000100Y433', /18位/],
		['letter I', '91350100I000100Y43', /"I" is not allowed/],
		['letter O', '9135010O0000100Y43', /"O" is not allowed/],
		['letter Z', '91350100Z000100Y43', /"Z" is not allowed/],
		['letter S', '91350100S000100Y43', /"S" is not allowed/],
		['letter V', '91350100V000100Y43', /"V" is not allowed/],
		['Chinese', '91350100中000100Y43', /not allowed/],
	])('refuses a code that is %s', (_why, code, reason) => {
		const check = checkCreditCode(code);
		expect(check.ok).toBe(false);
		if (!check.ok) expect(check.reason).toMatch(reason);
	});

	it('reads lower case, spaces and dashes as people type them', () => {
		expect(checkCreditCode(' 9135 0100-m000 100y43 ')).toEqual({
			ok: true,
			code: '91350100M000100Y43',
		});
	});
});
