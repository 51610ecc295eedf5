import type { INodeProperties } from 'n8n-workflow';

/** The token of a return mail's amend link: Check Amend Token and Resubmit both read it. */
export const amendTokenProperty: INodeProperties = {
	displayName: '修改令牌 Amend Token',
	name: 'amendToken',
	type: 'string',
	typeOptions: { password: true },
	required: true,
	default: '',
	description:
		'退回邮件中修改链接的 amend 参数 The "amend" query parameter of the amend link in the return mail',
};
