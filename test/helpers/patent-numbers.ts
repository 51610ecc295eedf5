/** Builds a valid application number from its parts with the documented weights, independently of core. */
export function buildPatentNumber(
	year: string | number,
	typeDigit: string | number,
	serial: string | number,
): string {
	const width = String(year).length === 4 ? 7 : 5;
	const digits = `${year}${typeDigit}${String(serial).padStart(width, '0')}`;
	const weights =
		digits.length === 12 ? [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5] : [2, 3, 4, 5, 6, 7, 8, 9];
	const r = [...digits].reduce((s, d, i) => s + Number(d) * weights[i], 0) % 11;
	return `${digits}.${r === 10 ? 'X' : r}`;
}

/** The same number with a wrong check character. */
export function withWrongCheck(number: string): string {
	return `${number.slice(0, -1)}${number.endsWith('1') ? '2' : '1'}`;
}
