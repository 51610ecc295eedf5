import type { Migration } from './migration';

/**
 * Each person's account on the messaging platforms Chinese institutions use, so an approver's
 * notice can go to them as an app message: 企业微信 UserID, 钉钉 userid, 飞书 open_id.
 */
export const personChatIds: Migration = {
	name: '0010_person_chat_ids',
	async up(db) {
		for (const column of ['wecom_user_id', 'dingtalk_user_id', 'feishu_open_id'])
			await db.schema.alterTable('person').addColumn(column, 'text').execute();
	},
};
