import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { parsePerson, reassign } from '../../../../../core/approval';
import { forEachItem, workflowActor } from '../../../../shared/run';
import { approvalEnv, changeItems, requestIdProperty, show } from './common';

export const description: INodeProperties[] = [
	requestIdProperty('reassign'),
	{ displayName: '原审批人邮箱 From Email', name: 'fromEmail', type: 'string', required: true, default: '', displayOptions: { show: show('reassign') } },
	{ displayName: '转交给 To', name: 'toEmail', type: 'string', required: true, default: '', placeholder: '王主任 <wang@example.edu.cn>', displayOptions: { show: show('reassign') } },
	{ displayName: '原因 Reason', name: 'note', type: 'string', default: '', displayOptions: { show: show('reassign') } },
];

/** 转交: the old link dies; the new approver's notification item is the output. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const env = await approvalEnv(this);
	return forEachItem(this, async (i) => {
		const change = await reassign(
			env,
			this.getNodeParameter('requestId', i) as string,
			{
				from: String(this.getNodeParameter('fromEmail', i)),
				to: parsePerson(String(this.getNodeParameter('toEmail', i)), 'toEmail', '转交给 To'),
				note: (this.getNodeParameter('note', i, '') as string) || null,
			},
			workflowActor(this),
		);
		return changeItems(env, change);
	});
}
