/**
 * Tampered approval links: truncated, flipped, padded, replayed, or taken from another
 * request. Each leads to the page for its state, decides nothing, changes no row, and no
 * page shows a stack trace. Pages whose subject carries markup render in Chromium without
 * running a single script.
 */
import { chromium, type Browser } from 'playwright-core';
import {
	confirmPage,
	createRequest,
	decide,
	errorPage,
	formKey,
	inspectLink,
	loadRecord,
	parseRequest,
	recordedPage,
	statePage,
	type ApprovalEnv,
} from '../../../core/approval';
import type { LinkState } from '../../../core/approval/decide';
import { deriveToken } from '../../../core/approval/tokens';
import { closeAllStores, openStore, resolveSettings, type Store } from '../../../core/store';
import { snapshot } from '../../fuzz/check';
import { fuzzSeeds, hostile, MARKUP, Rng } from '../../fuzz/generator';
import { freshStoreConfig, testDialects } from '../../helpers/dialects';

const [, RANDOM_SEED] = fuzzSeeds('approval links');
const actor = { actor: 'test' };
const LINK_BASE = 'http://127.0.0.1:5678/webhook-waiting/41/approval-node';
const STACK = /\bat \S+ \(|node_modules|\.ts:\d+|TypeError|ReferenceError|Error:/;

function requestInput(title: string, approvers: string[]) {
	return {
		title,
		subjectType: 'course',
		subjectFields: [
			{ label: '课程名称 <b>Course</b>', value: `${MARKUP[1]} 工业机器人 👩‍🔬 مرحبا` },
			{ label: 'SQL', value: "'; DROP TABLE approval_slot; --" },
		],
		submitterEmail: 'teacher1@college.edu.cn',
		submitterName: `教师 ${MARKUP[0]}`,
		stages: [{ name: `系部审核 ${MARKUP[2]}`, mode: 'any', approvers }],
		numberPrefix: 'KC',
	};
}

async function slotTokens(
	env: ApprovalEnv,
	requestId: string,
): Promise<Array<{ email: string; token: string }>> {
	const slots = await env.store.db
		.selectFrom('approval_slot')
		.selectAll()
		.where('request_id', '=', requestId)
		.orderBy('position')
		.execute();
	return slots.map((s) => ({
		email: s.email,
		token: deriveToken(env.settings.linkSecret, s.id, s.token_salt!),
	}));
}

/** Every slot's status and every request's status: a refused link must leave all of them as they were. */
async function decisions(store: Store) {
	const slots = await store.db
		.selectFrom('approval_slot')
		.select(['id', 'status', 'decided_at', 'comment'])
		.orderBy('id')
		.execute();
	const requests = await store.db
		.selectFrom('approval_request')
		.select(['id', 'status', 'decided_at'])
		.orderBy('id')
		.execute();
	return { slots, requests, counts: await snapshot(store) };
}

function tampered(rng: Rng, token: string): Array<{ how: string; value: unknown }> {
	const flipAt = rng.int(token.length);
	const flipped =
		token.slice(0, flipAt) + (token[flipAt] === 'A' ? 'B' : 'A') + token.slice(flipAt + 1);
	return [
		{ how: 'truncated by one', value: token.slice(0, -1) },
		{ how: `truncated to ${10 + rng.int(30)}`, value: token.slice(0, 10 + rng.int(30)) },
		{ how: `flipped at ${flipAt}`, value: flipped },
		{
			how: 'upper-cased',
			value: token.toUpperCase() === token ? token.toLowerCase() : token.toUpperCase(),
		},
		{ how: 'with a character appended', value: `${token}x` },
		{ how: 'url-encoded twice', value: encodeURIComponent(encodeURIComponent(`${token}=`)) },
		{ how: 'empty', value: '' },
		{ how: 'missing', value: undefined },
		{ how: 'an array of the token', value: [token, token] },
		{ how: 'an object', value: { token } },
		{ how: 'hostile', value: hostile(rng) },
		{ how: 'hostile text', value: hostile(rng, 'text') },
	];
}

describe.each(testDialects())('tampered approval links (%s)', (dialect) => {
	let env: ApprovalEnv;
	let a: { id: string; tokens: Array<{ email: string; token: string }> };
	let b: { id: string; tokens: Array<{ email: string; token: string }> };

	beforeAll(async () => {
		const store = await openStore(await freshStoreConfig(dialect));
		env = { store, settings: await resolveSettings(store, {}) };
		const create = async (title: string) => {
			const { request } = await createRequest(
				env,
				parseRequest(requestInput(title, ['head@college.edu.cn', 'boss@acme.example.com']), {
					linkBase: LINK_BASE,
					executionId: '41',
					nodeId: 'approval-node',
				}),
				actor,
			);
			return { id: request.id, tokens: await slotTokens(env, request.id) };
		};
		a = await create(`课程立项 ${MARKUP[0]}`);
		b = await create('另一个申请 Another request');
	});
	afterAll(async () => {
		await env.store.close();
		await closeAllStores();
	});

	it.each([20260901, RANDOM_SEED])(
		'seed %i: a tampered token opens nothing and decides nothing',
		async (seed) => {
			const rng = new Rng(seed);
			const before = await decisions(env.store);
			const real = a.tokens[0].token;
			const key = formKey(env.settings.linkSecret, real);
			for (const t of tampered(rng, real)) {
				const shown = await inspectLink(env, t.value);
				expect([t.how, shown.state]).toEqual([t.how, 'unknown']);
				const decided = await decide(env, {
					token: t.value,
					formKey: key,
					decision: 'approve',
					comment: hostile(rng),
					ip: '127.0.0.1',
					userAgent: String(hostile(rng, 'text')),
				});
				expect([t.how, decided.state]).toEqual([t.how, 'unknown']);
				const html = statePage(
					decided.state as Exclude<LinkState, 'open' | 'recorded'>,
					decided.record,
				);
				expect(html).toContain('链接无效');
				expect(html).not.toMatch(STACK);
			}
			// the real token with a tampered or missing form key: forged, nothing decided
			for (const t of tampered(rng, key)) {
				const decided = await decide(env, { token: real, formKey: t.value, decision: 'approve' });
				expect([t.how, decided.state]).toEqual([t.how, 'forged']);
			}
			// the real token and key with a decision that is neither approve nor reject: shown, not decided
			for (const decision of [
				'APPROVE',
				'yes',
				'',
				null,
				['approve'],
				{ approve: true },
				hostile(rng),
			]) {
				const decided = await decide(env, { token: real, formKey: key, decision });
				expect(decided.state).toBe('open');
				expect(decided.change).toBeUndefined();
			}
			expect(await decisions(env.store)).toEqual(before);
		},
	);

	it("refuses another request's form key, and a form key reused for another approver", async () => {
		const before = await decisions(env.store);
		const otherRequestKey = formKey(env.settings.linkSecret, b.tokens[0].token);
		expect(
			(
				await decide(env, {
					token: a.tokens[0].token,
					formKey: otherRequestKey,
					decision: 'approve',
				})
			).state,
		).toBe('forged');
		const sameRequestOtherApprover = formKey(env.settings.linkSecret, a.tokens[1].token);
		expect(
			(
				await decide(env, {
					token: a.tokens[0].token,
					formKey: sameRequestOtherApprover,
					decision: 'reject',
				})
			).state,
		).toBe('forged');
		// a link of request B shows request B, never A: the token alone picks the record
		const shownB = await inspectLink(env, b.tokens[0].token);
		expect(shownB.record?.requestId).toBe(b.id);
		expect(await decisions(env.store)).toEqual(before);
	});

	it('a replayed decision is recorded once; the replay and the other approver see a used or closed page', async () => {
		const [first, second] = a.tokens;
		const key = (t: string) => formKey(env.settings.linkSecret, t);
		const won = await decide(env, {
			token: first.token,
			formKey: key(first.token),
			decision: 'approve',
			comment: `同意 ${MARKUP[0]}`,
		});
		expect(won.state).toBe('recorded');
		expect(won.record?.status).toBe('approved');
		const after = await decisions(env.store);
		const replays = await Promise.all(
			[1, 2, 3].map(() =>
				decide(env, { token: first.token, formKey: key(first.token), decision: 'reject' }),
			),
		);
		expect(replays.map((r) => r.state)).toEqual(['used', 'used', 'used']);
		const late = await decide(env, {
			token: second.token,
			formKey: key(second.token),
			decision: 'reject',
		});
		expect(late.state).toBe('closed');
		for (const v of [...replays, late]) {
			const html = statePage(v.state as Exclude<LinkState, 'open' | 'recorded'>, v.record);
			expect(html).not.toMatch(STACK);
		}
		const now = await decisions(env.store);
		expect(now.slots).toEqual(after.slots);
		expect(now.counts.audit).toBe(after.counts.audit);
		const audit = await env.store.db
			.selectFrom('audit')
			.select('action')
			.where('entity_type', '=', 'approval_slot')
			.execute();
		expect(audit.map((r) => r.action)).toEqual(['approve']);
	});

	describe('pages in Chromium', () => {
		let browser: Browser;
		beforeAll(async () => {
			browser = await chromium.launch({
				executablePath: '/usr/bin/chromium',
				args: [
					'--headless',
					'--no-sandbox',
					'--disable-gpu',
					'--disable-background-networking',
					'--disable-component-update',
					'--no-first-run',
				],
			});
		});
		afterAll(() => browser?.close());

		it('renders every page with markup in the subject as text, and no script runs', async () => {
			const record = await loadRecord(env.store.db, b.id);
			const hostileRecord = await loadRecord(env.store.db, a.id);
			const pages: Record<string, string> = {
				confirm: confirmPage({
					record: hostileRecord,
					approverEmail: 'head@college.edu.cn',
					action: `${LINK_BASE}?token=${MARKUP[2]}`,
					token: `"><script>window.__pwned=1</script>`,
					formKey: MARKUP[1],
					timeZone: 'Asia/Shanghai',
				}),
				recorded: recordedPage(hostileRecord, 'approve'),
				error: errorPage(),
				...Object.fromEntries(
					(['used', 'expired', 'withdrawn', 'closed', 'self', 'forged', 'unknown'] as const).map(
						(s) => [s, statePage(s, hostileRecord)],
					),
				),
				plain: confirmPage({
					record,
					approverEmail: 'boss@acme.example.com',
					action: LINK_BASE,
					token: 'x',
					formKey: 'y',
					timeZone: 'Asia/Shanghai',
				}),
			};
			for (const [name, html] of Object.entries(pages)) {
				expect([name, STACK.test(html)]).toEqual([name, false]);
				const page = await browser.newPage();
				const dialogs: string[] = [];
				page.on('dialog', (d) => {
					dialogs.push(d.message());
					void d.dismiss();
				});
				await page.setContent(html, { waitUntil: 'load' });
				const ran = await page.evaluate('window.__pwned');
				const scripts = await page.evaluate(
					"document.querySelectorAll('script, iframe, svg, img').length",
				);
				const text = String(await page.evaluate('document.body.innerText'));
				await page.close();
				expect([name, ran, scripts, dialogs]).toEqual([name, undefined, 0, []]);
				if (name === 'confirm') {
					// the markup is shown as the text it is
					expect(text).toContain('<script>window.__pwned=1</script>');
					expect(text).toContain('<img src=x onerror="window.__pwned=1">');
					expect(text).toContain("'; DROP TABLE approval_slot; --");
				}
			}
		});
	});
});
