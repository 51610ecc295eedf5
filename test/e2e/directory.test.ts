// Smoke test of the installed community package in a real n8n server: a production webhook
// runs the Consortium node against the embedded store.
import { join } from 'node:path';
import { startPlatform, type Platform } from './platform';

describe('Consortium node in a real n8n server', () => {
	let platform: Platform;
	beforeAll(async () => {
		platform = await startPlatform([join(__dirname, 'fixtures', 'directory-webhook.workflow.json')]);
	});
	afterAll(() => platform?.stop());

	it('loads the package under n8n-nodes-consortium.* and runs it from an active webhook', async () => {
		const [wf] = platform.setup.workflows;
		expect(wf.active).toBe(true);

		const res = await fetch(`${platform.url}webhook/e2e-directory`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ org: '星河智能制造有限公司', code: '91350100M000100Y43' }),
		});
		expect(res.status).toBe(200);
		const body = await res.json();
		expect(body).toEqual([expect.objectContaining({ name: '星河智能制造有限公司', kind: 'enterprise', creditCode: '91350100M000100Y43', roles: ['理事单位', '成员单位'] })]);

		const bad = await fetch(`${platform.url}webhook/e2e-directory`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ org: '坏公司', code: '91350100M000100Y40' }),
		});
		expect(bad.status).toBe(500);
		const executions = await platform.rest.get(`rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: wf.id }))}`);
		const statuses = executions.results.map((e: { status: string }) => e.status).sort();
		expect(statuses).toEqual(['error', 'success']);
	});
});
