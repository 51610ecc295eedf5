import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { channelPayloads } from '../../core/approval/channels';
import { startChannelServer, type ChannelServer } from '../helpers/channel-server';
import { Engine } from './harness';

const workflow = JSON.parse(
	readFileSync(join(__dirname, '../../workflows/approval-channels-example.json'), 'utf8'),
);
const SAMPLE = '示例通知 Sample Notify Item';
const SENDERS = workflow.nodes
	.filter((n: any) => n.type === 'n8n-nodes-base.httpRequest')
	.map((n: any) => n.name as string);

describe('approval channel example workflow in the n8n engine', () => {
	let server: ChannelServer;

	beforeAll(async () => {
		server = await startChannelServer();
	});
	afterAll(() => server.close());

	it('is harmless when imported: inactive, started by hand only', () => {
		expect(workflow.active).toBe(false);
		expect(
			workflow.nodes.filter((n: any) => /trigger|webhook/i.test(n.type)).map((n: any) => n.type),
		).toEqual(['n8n-nodes-base.manualTrigger']);
	});

	it('its sample item holds what the builders make today', () => {
		const sample = JSON.parse(
			workflow.nodes.find((n: any) => n.name === SAMPLE).parameters.jsonOutput,
		);
		expect(sample.channels).toEqual(
			channelPayloads(sample.notice, {
				wecom: { agentId: 1000002, userIds: ['LiZhuRen'] },
				dingtalk: { agentId: 2468, userIds: ['manager4220'] },
				feishu: { receiveId: 'ou_sample_open_id' },
			}),
		);
	});

	it("sends every payload with n8n's HTTP Request node, each accepted with the link intact", async () => {
		const engine = new Engine();
		const base = server.base;
		const tokens = {
			wecom: 'T1',
			wecomRobotKey: 'K2',
			dingtalk: 'T3',
			dingtalkRobot: 'T4',
			feishu: 't-5',
			feishuRobotHook: 'h6',
		};
		const run = await engine.run(workflow, {
			startNode: '手动运行 Run by Hand',
			items: [{ apiBase: { wecom: base, dingtalk: base, feishu: base }, tokens }],
		});
		expect(run.error()).toBeUndefined();
		expect(SENDERS).toHaveLength(6);
		for (const name of SENDERS) expect(run.output(name)).toEqual([expect.objectContaining({})]);
		expect(run.output('企业微信应用消息 WeCom App Message')[0]).toMatchObject({ errcode: 0 });
		expect(run.output('飞书应用消息 Feishu App Message')[0]).toMatchObject({ code: 0 });
		const link = JSON.parse(
			workflow.nodes.find((n: any) => n.name === SAMPLE).parameters.jsonOutput,
		).notice.link;
		expect(server.received.map((r) => r.path).sort()).toEqual(
			[
				'/cgi-bin/message/send',
				'/cgi-bin/webhook/send',
				'/topapi/message/corpconversation/asyncsend_v2',
				'/robot/send',
				'/open-apis/im/v1/messages',
				'/open-apis/bot/v2/hook/',
			].sort(),
		);
		expect(server.received.every((r) => r.link === link)).toBe(true);
	});
});
