import { channelPayloads, type ChannelNotice } from '../../../../core/approval/channels';
import { startChannelServer, type ChannelServer } from '../../../helpers/channel-server';

describe('channel payloads reach a local server that checks each API shape', () => {
	let server: ChannelServer;

	beforeAll(async () => {
		server = await startChannelServer();
	});
	afterAll(() => server.close());

	const post = async (path: string, payload: unknown) => {
		const res = await fetch(`${server.base}${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(payload),
		});
		return { status: res.status, body: (await res.json()) as any };
	};

	const link =
		'https://consortium.example.edu.cn/webhook-waiting/4711/3f2a?signature=eyJhbGciOi.J9_x-Y&token=a%2Bb';
	const notice: ChannelNotice = {
		to: '李主任',
		subject: '《智能制造实训》课程立项 [x](http://evil.example) **急**',
		summary: '校企合作课程，企业导师 2 名，预算 3.2 万元。',
		link,
		requestNumber: 'KC-2026-0042',
		stage: '教务处审核',
		dueAt: '2026-10-09T02:15:00.000Z',
	};
	const p = channelPayloads(notice, {
		wecom: { agentId: 1000002, userIds: ['LiZhuRen'] },
		dingtalk: { agentId: 2468, userIds: ['manager4220', 'manager7675'] },
		feishu: { receiveId: 'ou_7d8a6e6df7621556ce0d21922b676706ccs' },
	});

	it.each([
		[
			'WeCom 应用消息 textcard',
			'/cgi-bin/message/send?access_token=T',
			() => p.wecomApp,
			'errcode',
		],
		['WeCom 群机器人 markdown', '/cgi-bin/webhook/send?key=K', () => p.wecomRobot, 'errcode'],
		[
			'DingTalk 工作通知 action_card',
			'/topapi/message/corpconversation/asyncsend_v2?access_token=T',
			() => p.dingtalkWork,
			'errcode',
		],
		[
			'DingTalk 群机器人 actionCard',
			'/robot/send?access_token=T',
			() => p.dingtalkRobot,
			'errcode',
		],
		[
			'DingTalk 群机器人 markdown',
			'/robot/send?access_token=T',
			() => p.dingtalkRobotMarkdown,
			'errcode',
		],
		[
			'Feishu im/v1/messages interactive',
			'/open-apis/im/v1/messages?receive_id_type=open_id',
			() => p.feishuMessage,
			'code',
		],
		['Feishu 自定义机器人 card', '/open-apis/bot/v2/hook/0f1e2d', () => p.feishuRobot, 'code'],
	])('%s is accepted and carries the decision link intact', async (_, path, payload, codeField) => {
		const before = server.received.length;
		const res = await post(path, payload());
		expect(res).toEqual({ status: 200, body: expect.objectContaining({ [codeField]: 0 }) });
		expect(server.received.slice(before)).toEqual([{ path: expect.any(String), link }]);
	});

	it('the server refuses a payload missing a required field, so acceptance means something', async () => {
		const { single_url: _, ...withoutUrl } = p.dingtalkWork!.msg.action_card;
		const res = await post('/topapi/message/corpconversation/asyncsend_v2?access_token=T', {
			...p.dingtalkWork,
			msg: { msgtype: 'action_card', action_card: withoutUrl },
		});
		expect(res).toEqual({ status: 400, body: { errors: ['action_card.single_title/single_url'] } });
		const noContentString = await post('/open-apis/im/v1/messages?receive_id_type=open_id', {
			...p.feishuMessage,
			content: JSON.parse(p.feishuMessage!.content),
		});
		expect(noContentString.status).toBe(400);
		expect(noContentString.body.errors).toContain('content must be a JSON string');
	});
});
