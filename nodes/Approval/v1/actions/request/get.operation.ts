import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { loadRecord } from '../../../../../core/approval';
import { forEachItem } from '../../../../shared/run';
import { recordJson } from '../items';
import { approvalEnv, readRequestId, requestIdProperty } from './common';

export const description: INodeProperties[] = [requestIdProperty('get')];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const env = await approvalEnv(this);
	return forEachItem(this, async (i) => {
		const record = await loadRecord(env.store.db, readRequestId(this, i));
		return recordJson(record);
	});
}
