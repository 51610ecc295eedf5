import { closeAllStores } from '../../core/store';
import '../../core/approval';
import { freshStoreConfig } from '../helpers/dialects';
import { startSmtp } from '../helpers/smtp';
import {
	approvalWorkflow,
	clickDecision,
	queryOf,
	requestParameters,
	sendEmailChannel,
	stage,
} from './approval-helpers';
import { Engine, storeCredentials } from './harness';

describe('Approval with n8n Send Email and a real SMTP server', () => {
	let smtp: Awaited<ReturnType<typeof startSmtp>>;
	beforeAll(async () => {
		smtp = await startSmtp();
	});
	afterAll(async () => {
		await smtp.close();
		await closeAllStores();
	});

	it('mails the approver, waits although Send Email outputs its own data, and resumes from the mailed link', async () => {
		const config = await freshStoreConfig('sqlite');
		const engine = new Engine({
			credentials: { ...storeCredentials(config), smtp: smtp.credential as never },
		});
		const execution = await engine.run(
			approvalWorkflow(
				requestParameters([stage('张主任 <head@college.edu.cn>')]),
				sendEmailChannel,
			),
		);
		expect(execution.error()).toBeUndefined();
		expect(execution.status).toBe('waiting');
		expect(smtp.mails).toHaveLength(2);
		const mail = smtp.mails.find((m) => m.to.includes('head@college.edu.cn'))!;
		expect(mail.subject).toMatch(/^\[KC-\d{4}-0001\] 请审批 Approval requested/);
		expect(mail.text).toContain('打开不会自动审批');
		expect(mail.html).toContain('<table role="presentation"');
		const link = /https?:\/\/\S+token=[A-Za-z0-9_-]{43}/.exec(mail.text)![0];
		expect(queryOf(link).token).toHaveLength(43);

		const done = await clickDecision(engine, execution, link, 'approve', '同意');
		expect(done.resumed).toBe(true);
		expect(done.execution.status).toBe('success');
		expect(done.execution.output('On Approved')[0]).toMatchObject({ status: 'approved' });
		const result = smtp.mails.find((m) => /审批结果/.test(m.subject))!;
		expect(result.to).toEqual(['teacher@college.edu.cn']);
		expect(result.cc).toEqual(['office@college.edu.cn']);
	});
});
