import type { ConsortiumSettings, Db, Tx } from '../../store';
import type { ChannelTargets } from './payloads';

/**
 * Where each approver's app message goes, from the directory: the person with that email (the
 * directory keeps emails lower-cased, so its unique index serves) and their 企业微信 UserID,
 * 钉钉 userid or 飞书 open_id. WeCom and DingTalk also need the consortium's app (its AgentId,
 * from the credential); Feishu's app is the one whose tenant token sends. An approver not in
 * the directory, or without an id, gets robot payloads only.
 */
export async function chatTargets(
	db: Db | Tx,
	settings: Pick<ConsortiumSettings, 'chatApps'>,
	emails: string[],
): Promise<Map<string, ChannelTargets>> {
	const wanted = [...new Set(emails.map((e) => e.toLowerCase()))];
	const targets = new Map<string, ChannelTargets>();
	if (!wanted.length) return targets;
	const people = await db
		.selectFrom('person')
		.select(['email', 'wecom_user_id', 'dingtalk_user_id', 'feishu_open_id'])
		.where('email', 'in', wanted)
		.execute();
	const { wecomAgentId, dingtalkAgentId } = settings.chatApps ?? {};
	for (const p of people) {
		const target: ChannelTargets = {};
		if (wecomAgentId && p.wecom_user_id)
			target.wecom = { agentId: wecomAgentId, userIds: [p.wecom_user_id] };
		if (dingtalkAgentId && p.dingtalk_user_id)
			target.dingtalk = { agentId: dingtalkAgentId, userIds: [p.dingtalk_user_id] };
		if (p.feishu_open_id) target.feishu = { receiveId: p.feishu_open_id };
		targets.set(p.email!.toLowerCase(), target);
	}
	return targets;
}
