import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { expireOverdue, loadRecord } from '../../../../../core/approval';
import { workflowActor } from '../../../../shared/run';
import { approvalEnv, changeItems, pokeWaitingExecution, show } from './common';

export const description: INodeProperties[] = [
	{
		displayName: '对当前阶段已过期限的审批执行超时处理（自动通过、自动拒绝或升级）。适合定时工作流。 Applies the timeout action of every pending request past its due time. Meant for a scheduled workflow.',
		name: 'expireNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: show('expireOverdue') },
	},
];

/** One item per changed request: its record when it ended, or notification items for escalation. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const env = await approvalEnv(this);
	const changes = await expireOverdue(env, workflowActor(this));
	const out: INodeExecutionData[] = [];
	for (const change of changes) {
		if (change.outcome === 'approved' || change.outcome === 'rejected') {
			const executionResumed = await pokeWaitingExecution(this, env, change.requestId);
			const record = await loadRecord(env.store.db, change.requestId);
			out.push({ json: { result: record.status, ...record, executionResumed } as unknown as IDataObject, pairedItem: { item: 0 } });
		} else {
			for (const json of await changeItems(env, change)) out.push({ json, pairedItem: { item: 0 } });
		}
	}
	return out;
}
