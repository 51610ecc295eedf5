import {
	confirmPage,
	formKey,
	hashToken,
	linkFor,
	plausibleToken,
	statePage,
	type RequestRecord,
} from '../../../core/approval';
import { approverEmail, resultEmail } from '../../../core/approval/email/templates';
import { deriveToken } from '../../../core/approval/tokens';
import { escapeHtml } from '../../../core/util/html';

const evil = `<script>alert("x")</script>&'`;
const record: RequestRecord = {
	requestId: 'apr_1',
	requestNumber: 'KC-2026-0007',
	status: 'pending',
	statusLabel: '审批中 Pending',
	reason: null,
	reasonLabel: null,
	reasonNote: null,
	subject: {
		type: 'course',
		id: null,
		title: `课程 ${evil}`,
		fields: [{ label: `标签${evil}`, value: evil }],
	},
	submitter: { email: 'teacher@x.com', name: `陈${evil}` },
	cc: [],
	currentStage: 0,
	stages: [
		{
			index: 0,
			name: `系部${evil}`,
			mode: 'all',
			quorum: null,
			status: 'active',
			statusLabel: '进行中 In progress',
			dueAt: '2026-12-01T02:00:00.000Z',
			startedAt: null,
			finishedAt: null,
			timeoutAction: 'none',
			escalated: false,
			approvers: [
				{
					slotId: 's1',
					email: 'a@x.com',
					name: `甲${evil}`,
					status: 'approved',
					statusLabel: '同意 Approved',
					decidedAt: '2026-11-28T01:00:00.000Z',
					comment: evil,
					ip: null,
					userAgent: null,
					reassignedFrom: null,
					delegatedFrom: null,
					added: false,
				},
				{
					slotId: 's2',
					email: 'b@x.com',
					name: null,
					status: 'pending',
					statusLabel: '待审批 Pending',
					decidedAt: null,
					comment: null,
					ip: null,
					userAgent: null,
					reassignedFrom: null,
					delegatedFrom: null,
					added: false,
				},
			],
		},
	],
	createdAt: '2026-11-28T00:00:00.000Z',
	decidedAt: null,
	dueAt: null,
	executionId: '1',
};

describe('pages and emails escape every user string', () => {
	it('escapes HTML metacharacters', () => {
		expect(escapeHtml(`<a href="x">'&\``)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#96;');
	});

	it('the confirmation page holds no raw user markup and shows the due time in the consortium zone', () => {
		const html = confirmPage({
			record,
			approverEmail: 'b@x.com',
			action: 'http://n8n/w/1/n?token=t"x',
			token: 't',
			formKey: 'k',
			timeZone: 'Asia/Shanghai',
		});
		expect(html).not.toContain('<script>alert');
		expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
		expect(html).toContain('action="http://n8n/w/1/n?token=t&quot;x"');
		expect(html).toContain('2026-12-01 10:00');
		expect(html).toContain('KC-2026-0007');
		expect(html).toContain('name="viewport"');
	});

	it('state pages are distinct and bilingual', () => {
		const pages = (['used', 'expired', 'withdrawn', 'closed', 'unknown'] as const).map((s) =>
			statePage(s, record),
		);
		expect(new Set(pages).size).toBe(5);
		for (const p of pages) expect(p).toMatch(/[\u4e00-\u9fff].*[A-Za-z]/s);
	});

	it('emails: HTML in tables with inline styles, a text part, the number in the subject', () => {
		const mail = approverEmail(record, 'http://n8n/w/1/n?token=abc', 'Asia/Shanghai', false);
		expect(mail.subject).toMatch(/^\[KC-2026-0007\] 请审批/);
		expect(mail.html).toContain('<table role="presentation"');
		expect(mail.html).not.toContain('<style');
		expect(mail.html).not.toContain('<script>alert');
		expect(mail.text).toContain('http://n8n/w/1/n?token=abc');
		expect(mail.text).toContain('打开不会自动审批');
		const result = resultEmail({ ...record, status: 'approved' });
		expect(result.subject).toContain('已通过');
		expect(result.html).not.toContain('<script>alert');
		expect(result.subject).not.toContain('补发');
		const resent = resultEmail({ ...record, status: 'approved' }, true);
		expect(resent.subject).toMatch(/^\[KC-2026-0007\] 审批结果（补发 Resent）：已通过/);
		expect(resent.text).toContain('如已收到同一结果');
		expect(resent.html).toContain('如已收到同一结果');
	});
});

describe('tokens', () => {
	it('are 256-bit, derived from secret and salt, and only their hash is comparable', () => {
		const a = deriveToken('secret', 'aps_1', 'salt-a');
		expect(plausibleToken(a)).toBe(true);
		expect(a).not.toBe(deriveToken('secret', 'aps_1', 'salt-b'));
		expect(a).not.toBe(deriveToken('other', 'aps_1', 'salt-a'));
		expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
		expect(formKey('secret', a)).not.toBe(
			formKey('secret', deriveToken('secret', 'aps_2', 'salt-a')),
		);
		expect(plausibleToken('<script>')).toBe(false);
	});
	it('links keep the resume URL and its own query', () => {
		expect(linkFor('https://n8n.edu.cn/webhook-waiting/9/node?signature=abc', 'TOK')).toBe(
			'https://n8n.edu.cn/webhook-waiting/9/node?signature=abc&token=TOK',
		);
	});
});
