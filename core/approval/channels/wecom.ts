import { markdownBody } from './markdown-body';
import { BUTTON_TEXT, noticeLines, TITLE_PREFIX, type ChannelNotice } from './notice';
import { inertTags, truncateBytes } from './text';

/**
 * 企业微信 发送应用消息, POST https://qyapi.weixin.qq.com/cgi-bin/message/send?access_token=…
 * (企业微信开发者中心 “发送应用消息”, https://developer.work.weixin.qq.com/document/path/90236), 文本卡片消息 textcard: touser
 * (UserIDs joined by |), msgtype, agentid, textcard.title ≤ 128 bytes, textcard.description
 * ≤ 512 bytes (takes `<div class="gray|normal|highlight">` and `<br>`), textcard.url ≤ 2048
 * bytes, btntxt ≤ 4 characters.
 */
export interface WeComAppOptions {
	agentId: number;
	/** WeCom UserIDs of the approver (or deputy). */
	toUser: string[];
}

export function wecomAppMessage(notice: ChannelNotice, options: WeComAppOptions) {
	const lines = noticeLines(notice);
	if (Buffer.byteLength(lines.link, 'utf8') > 2048)
		throw new RangeError('link is longer than WeCom textcard.url allows (2048 bytes)');
	if (!Number.isInteger(options.agentId))
		throw new RangeError('WeCom agentid must be a whole number');
	if (options.toUser.length === 0) throw new RangeError('WeCom touser: at least one UserID');
	const due = lines.due ? `<div class="highlight">截止 ${lines.due}</div>` : '';
	const head = `<div class="gray">${inertTags(truncateBytes(lines.requestNumber, 100))} · ${inertTags(truncateBytes(lines.stage, 150))}</div>${due}`;
	// The head carries the number and due time; the summary takes what room is left.
	const [open, close] = ['<div class="normal">', '</div>'];
	const room = 512 - Buffer.byteLength(head + open + close, 'utf8');
	const summary =
		lines.summary && room > 8
			? `${open}${truncateBytes(inertTags(lines.summary), room)}${close}`
			: '';
	return {
		touser: options.toUser.join('|'),
		msgtype: 'textcard',
		agentid: options.agentId,
		textcard: {
			title: truncateBytes(`${TITLE_PREFIX}：${lines.subject}`, 128),
			description: `${head}${summary}`,
			url: lines.link,
			btntxt: BUTTON_TEXT,
		},
	};
}

/**
 * 企业微信 群机器人, POST https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…
 * (“群机器人配置说明”, https://developer.work.weixin.qq.com/document/path/91770): msgtype markdown,
 * markdown.content ≤ 4096 bytes UTF-8.
 */
export function wecomRobotMarkdown(notice: ChannelNotice) {
	const lines = noticeLines(notice);
	const full = markdownBody(lines, true);
	if (Buffer.byteLength(full, 'utf8') <= 4096)
		return { msgtype: 'markdown', markdown: { content: full } };
	// Too long: the summary goes, never the link.
	return {
		msgtype: 'markdown',
		markdown: { content: markdownBody({ ...lines, summary: '' }, true) },
	};
}
