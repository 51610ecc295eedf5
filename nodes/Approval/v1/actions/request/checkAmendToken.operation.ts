import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { checkAmendToken, loadRecord } from '../../../../../core/approval';
import { updateOperationDisplayOptions } from '../../../../shared/descriptions/common';
import { forEachItem } from '../../../../shared/run';
import { recordJson } from '../items';
import { approvalEnv } from './common';

/**
 * 校验修改令牌: for the amend form's workflow, before it changes anything or shows success:
 * the returned request the token corrects. A bad or used token fails the item naming the
 * `amendToken` field (Continue On Fail puts the error on the item instead).
 */
const properties: INodeProperties[] = [
	{
		displayName: '修改令牌 Amend Token',
		name: 'amendToken',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		description:
			'退回邮件中修改链接的 amend 参数 The "amend" query parameter of the amend link in the return mail',
	},
];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['request'], operation: ['checkAmendToken'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const env = await approvalEnv(this);
	return forEachItem(this, async (i) => {
		const found = await checkAmendToken(env, this.getNodeParameter('amendToken', i, ''));
		const record = await loadRecord(env.store.db, found.requestId);
		return recordJson(record, { valid: true, amendRound: found.round });
	});
}
