import { createHash } from 'node:crypto';
import type { IBinaryKeyData } from 'n8n-workflow';
import { MAX_ATTACHMENT_BYTES, recordLinkEndpoint } from '../../core/approval';
import { closeAllStores, openStore, type Store } from '../../core/store';
import { freshStoreConfig, testDialects } from '../helpers/dialects';
import { shippedWorkflow } from '../helpers/registry-engine';
import { WaitingServer } from '../helpers/waiting-server';
import {
	approvalWorkflow,
	formFields,
	linkOf,
	manageWorkflow,
	requestParameters,
	sent,
	stage,
} from './approval-helpers';
import { Engine, storeCredentials } from './harness';

/**
 * 附件 (issue #19): a request carries the form's files. They are stored with the request in
 * one transaction, listed on the decision and inbox pages, and downloaded at the approver's
 * own link — only with a token that opens a slot of that request.
 */

/** A small PDF with bytes above 0x7f, so any text decoding on the way would show. */
const PDF = Buffer.concat([
	Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n', 'latin1'),
	Buffer.from(Array.from({ length: 12_000 }, (_, i) => (i * 37) % 256)),
	Buffer.from('\n%%EOF\n'),
]);
const BUDGET = Buffer.from('项目,金额\n实训耗材,12000\n', 'utf8');

const file = (content: Buffer, fileName: string, mimeType: string) => ({
	data: content.toString('base64'),
	fileName,
	mimeType,
});

