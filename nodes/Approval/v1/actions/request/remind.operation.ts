import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateOperationDisplayOptions } from '../../../../shared/descriptions/common';
import { remind, remindDue } from '../../../../../core/approval';
import { forEachItem, workflowActor } from '../../../../shared/run';
import { approvalEnv, changeItems, readNote } from './common';

const properties: INodeProperties[] = [
	{
		displayName: '审批 ID 或编号 Request ID or Number',
		name: 'requestId',
		type: 'string',
		default: '',
		placeholder: 'KC-2026-0001',
		description:
			"留空则催办所有已到催办间隔的审批人（适合定时工作流） Empty reminds every approver whose stage's reminder interval has passed (for a scheduled workflow)",
	},
];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['request'], operation: ['remind'] } },
	properties,
);

/** 催办: one reminder item per pending approver, with the very link of their first message. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const env = await approvalEnv(this);
	return forEachItem(this, async (i) => {
		const requestId = readNote(this, i, 'requestId', '审批 ID 或编号 Request ID or Number') ?? '';
		if (requestId)
			return changeItems(env, await remind(env, requestId, workflowActor(this)), 'reminder');
		const items = [];
		for (const change of await remindDue(env, workflowActor(this)))
			items.push(...(await changeItems(env, change, 'reminder')));
		return items;
	});
}
