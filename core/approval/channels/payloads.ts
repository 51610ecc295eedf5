import { dingtalkRobotActionCard, dingtalkRobotMarkdown, dingtalkWorkNotice } from './dingtalk';
import { feishuMessage, feishuRobotCard } from './feishu';
import type { ChannelNotice } from './notice';
import { wecomAppMessage, wecomRobotMarkdown } from './wecom';

/** Who receives on each platform; a platform left out gets only its group-robot payloads. */
export interface ChannelTargets {
	wecom?: { agentId: number; userIds: string[] };
	dingtalk?: { agentId: number; userIds: string[] };
	feishu?: { receiveId: string };
}

/** Every payload for one notice, as a Notify item would carry them (`channels`). */
export function channelPayloads(notice: ChannelNotice, targets: ChannelTargets = {}) {
	return {
		wecomApp: targets.wecom
			? wecomAppMessage(notice, { agentId: targets.wecom.agentId, toUser: targets.wecom.userIds })
			: null,
		wecomRobot: wecomRobotMarkdown(notice),
		dingtalkWork: targets.dingtalk ? dingtalkWorkNotice(notice, targets.dingtalk) : null,
		dingtalkRobot: dingtalkRobotActionCard(notice),
		dingtalkRobotMarkdown: dingtalkRobotMarkdown(notice),
		feishuMessage: targets.feishu ? feishuMessage(notice, targets.feishu) : null,
		feishuRobot: feishuRobotCard(notice),
	};
}
