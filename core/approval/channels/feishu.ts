import { BUTTON_TEXT, noticeLines, TITLE_PREFIX, type ChannelNotice } from './notice';

/**
 * 飞书/Lark 消息卡片 (msg_type interactive; content structure in “发送消息内容结构”,
 * https://open.feishu.cn/document/server-docs/im-v1/message-content-description/create_json):
 * `header.title`, `elements` of `div` (text or fields) and one `action` whose `button` opens the
 * decision link through its `url`. Only `plain_text` is used, never `lark_md`: user text shows
 * as typed and cannot format or link.
 */
export function feishuCard(notice: ChannelNotice) {
	const lines = noticeLines(notice);
	const field = (label: string, value: string) => ({
		is_short: true,
		text: { tag: 'plain_text', content: `${label}：${value}` },
	});
	return {
		config: { wide_screen_mode: true },
		header: {
			template: 'blue',
			title: { tag: 'plain_text', content: `${TITLE_PREFIX}：${lines.subject}` },
		},
		elements: [
			{
				tag: 'div',
				fields: [
					field('审批人 Approver', lines.to),
					field('编号 No.', lines.requestNumber),
					field('环节 Stage', lines.stage),
					...(lines.due ? [field('截止 Due', lines.due)] : []),
				],
			},
			...(lines.summary
				? [{ tag: 'div', text: { tag: 'plain_text', content: lines.summary } }]
				: []),
			{
				tag: 'action',
				actions: [
					{
						tag: 'button',
						type: 'primary',
						text: { tag: 'plain_text', content: BUTTON_TEXT },
						url: lines.link,
					},
				],
			},
		],
	};
}

/**
 * 飞书 发送消息, POST https://open.feishu.cn/open-apis/im/v1/messages?receive_id_type=open_id|user_id|email|chat_id
 * (https://open.feishu.cn/document/server-docs/im-v1/message/create):
 * receive_id, msg_type 'interactive', content the card as a JSON string.
 */
export function feishuMessage(notice: ChannelNotice, options: { receiveId: string }) {
	if (!options.receiveId) throw new RangeError('Feishu receive_id is required');
	return {
		receive_id: options.receiveId,
		msg_type: 'interactive',
		content: JSON.stringify(feishuCard(notice)),
	};
}

/**
 * 飞书 自定义机器人, POST https://open.feishu.cn/open-apis/bot/v2/hook/…
 * (“自定义机器人使用指南”, https://open.feishu.cn/document/ukTMukTMukTM/ucTM5YjL3ETO24yNxkjN): msg_type 'interactive'
 * with the card as an object under `card`.
 */
export function feishuRobotCard(notice: ChannelNotice) {
	return { msg_type: 'interactive', card: feishuCard(notice) };
}
