/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (no I, O,
 * Z, S, V); the last is a check character over the first 17 with weights 3^i mod 31.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckChar(first17: string): string {
	let sum = 0;
	for (let i = 0; i < 17; i++) {
		const value = ALPHABET.indexOf(first17[i]);
		if (value < 0) throw new Error(`invalid character "${first17[i]}"`);
		sum += value * WEIGHTS[i];
	}
	return ALPHABET[(31 - (sum % 31)) % 31];
}

export type CreditCodeCheck = { ok: true; code: string } | { ok: false; reason: string };

export function checkCreditCode(input: string): CreditCodeCheck {
	// NFKC first: office spreadsheets type codes in full-width (９１３２…, Ａ, full-width hyphen and space).
	const code = input.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
	if (code.length !== 18)
		return { ok: false, reason: `must have 18 characters, has ${code.length} / 应为18位` };
	for (const ch of code) {
		if (!ALPHABET.includes(ch))
			return { ok: false, reason: `character "${ch}" is not allowed / 含非法字符` };
	}
	const expected = creditCodeCheckChar(code.slice(0, 17));
	if (code[17] !== expected) {
		return {
			ok: false,
			reason: `check character should be ${expected}, not ${code[17]} / 校验码错误`,
		};
	}
	return { ok: true, code };
}
