import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { closeAllStores, openStore } from '../../core/store';
import '../../core/approval';
import { people } from '../../core/directory';
import { startChannelServer, type ChannelServer } from '../helpers/channel-server';
import { freshStoreConfig, testDialects } from '../helpers/dialects';
import { WaitingServer } from '../helpers/waiting-server';
import { approvalWorkflow, linkOf, requestParameters, sent, stage } from './approval-helpers';
import { Engine, storeCredentials } from './harness';

/**
 * The Approval node's own Notify items carry WeCom, DingTalk and Feishu payloads: sent with the
 * shipped example's HTTP Request nodes, each reaches a local stand-in that checks the fields its
 * platform requires, with the approver's decision link intact.
 */
const example = JSON.parse(
	readFileSync(join(__dirname, '../../workflows/approval-channels-example.json'), 'utf8'),
);
const ROBOTS = {
	'企业微信群机器人 WeCom Group Robot': '/cgi-bin/webhook/send',
	'钉钉群机器人 DingTalk Group Robot': '/robot/send',
	'飞书群机器人 Feishu Group Robot': '/open-apis/bot/v2/hook/',
};

describe.each(testDialects())('channel payloads on Notify items (%s)', (dialect) => {
	let server: ChannelServer;
	let engine: Engine;
	const waiting = new WaitingServer(() => engine);

	beforeAll(async () => {
		server = await startChannelServer();
		await waiting.start();
	});
	afterAll(async () => {
		server.close();
		await waiting.stop();
		await closeAllStores();
	});

	/** Sends a notice with the example's HTTP Request nodes; each reaches its path, link intact. */
	async function sendThrough(
		senders: Record<string, string>,
		notice: object,
		link: string,
		tokens: Record<string, string>,
	) {
		const base = server.base;
		for (const [sender, path] of Object.entries(senders)) {
			const run = await engine.run(example, {
				startNode: sender,
				items: [{ ...notice, apiBase: { wecom: base, dingtalk: base, feishu: base }, tokens }],
			});
			expect(run.error()).toBeUndefined();
			expect(server.received.at(-1)).toMatchObject({ path, link });
		}
	}

	it('each robot payload of a real Notify item is accepted, link intact', async () => {
		const config = await freshStoreConfig(dialect);
		engine = new Engine({
			credentials: storeCredentials(config),
			webhookWaitingBaseUrl: waiting.baseUrl,
		});
		const execution = await engine.run(
			approvalWorkflow(
				requestParameters([stage('head@x.com'), stage('dean@x.com')], {
					title: '《智能产线运维》<b>课程</b>立项',
				}),
			),
		);
		expect(execution.error()).toBeUndefined();
		waiting.track(execution);
		const [notice] = sent(execution);
		const link = linkOf(sent(execution), 'head@x.com');
		expect(notice.channels).toEqual(
			expect.objectContaining({ wecomApp: null, dingtalkWork: null, feishuMessage: null }),
		);
		await sendThrough(ROBOTS, notice, link, {
			wecomRobotKey: 'K',
			dingtalkRobot: 'T',
			feishuRobotHook: 'h',
		});
		// In the fields a platform renders as markdown, the title's markup arrives as text.
		const [wecom, dingtalk] = server.bodies.slice(-3) as any[];
		for (const markdown of [wecom.markdown.content, dingtalk.actionCard.text]) {
			expect(markdown).toContain('＜b＞课程＜/b＞');
			expect(markdown).not.toContain('<b>');
		}
	});

	it("app messages go to the directory's ids for the approver, through the example's senders", async () => {
		const config = await freshStoreConfig(dialect);
		const store = await openStore(config);
		await people.create(
			store,
			{
				name: '李主任',
				kind: 'staff',
				email: 'Head@X.com',
				wecomUserId: 'li.zhuren',
				dingtalkUserId: '0342195816761234',
				feishuOpenId: 'ou_7d8a6e6df7621556ce0d21922b676706',
			},
			{ actor: 'test' },
		);
		await expect(
			people.create(
				store,
				{ name: '错号', kind: 'staff', email: 'typo@x.com', feishuOpenId: 'oc_123' },
				{ actor: 'test' },
			),
		).rejects.toMatchObject({ field: 'feishuOpenId' });
		await store.close();
		engine = new Engine({
			credentials: storeCredentials(config, { wecomAgentId: 1000002, dingtalkAgentId: 2871 }),
			webhookWaitingBaseUrl: waiting.baseUrl,
		});
		const execution = await engine.run(
			approvalWorkflow(requestParameters([stage('head@x.com, dean@x.com')], { title: '课程立项' })),
		);
		expect(execution.error()).toBeUndefined();
		waiting.track(execution);
		const notices = sent(execution);
		const head = notices.find((n) => n.approver === 'head@x.com')!;
		const dean = notices.find((n) => n.approver === 'dean@x.com')!;
		const link = linkOf(notices, 'head@x.com');
		expect(head.channels).toMatchObject({
			wecomApp: { touser: 'li.zhuren', agentid: 1000002 },
			dingtalkWork: { agent_id: 2871, userid_list: '0342195816761234' },
			feishuMessage: { receive_id: 'ou_7d8a6e6df7621556ce0d21922b676706' },
		});
		// not in the directory: robots only
		expect(dean.channels).toEqual(
			expect.objectContaining({ wecomApp: null, dingtalkWork: null, feishuMessage: null }),
		);
		const apps = {
			'企业微信应用消息 WeCom App Message': '/cgi-bin/message/send',
			'钉钉工作通知 DingTalk Work Notice': '/topapi/message/corpconversation/asyncsend_v2',
			'飞书应用消息 Feishu App Message': '/open-apis/im/v1/messages',
		};
		await sendThrough(apps, head, link, { wecom: 'W', dingtalk: 'D', feishu: 'F' });
	});
});
