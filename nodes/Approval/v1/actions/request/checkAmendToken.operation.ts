import type { INodeProperties } from 'n8n-workflow';
import { checkAmendToken, loadRecord } from '../../../../../core/approval';
import { perItemOperation } from '../../../../shared/operation';
import { amendTokenProperty } from '../amendToken';
import { recordJson } from '../items';

const properties: INodeProperties[] = [amendTokenProperty];

/**
 * 校验修改令牌: for the amend form's workflow, before it changes anything or shows success:
 * the returned request the token corrects. A bad or used token fails the item naming the
 * `amendToken` field (Continue On Fail puts the error on the item instead).
 */
export const { description, execute } = perItemOperation(
	{ resource: 'request', operation: 'checkAmendToken' },
	properties,
	async ({ consortium, store, param }) => {
		const found = await checkAmendToken(consortium, param('amendToken', ''));
		const record = await loadRecord(store.db, found.requestId);
		return recordJson(record, { valid: true, amendRound: found.round });
	},
);
