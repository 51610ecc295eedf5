import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateOperationDisplayOptions } from '../../../../shared/descriptions/common';
import { loadRecord } from '../../../../../core/approval';
import { forEachItem } from '../../../../shared/run';
import { recordJson } from '../items';
import { approvalEnv, readRequestId, requestIdProperty } from './common';

const properties: INodeProperties[] = [requestIdProperty];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['request'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const env = await approvalEnv(this);
	return forEachItem(this, async (i) => {
		const record = await loadRecord(env.store.db, readRequestId(this, i));
		return recordJson(record);
	});
}
