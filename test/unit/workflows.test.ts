import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every shipped workflow as `npm start` imports it (scripts/runtime/setup.js): a fixed id, so
 * a second start finds it instead of importing a copy; credentials by the ids the platform
 * creates; nodes this package declares or n8n's own; wiring between nodes that exist; and a
 * line in the README's workflow table. Each is also run by an engine test.
 */
const root = join(__dirname, '..', '..');
const files = readdirSync(join(root, 'workflows'))
	.filter((f) => f.endsWith('.json'))
	.sort();
const read = (file: string) => JSON.parse(readFileSync(join(root, 'workflows', file), 'utf8'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
	n8n: { nodes: string[] };
};
const ownTypes = pkg.n8n.nodes.map((f) => {
	const base = f
		.split('/')
		.pop()!
		.replace(/\.node\.js$/, '');
	return `n8n-nodes-consortium.${base[0].toLowerCase()}${base.slice(1)}`;
});
const baseFiles = new Set(
	(require('n8n-nodes-base/package.json') as { n8n: { nodes: string[] } }).n8n.nodes.map((f) =>
		f
			.split('/')
			.pop()!
			.replace(/\.node\.js$/, '')
			.toLowerCase(),
	),
);
const CREDENTIAL_IDS: Record<string, string> = {
	consortiumStoreApi: 'consortium-store',
	smtp: 'smtp-local',
};

describe('shipped workflows', () => {
	it('include the approval reminder workflow among them', () => {
		expect(files).toEqual(
			expect.arrayContaining([
				'approval-reminders.json',
				'course-proposal-approval.json',
				'registry-deadline-reminders.json',
			]),
		);
	});

	it('each have their own fixed id, and every mail node its own webhook id', () => {
		const ids = files.map((f) => read(f).id);
		expect(ids.filter((id) => typeof id !== 'string' || !/^[A-Za-z0-9]{8,36}$/.test(id))).toEqual(
			[],
		);
		expect(new Set(ids).size).toBe(files.length);
		const webhookIds = files.flatMap((f) =>
			read(f)
				.nodes.filter((n: { webhookId?: string }) => n.webhookId)
				.map((n: { webhookId: string }) => n.webhookId),
		);
		expect(new Set(webhookIds).size).toBe(webhookIds.length);
	});

	it.each(files)(
		'%s: known node types, Chinese-first names, the platform credentials, wiring between existing nodes, the consortium time zone',
		(file) => {
			const wf = read(file);
			expect(wf.settings).toMatchObject({ executionOrder: 'v1', timezone: 'Asia/Shanghai' });
			const names = wf.nodes.map((n: { name: string }) => n.name);
			expect(new Set(names).size).toBe(names.length);
			for (const node of wf.nodes) {
				expect(node.name).toMatch(/^[\u4e00-\u9fff]/);
				const [pkgName, short] = node.type.split('.');
				if (pkgName === 'n8n-nodes-consortium') expect(ownTypes).toContain(node.type);
				else
					expect({
						type: node.type,
						known: pkgName === 'n8n-nodes-base' && baseFiles.has(short.toLowerCase()),
					}).toEqual({ type: node.type, known: true });
				for (const [type, ref] of Object.entries(node.credentials ?? {}))
					expect({ node: node.name, type, id: (ref as { id: string }).id }).toEqual({
						node: node.name,
						type,
						id: CREDENTIAL_IDS[type],
					});
			}
			for (const [source, outputs] of Object.entries(
				wf.connections as Record<string, { main: Array<Array<{ node: string }>> }>,
			)) {
				expect(names).toContain(source);
				for (const target of outputs.main.flat()) expect(names).toContain(target.node);
			}
		},
	);

	it('name the redelivery workflow as the error workflow of each that requests approval', () => {
		const redelivery = read('approval-redelivery.json');
		expect(redelivery.nodes.map((n: { type: string }) => n.type)).toContain(
			'n8n-nodes-base.errorTrigger',
		);
		const approving = files.filter((f) =>
			read(f).nodes.some(
				(n: { parameters?: { operation?: string } }) =>
					n.parameters?.operation === 'requestApproval',
			),
		);
		expect(approving.length).toBeGreaterThanOrEqual(3);
		expect(approving.filter((f) => read(f).settings.errorWorkflow !== redelivery.id)).toEqual([]);
	});

	it("serve each form where `npm start` says: n8n's own path expression over the form trigger's parameters", () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { formUrl } = require('../../scripts/runtime/setup.js') as {
			formUrl: (base: string, wf: unknown) => string | undefined;
		};
		const forms = files
			.map(read)
			.flatMap((wf) =>
				wf.nodes
					.filter((n: { type: string }) => n.type === 'n8n-nodes-base.formTrigger')
					.map((node: any) => ({ wf, node })),
			);
		expect(forms.length).toBeGreaterThanOrEqual(4);
		// Form Trigger ≥ 2.2 declares `$parameter.path || $parameter.options.path || $webhookId`, and n8n drops
		// the top-level `path` it no longer has: one left there made `npm start` print a URL that answered 404.
		expect(
			forms
				.filter(({ node }: any) => node.typeVersion > 2.1 && node.parameters.path !== undefined)
				.map(({ wf }: any) => wf.name),
		).toEqual([]);
		for (const { wf, node } of forms) {
			expect(formUrl('http://n8n/', wf)).toBe(
				`http://n8n/form/${node.parameters.options?.path || node.webhookId}`,
			);
		}
		expect(forms.map(({ wf }: any) => formUrl('http://n8n/', wf))).toEqual(
			expect.arrayContaining([
				'http://n8n/form/exchange-placement',
				'http://n8n/form/research-project',
				'http://n8n/form/registry-ledger-import',
			]),
		);
	});

	it('are each listed in the README', () => {
		const readme = readFileSync(join(root, 'README.md'), 'utf8');
		expect(files.filter((f) => !readme.includes(`| \`${f}\` |`))).toEqual([]);
	});
});
