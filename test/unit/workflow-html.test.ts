import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * No shipped workflow builds HTML from user text: an HTML-bearing parameter either holds no
 * expression at all, or exactly a field the package produced already escaped (`html`,
 * `messageHtml`). A rejection comment `<a href=…>` once reached a teacher as a working link
 * through a mail the workflow concatenated itself.
 */
const dir = join(__dirname, '..', '..', 'workflows');
const files = readdirSync(dir)
	.filter((f) => f.endsWith('.json'))
	.sort();
const read = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8'));

/** Parameters n8n renders as HTML: a mail's body, a form ending's message or page, a form's HTML field. */
const HTML_BEARING = new Set(['html', 'completionMessage', 'responseText', 'responseBody']);
// `$json.xHtml`, or the same field of a named earlier node (`$('Node').first().json.xHtml`).
const ESCAPED_BY_PACKAGE =
	/^=\{\{\s*(?:\$json|\$\('[^']+'\)\.(?:first\(\)|item)\.json)\.[A-Za-z]*[hH]tml\s*\}\}$/;

function htmlParameters(
	value: unknown,
	path: string[] = [],
): Array<{ path: string; value: string }> {
	if (Array.isArray(value)) return value.flatMap((v, i) => htmlParameters(v, [...path, String(i)]));
	if (!value || typeof value !== 'object') return [];
	return Object.entries(value).flatMap(([key, v]) =>
		HTML_BEARING.has(key) && typeof v === 'string'
			? [{ path: [...path, key].join('.'), value: v }]
			: htmlParameters(v, [...path, key]),
	);
}

describe('shipped workflows put no user text into HTML unescaped', () => {
	it.each(files)('%s', (file) => {
		const unescaped = read(file).nodes.flatMap((node: { name: string; parameters: unknown }) =>
			htmlParameters(node.parameters)
				.filter((p) => p.value.includes('{{') && !ESCAPED_BY_PACKAGE.test(p.value.trim()))
				.map((p) => `${node.name}: ${p.path} = ${p.value.slice(0, 80)}`),
		);
		expect(unescaped).toEqual([]);
	});

	it('catches a concatenated body', () => {
		const caught = htmlParameters({ html: "={{ '<p>' + $json.comment + '</p>' }}" }).filter(
			(p) => !ESCAPED_BY_PACKAGE.test(p.value),
		);
		expect(caught).toHaveLength(1);
		expect(
			htmlParameters({ options: { html: '={{ $json.html }}' } }).filter(
				(p) => !ESCAPED_BY_PACKAGE.test(p.value),
			),
		).toEqual([]);
	});
});

describe('shipped workflows lay their nodes out apart', () => {
	// A node's label and subtitle are written under it, about 200 px wide and 60 px tall: two
	// nodes nearer than 200 px side by side and 160 px apart vertically run into each other
	// (写入台账 over 撤回课程 at 120 px, seen in the editor). Sticky notes sit around nodes on purpose.
	it.each(files)('%s', (file) => {
		const nodes = (
			read(file).nodes as Array<{ name: string; type: string; position: [number, number] }>
		).filter((n) => n.type !== 'n8n-nodes-base.stickyNote');
		const clashes: string[] = [];
		for (const [i, a] of nodes.entries()) {
			for (const b of nodes.slice(i + 1)) {
				if (
					Math.abs(a.position[0] - b.position[0]) < 200 &&
					Math.abs(a.position[1] - b.position[1]) < 160
				)
					clashes.push(`${a.name} / ${b.name}`);
			}
		}
		expect(clashes).toEqual([]);
	});
});
