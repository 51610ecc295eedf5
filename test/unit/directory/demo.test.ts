import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCreditCode, organisations, people } from '../../../core/directory';
import {
	DEMO_COURSE_FORM,
	DEMO_ORGANISATIONS,
	DEMO_PEOPLE,
	loadDemoConsortium,
} from '../../../core/directory/demo';
import { openStore, type Store } from '../../../core/store';
import { freshStoreConfig, testDialects } from '../../helpers/dialects';

const root = join(__dirname, '..', '..', '..');

/**
 * GB 11714-1997 §2.1.2: the organisation code (characters 9–17 of a 统一社会信用代码) carries
 * its own check character, C9 = 11 − MOD(Σ Ci·Wi, 11) with W = 3 7 9 10 5 8 4 2, where a
 * letter counts as its place after the digits (A = 10); 10 is written X and 11 as 0.
 */
function organisationCodeValid(code: string): boolean {
	const weights = [3, 7, 9, 10, 5, 8, 4, 2];
	const value = (c: string) => (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55);
	const sum = weights.reduce((acc, w, i) => acc + value(code[i]) * w, 0);
	const c9 = 11 - (sum % 11);
	return code[8] === (c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9));
}

/** Every address a shipped workflow names in a parameter, except the mailboxes it sends from. */
function addressesInWorkflows(): Array<{ file: string; address: string }> {
	const found: Array<{ file: string; address: string }> = [];
	const walk = (value: unknown, key: string, file: string) => {
		if (typeof value === 'string') {
			if (key === 'fromEmail') return;
			for (const m of value.matchAll(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g))
				found.push({ file, address: m[0].toLowerCase() });
		} else if (Array.isArray(value)) value.forEach((v) => walk(v, key, file));
		else if (value && typeof value === 'object')
			for (const [k, v] of Object.entries(value)) walk(v, k, file);
	};
	for (const file of readdirSync(join(root, 'workflows')).filter((f) => f.endsWith('.json'))) {
		const wf = JSON.parse(readFileSync(join(root, 'workflows', file), 'utf8'));
		for (const node of wf.nodes) walk(node.parameters, '', file);
	}
	return found;
}

describe('demo consortium data', () => {
	it('gives every organisation a 统一社会信用代码 valid by GB 32100 and by GB 11714 for its organisation code', () => {
		const codes = DEMO_ORGANISATIONS.map((o) => String(o.creditCode ?? ''));
		expect(codes.filter((c) => !c)).toEqual([]);
		expect(codes.map((c) => [c, checkCreditCode(c).ok])).toEqual(codes.map((c) => [c, true]));
		expect(codes.map((c) => [c, organisationCodeValid(c.slice(8, 17))])).toEqual(
			codes.map((c) => [c, true]),
		);
		expect(new Set(codes).size).toBe(codes.length);
		// registration authority and kind as GB 32100 lists them: 1x 机构编制, 5x 民政, 9x 工商
		const prefix = {
			school: '12',
			research: '12',
			government: '11',
			association: '51',
			enterprise: '91',
		} as Record<string, string>;
		expect(DEMO_ORGANISATIONS.map((o) => [o.name, String(o.creditCode).slice(0, 2)])).toEqual(
			DEMO_ORGANISATIONS.map((o) => [o.name, prefix[o.kind]]),
		);
	});

	it('has a college with departments, enterprises, a park, a research body and people of every kind', () => {
		const kinds = new Set(DEMO_ORGANISATIONS.map((o) => o.kind));
		expect([...kinds].sort()).toEqual([
			'association',
			'enterprise',
			'government',
			'research',
			'school',
		]);
		expect(DEMO_ORGANISATIONS.filter((o) => o.kind === 'enterprise').length).toBeGreaterThanOrEqual(
			3,
		);
		expect(
			DEMO_ORGANISATIONS.some((o) => /职业技术学院$/.test(o.name) && o.kind === 'school'),
		).toBe(true);
		expect(DEMO_ORGANISATIONS.some((o) => /产业园/.test(o.name))).toBe(true);
		const departments = new Set(
			DEMO_PEOPLE.filter((p) => p.kind === 'teacher').map((p) => p.department),
		);
		expect(departments.size).toBeGreaterThanOrEqual(3);
		expect(new Set(DEMO_PEOPLE.map((p) => p.kind))).toEqual(
			new Set(['teacher', 'technician', 'staff']),
		);
	});

	it("holds every person the shipped workflows name: approvers, recipients, and the forms' example people", () => {
		const emails = new Set(DEMO_PEOPLE.map((p) => String(p.email).toLowerCase()));
		const named = addressesInWorkflows();
		expect(named.length).toBeGreaterThan(5);
		expect(named.filter((n) => !emails.has(n.address))).toEqual([]);
		for (const address of DEMO_COURSE_FORM.team.split(/,\s*/)) expect(emails).toContain(address);
		expect(emails).toContain(DEMO_COURSE_FORM.submitterEmail);
	});

	it("the course form's example partner enterprises are demo enterprises", () => {
		const wf = JSON.parse(
			readFileSync(join(root, 'workflows', 'course-proposal-approval.json'), 'utf8'),
		);
		const form = wf.nodes.find((n: { type: string }) => n.type === 'n8n-nodes-base.formTrigger');
		const partners = form.parameters.formFields.values.find(
			(f: { fieldName: string }) => f.fieldName === 'partners',
		).placeholder as string;
		const enterprises = DEMO_ORGANISATIONS.filter((o) => o.kind === 'enterprise').map(
			(o) => o.name,
		);
		expect(partners.split(/[、,，]/).map((p) => p.trim())).toEqual(
			expect.arrayContaining([expect.any(String)]),
		);
		for (const partner of partners.split(/[、,，]/).map((p) => p.trim()))
			expect(enterprises).toContain(partner);
	});
});

