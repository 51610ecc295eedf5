import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import {
	noticeProperty,
	updateOperationDisplayOptions,
} from '../../../../shared/descriptions/common';
import { expireOverdue, loadRecord } from '../../../../../core/approval';
import { workflowActor } from '../../../../shared/run';
import { approvalEnv, changeItems, handResultToExecution } from './common';
import { recordJson, resultMailItem } from '../items';

const properties: INodeProperties[] = [
	noticeProperty(
		'expireNotice',
		'对当前阶段已过期限的审批执行超时处理（自动通过、自动拒绝或升级）。适合定时工作流。 Applies the timeout action of every pending request past its due time. Meant for a scheduled workflow.',
	),
];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['request'], operation: ['expireOverdue'] } },
	properties,
);

/**
 * One item per changed request. Escalated: the notices for the new approvers. Ended, with its
 * execution still waiting: the record (the execution, resumed, sends the result mail itself).
 * Ended, with its execution gone: the result mail to the submitter and CC, the record beside it.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const env = await approvalEnv(this);
	const changes = await expireOverdue(env, workflowActor(this));
	const out: INodeExecutionData[] = [];
	for (const change of changes) {
		if (change.outcome === 'approved' || change.outcome === 'rejected') {
			const executionResumed = await handResultToExecution(this, env, change.requestId);
			const record = await loadRecord(env.store.db, change.requestId);
			const json = executionResumed
				? recordJson(record, { executionResumed })
				: resultMailItem(record, { executionResumed });
			out.push({ json, pairedItem: { item: 0 } });
		} else {
			for (const json of await changeItems(env, change))
				out.push({ json, pairedItem: { item: 0 } });
		}
	}
	return out;
}
