import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateOperationDisplayOptions } from '../../../../shared/descriptions/common';
import { loadRecord, withdraw } from '../../../../../core/approval';
import { forEachItem, workflowActor } from '../../../../shared/run';
import { recordJson } from '../items';
import {
	approvalEnv,
	handResultToExecution,
	readNote,
	readRequestId,
	requestIdProperty,
} from './common';

const properties: INodeProperties[] = [
	requestIdProperty,
	{
		displayName: '撤回人邮箱 Withdrawn By',
		name: 'withdrawnBy',
		type: 'string',
		default: '',
		description: '若填写，必须是提交人 If given, must be the submitter',
	},
	{
		displayName: '原因 Reason',
		name: 'note',
		type: 'string',
		default: '',
	},
];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['request'], operation: ['withdraw'] } },
	properties,
);

/**
 * 撤回: the request ends Rejected with reason `withdrawn`, then its waiting execution is
 * told through its resume URL so it continues on Rejected at once.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const env = await approvalEnv(this);
	return forEachItem(this, async (i) => {
		const change = await withdraw(
			env,
			readRequestId(this, i),
			{ by: readNote(this, i, 'withdrawnBy', '撤回人邮箱 Withdrawn By'), note: readNote(this, i) },
			workflowActor(this),
		);
		const executionResumed = await handResultToExecution(this, env, change.requestId);
		const record = await loadRecord(env.store.db, change.requestId);
		return recordJson(record, { executionResumed });
	});
}