describe.each(testDialects())('loading the demo consortium (%s)', (dialect) => {
	let store: Store;
	beforeAll(async () => {
		store = await openStore(await freshStoreConfig(dialect));
	});
	afterAll(() => store.close());

	it('fills an empty store through the directory upserts, people linked to their organisations by name', async () => {
		expect(await loadDemoConsortium(store)).toEqual({
			loaded: true,
			organisations: DEMO_ORGANISATIONS.length,
			people: DEMO_PEOPLE.length,
		});
		const orgs = (await organisations.list(store, { limit: 100 })).items;
		expect(orgs.map((o) => o.name).sort()).toEqual(DEMO_ORGANISATIONS.map((o) => o.name).sort());
		const lead = (await people.list(store, { filters: { email: 'lead@enterprise.example.com' } }))
			.items[0];
		expect(lead).toMatchObject({
			kind: 'technician',
			organisationId: orgs.find((o) => o.name === '星河智能制造有限公司')!.id,
		});
		const audit = await store.db.selectFrom('audit').select(['actor', 'action']).execute();
		expect(audit.length).toBe(DEMO_ORGANISATIONS.length + DEMO_PEOPLE.length);
		expect(new Set(audit.map((a) => `${a.actor} ${a.action}`))).toEqual(
			new Set(['system:demo create']),
		);
		// a person's organisation may also be named by its credit code, as a spreadsheet might
		const byCode = await people.create(
			store,
			{
				name: '测试员',
				kind: 'staff',
				organisationId: '91350104154387623F',
				email: 'probe@haixia-cnc.example.com',
			},
			{ actor: 'test' },
		);
		expect(byCode.organisationId).toBe(orgs.find((o) => o.name === '海峡数控装备有限公司')!.id);
		await people.delete(store, byCode.id, { actor: 'test' });
	});

	it('leaves a store that holds anything alone, so a restart adds nothing', async () => {
		expect(await loadDemoConsortium(store)).toMatchObject({
			loaded: false,
			organisations: DEMO_ORGANISATIONS.length,
			people: DEMO_PEOPLE.length,
		});
		const other = await openStore(await freshStoreConfig(dialect));
		try {
			await organisations.create(other, { name: '另一所学校', kind: 'school' }, { actor: 'admin' });
			expect(await loadDemoConsortium(other)).toMatchObject({
				loaded: false,
				organisations: 1,
				people: 0,
			});
			expect((await organisations.list(other)).items.map((o) => o.name)).toEqual(['另一所学校']);
		} finally {
			await other.close();
		}
	});
});

describe.each(testDialects())("npm start's demo step, scripts/runtime/demo.js (%s)", (dialect) => {
	/* eslint-disable @typescript-eslint/no-require-imports */
	const { loadDemo, describeDemo } = require('../../../scripts/runtime/demo.js');
	const { storeCredentialData } = require('../../../scripts/runtime/setup.js');
	/* eslint-enable @typescript-eslint/no-require-imports */

	it('loads into the store the credential names, once; the second start says why it left the store alone', async () => {
		const config = await freshStoreConfig(dialect);
		const store =
			config.type === 'postgres'
				? `postgres://${encodeURIComponent(config.user!)}:${encodeURIComponent(config.password ?? '')}@${config.host}:${config.port}/${config.database}`
				: config.sqlitePath;
		const data = storeCredentialData({
			store: config.type === 'postgres' ? store : '',
			sqlitePath: config.sqlitePath,
		});
		const first = await loadDemo(data);
		expect(describeDemo(first)).toBe(
			`demo consortium loaded: ${DEMO_ORGANISATIONS.length} organisations, ${DEMO_PEOPLE.length} people (海川市; start with --no-demo to skip)`,
		);
		const second = await loadDemo(data);
		expect(describeDemo(second)).toMatch(
			/^demo consortium: not loaded, the store already holds records \(8 organisations, 17 people, \d+ changes\)$/,
		);
		expect(describeDemo(undefined)).toBe('demo consortium: not loaded (--no-demo)');
		const check = await openStore(config);
		try {
			expect((await people.list(check, { limit: 100 })).items.length).toBe(DEMO_PEOPLE.length);
		} finally {
			await check.close();
		}
	});
});