describe.each(testDialects())('Approval attachments (%s)', (dialect) => {
	let engine: Engine;
	let store: Store;
	const waiting = new WaitingServer(() => engine);
	const links = shippedWorkflow('approval-links.json');

	beforeAll(async () => {
		await waiting.start();
		waiting.links = { workflow: links, node: links.nodes[0].name };
	});
	afterAll(async () => {
		await waiting.stop();
		await closeAllStores();
	});
	beforeEach(async () => {
		const config = await freshStoreConfig(dialect);
		engine = new Engine({
			credentials: storeCredentials(config),
			webhookWaitingBaseUrl: waiting.baseUrl,
		});
		store = await openStore(config);
		await recordLinkEndpoint(store, waiting.linkEndpoint);
	});
	afterEach(() => store.close());

	const fetchBytes = async (url: string, init: RequestInit = {}) => {
		const res = await fetch(url, init);
		return {
			status: res.status,
			headers: res.headers,
			bytes: Buffer.from(await res.arrayBuffer()),
		};
	};
	const fileLinks = (html: string) =>
		[...html.matchAll(/<a class="file" href="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
	const counts = async () =>
		Object.fromEntries(
			await Promise.all(
				(['approval_request', 'approval_slot', 'approval_attachment'] as const).map(
					async (table) =>
						[
							table,
							Number(
								(
									await store.db
										.selectFrom(table)
										.select((eb) => eb.fn.countAll().as('n'))
										.executeTakeFirstOrThrow()
								).n,
							),
						] as const,
				),
			),
		);

	async function request(binaries: IBinaryKeyData, attachments: string, title = '课程立项') {
		const workflow = approvalWorkflow(
			requestParameters([stage('head@x.com')], { title, options: { attachments } }),
		);
		return engine.run(workflow, { binaries: [binaries] });
	}

	it('stores the files with the request, lists them, and downloads them only with the token', async () => {
		const execution = waiting.track(
			await request(
				{
					syllabus: file(PDF, '课程大纲 "v2".pdf', 'application/pdf'),
					budget: file(BUDGET, 'budget.csv', 'text/csv'),
				},
				' syllabus , budget ',
			),
		);
		expect(execution.error()).toBeUndefined();
		expect(execution.status).toBe('waiting');

		const rows = await store.db
			.selectFrom('approval_attachment')
			.select(['id', 'file_name', 'mime_type', 'size', 'sha256', 'position'])
			.orderBy('position')
			.execute();
		expect(rows.map((r) => [r.file_name, r.mime_type, Number(r.size), r.sha256])).toEqual([
			[
				'课程大纲 "v2".pdf',
				'application/pdf',
				PDF.length,
				createHash('sha256').update(PDF).digest('hex'),
			],
			['budget.csv', 'text/csv', BUDGET.length, createHash('sha256').update(BUDGET).digest('hex')],
		]);

		// the decision page lists each file with its size and a download at the approver's own link
		const link = linkOf(sent(execution), 'head@x.com');
		expect(link.startsWith(waiting.linkEndpoint)).toBe(true);
		const page = await fetch(link);
		const html = await page.text();
		expect(page.status).toBe(200);
		expect(html).toContain('附件 Attachments');
		expect(html).toContain('课程大纲 &quot;v2&quot;.pdf');
		expect(html).toContain('11.8 KB');
		const downloads = fileLinks(html);
		expect(downloads).toHaveLength(2);
		const token = new URL(link).searchParams.get('token')!;
		expect(downloads[0]).toBe(`${link}&file=${rows[0].id}`);

		const got = await fetchBytes(downloads[0]);
		expect(got.status).toBe(200);
		expect(got.bytes.equals(PDF)).toBe(true);
		expect(got.headers.get('content-type')).toBe('application/pdf');
		expect(got.headers.get('x-content-type-options')).toBe('nosniff');
		expect(got.headers.get('content-disposition')).toBe(
			`attachment; filename="____ _v2_.pdf"; filename*=UTF-8''${encodeURIComponent('课程大纲 "v2".pdf')}`,
		);
		expect((await fetchBytes(downloads[1])).bytes.equals(BUDGET)).toBe(true);
		const head = await fetchBytes(downloads[0], { method: 'HEAD' });
		expect([head.status, head.bytes.length]).toEqual([200, 0]);

		// an altered token, no token, an unknown file: our Chinese page, never the bytes
		const altered = new URL(downloads[0]);
		altered.searchParams.set(
			'token',
			`${token.slice(0, 10)}${token[10] === 'A' ? 'B' : 'A'}${token.slice(11)}`,
		);
		const refused = await fetchBytes(altered.toString());
		expect(refused.status).toBe(403);
		expect(refused.headers.get('content-type')).toContain('text/html');
		expect(refused.bytes.toString()).toContain('无权下载附件');
		expect(refused.bytes.toString()).not.toContain('%PDF');
		const bare = new URL(downloads[0]);
		bare.searchParams.delete('token');
		expect((await fetchBytes(bare.toString())).status).toBe(403);
		const unknown = new URL(downloads[0]);
		unknown.searchParams.set('file', 'att_01JNOSUCHFILE0000000000000');
		const missing = await fetchBytes(unknown.toString());
		expect([missing.status, missing.bytes.toString().includes('附件不存在')]).toEqual([404, true]);

		// another request's token does not reach this request's files
		const other = waiting.track(
			await request({ syllabus: file(BUDGET, 'other.csv', 'text/csv') }, 'syllabus', '另一申请'),
		);
		const otherLink = linkOf(sent(other), 'head@x.com');
		const crossed = await fetchBytes(`${otherLink}&file=${rows[0].id}`);
		expect(crossed.status).toBe(404);
		expect(crossed.bytes.includes(PDF.subarray(0, 8))).toBe(false);

		// downloading decided nothing
		const slots = await store.db.selectFrom('approval_slot').select('status').execute();
		expect(slots.every((s) => s.status === 'pending')).toBe(true);

		// the inbox lists the files beside each request
		const run = await engine.run(manageWorkflow('inboxLink', { email: 'head@x.com' }));
		const inbox = await (await fetch(String(run.output('Manage')[0].link))).text();
		expect(fileLinks(inbox)).toEqual([
			...downloads,
			`${otherLink}&file=${(await store.db.selectFrom('approval_attachment').select('id').where('file_name', '=', 'other.csv').executeTakeFirstOrThrow()).id}`,
		]);

		// after the decision the link still downloads: the token opens its slot in any state
		const form = formFields(html);
		const decided = await fetch(link, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ ...form, decision: 'approve' }).toString(),
		});
		expect(decided.status).toBe(200);
		const after = await fetchBytes(downloads[0]);
		expect([after.status, after.bytes.equals(PDF)]).toEqual([200, true]);
	});

	it("at the waiting execution's own link the download is scoped to that execution", async () => {
		await store.db.deleteFrom('setting').where('key', '=', 'approval_link_endpoint').execute();
		const execution = waiting.track(
			await request({ syllabus: file(PDF, 'syllabus.pdf', 'application/pdf') }, 'syllabus'),
		);
		const link = linkOf(sent(execution), 'head@x.com');
		expect(link).toContain('/webhook-waiting/');
		const downloads = fileLinks(await (await fetch(link)).text());
		expect(downloads).toHaveLength(1);
		const got = await fetchBytes(downloads[0]);
		expect([got.status, got.bytes.equals(PDF)]).toEqual([200, true]);
		expect(waiting.latest(execution).status).toBe('waiting');
		const altered = new URL(downloads[0]);
		altered.searchParams.set('token', 'A'.repeat(43));
		const refused = await fetchBytes(altered.toString());
		expect([refused.status, refused.bytes.toString().includes('无权下载附件')]).toEqual([
			403,
			true,
		]);
	});

	it('refuses a file over the limit, or one the item lacks, by its field; writes nothing; honours Continue On Fail', async () => {
		const before = await counts();
		const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 0x25);
		const binaries = {
			budget: file(BUDGET, 'budget.csv', 'text/csv'),
			syllabus: file(big, 'huge.pdf', 'application/pdf'),
		};
		const workflow = approvalWorkflow(
			requestParameters([stage('head@x.com')], { options: { attachments: 'budget,syllabus' } }),
		);
		const failed = await engine.run(workflow, { binaries: [binaries] });
		expect(failed.error()).toMatch(
			/第 1 项.*附件 syllabus 过大：20971521 字节.*20\.0 MB.*字段 Field: syllabus/,
		);
		expect(await counts()).toEqual(before);

		const lacking = approvalWorkflow(
			requestParameters([stage('head@x.com')], { options: { attachments: 'budget, contract' } }),
		);
		const missing = await engine.run(lacking, { binaries: [binaries] });
		expect(missing.error()).toMatch(/第 1 项.*附件字段 contract 不存在.*budget, syllabus/);
		expect(await counts()).toEqual(before);

		(workflow.nodes[1] as any).onError = 'continueRegularOutput';
		const continued = await engine.run(workflow, { binaries: [binaries] });
		expect(continued.error()).toBeUndefined();
		const [item] = continued.output('Approval');
		expect(item.error).toMatch(/附件 syllabus 过大/);
		expect(item.description).toBe('字段 Field: syllabus');
		expect(continued.output('Send')).toEqual([]);
		expect(await counts()).toEqual(before);
	});
});
