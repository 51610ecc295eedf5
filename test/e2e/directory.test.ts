// Smoke test of the installed community package in a real n8n server: a production webhook
// runs the Consortium node against the store, embedded SQLite and PostgreSQL.
// A real n8n starts in about a minute on an idle 2-core machine, several on a busy one.
jest.setTimeout(900000);

import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { testDialects } from '../helpers/dialects';
import { executionsOf } from './approvalFlow';
import { startPlatform, type Platform } from './platform';

/** A store URL for `npm start`'s CONSORTIUM_STORE: a new PostgreSQL database, or the default SQLite. */
function storeFor(dialect: 'sqlite' | 'postgres'): string | undefined {
	if (dialect === 'sqlite') return undefined;
	const url = new URL(process.env.CONSORTIUM_PG_URL!);
	url.pathname = `/e2e_${randomBytes(5).toString('hex')}`;
	return url.toString();
}

describe.each(testDialects())('Consortium node in a real n8n server (%s store)', (dialect) => {
	let platform: Platform;
	beforeAll(async () => {
		platform = await startPlatform(
			[join(__dirname, 'fixtures', 'directory-webhook.workflow.json')],
			{ store: storeFor(dialect) },
		);
	});
	afterAll(() => platform?.stop());

	it('loads the package under n8n-nodes-consortium.* and runs it from an active webhook', async () => {
		// the platform also serves the approval-links endpoint; this test's workflow is the fixture
		const wf = platform.setup.workflows.find((w) => w.id === 'e2eDirectorySmoke1')!;
		expect(wf.active).toBe(true);

		const res = await fetch(`${platform.url}webhook/e2e-directory`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ org: '星河智能制造有限公司', code: '91350100M000100Y43' }),
		});
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual([
			expect.objectContaining({
				name: '星河智能制造有限公司',
				kind: 'enterprise',
				creditCode: '91350100M000100Y43',
				roles: ['理事单位', '成员单位'],
			}),
		]);

		// a bad credit code fails the execution and stores nothing
		const bad = await fetch(`${platform.url}webhook/e2e-directory`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ org: '坏公司', code: '91350100M000100Y40' }),
		});
		expect(bad.status).toBe(500);
		const again = await fetch(`${platform.url}webhook/e2e-directory`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ org: '第二家公司' }),
		});
		expect((await again.json()).map((o: { name: string }) => o.name).sort()).toEqual(
			['星河智能制造有限公司', '第二家公司'].sort(),
		);
		// n8n answers the webhook before it has written the execution, so the list is polled
		let statuses: string[] = [];
		for (let i = 0; i < 300 && statuses.length < 3; i++) {
			if (i) await new Promise((r) => setTimeout(r, 100));
			statuses = (await executionsOf(platform, wf.id)).map((e) => e.status).sort();
		}
		expect(statuses).toEqual(['error', 'success', 'success']);
	});
});
