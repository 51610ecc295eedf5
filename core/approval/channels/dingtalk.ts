import { markdownBody } from './markdown-body';
import { BUTTON_TEXT, noticeLines, TITLE_PREFIX, type ChannelNotice } from './notice';
import { plainLine } from './text';

/**
 * 钉钉 工作通知, POST https://oapi.dingtalk.com/topapi/message/corpconversation/asyncsend_v2?access_token=…
 * (https://open.dingtalk.com/document/orgapp/asynchronous-sending-of-enterprise-session-messages;
 * also https://developer.alibaba.com/docs/api.htm?apiId=37692): agent_id (number), userid_list
 * (userids joined by commas, at most 5000), msg. 消息类型 action_card
 * (https://open.dingtalk.com/document/orgapp/message-types-and-data-format): title, markdown,
 * single_title, single_url for one whole-card button.
 */
export interface DingTalkWorkOptions {
	agentId: number;
	userIds: string[];
}

export function dingtalkWorkNotice(notice: ChannelNotice, options: DingTalkWorkOptions) {
	const lines = noticeLines(notice);
	if (!Number.isInteger(options.agentId))
		throw new RangeError('DingTalk agent_id must be a whole number');
	if (options.userIds.length === 0 || options.userIds.length > 5000)
		throw new RangeError('DingTalk userid_list: 1 to 5000 userids');
	return {
		agent_id: options.agentId,
		userid_list: options.userIds.join(','),
		msg: {
			msgtype: 'action_card',
			action_card: {
				title: plainLine(`${TITLE_PREFIX}：${lines.subject}`, 100),
				markdown: markdownBody(lines, false),
				single_title: BUTTON_TEXT,
				single_url: lines.link,
			},
		},
	};
}

/**
 * 钉钉 自定义机器人, POST https://oapi.dingtalk.com/robot/send?access_token=…
 * (https://open.dingtalk.com/document/orgapp/custom-robot-access and
 * https://open.dingtalk.com/document/development/robot-message-type): msgtype actionCard with
 * actionCard.title, text (markdown), singleTitle, singleURL; or msgtype markdown with
 * markdown.title (shown in the chat list only) and markdown.text.
 */
export function dingtalkRobotActionCard(notice: ChannelNotice) {
	const lines = noticeLines(notice);
	return {
		msgtype: 'actionCard',
		actionCard: {
			title: plainLine(`${TITLE_PREFIX}：${lines.subject}`, 100),
			text: markdownBody(lines, false),
			singleTitle: BUTTON_TEXT,
			singleURL: lines.link,
		},
	};
}

export function dingtalkRobotMarkdown(notice: ChannelNotice) {
	const lines = noticeLines(notice);
	return {
		msgtype: 'markdown',
		markdown: {
			title: plainLine(`${TITLE_PREFIX}：${lines.subject}`, 100),
			text: markdownBody(lines, true),
		},
	};
}
