import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Users read refusals in Chinese first (「课程名称为必填项 / Course Name is required」). Every
 * refusal core/ writes as a literal, bilingual message must open with its Chinese half.
 */
const root = join(__dirname, '..', '..', '..');

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return files(path);
		return path.endsWith('.ts') ? [path] : [];
	});
}

// A message literal right after `new XError(`: '…', "…" or `…`, up to its closing quote.
const REFUSAL =
	/new (?:ValidationError|StateError|NodeOperationError)\(\s*(?:[^,()]*?,\s*)??(['"`])((?:(?!\1)[\s\S])*?)\1/g;
const CJK = /[\u3400-\u9fff]/;
// An acronym Chinese writes as it is may lead (`PCT 申请`, `ID 重复`).
const CHINESE_FIRST = /^(?:[A-Z]{2,5} ?)?[\u3400-\u9fff「『《（(#$\d]/;

describe('refusals in core/ and nodes/', () => {
	it('open in Chinese when they are bilingual', () => {
		const englishFirst: string[] = [];
		for (const file of [...files(join(root, 'core')), ...files(join(root, 'nodes'))]) {
			const text = readFileSync(file, 'utf8');
			for (const match of text.matchAll(REFUSAL)) {
				const message = match[2].trim();
				if (!CJK.test(message) || message.startsWith('${')) continue;
				if (!CHINESE_FIRST.test(message))
					englishFirst.push(`${relative(root, file)}: ${message.slice(0, 80)}`);
			}
		}
		expect(englishFirst).toEqual([]);
	});
});
