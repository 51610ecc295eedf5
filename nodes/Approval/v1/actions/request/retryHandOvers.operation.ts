import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import {
	noticeProperty,
	updateOperationDisplayOptions,
} from '../../../../shared/descriptions/common';
import {
	findStalledHandOvers,
	takeOverResult,
	takeOverRound,
	type ApprovalEnv,
	type StalledHandOver,
} from '../../../../../core/approval';
import { optionalNumber } from '../../../../../core/util/validate';
import { forEachItem, workflowActor } from '../../../../shared/run';
import { notifyHandOver, postHandOver, resultHandOver, type HandOverAnswer } from '../handOver';
import { resultMailItem } from '../items';
import { approvalEnv, changeItems } from './common';

const QUIET_LABEL = '静默分钟（本联合体设置） Quiet Minutes (Local Setting)';
const LOOK_BACK_LABEL = '回看天数（本联合体设置） Look Back Days (Local Setting)';

const properties: INodeProperties[] = [
	noticeProperty(
		'retryNotice',
		'审批链接处的决定要交给仍在等待的审批执行（下一位审批人的邮件，或审批结果）。n8n 在两分钟内一直拒绝时，决定已记录，但执行不知道。本操作找出这些申请再交接一次；执行已不存在时，由本工作流发出下一位审批人的邮件或结果邮件，每个申请仅一次。适合每几分钟运行的定时工作流。 A decision at the link endpoint is handed to the waiting execution (the next approvers’ mails, or the result). When n8n refused that for its whole two minutes, the decision is recorded but the execution never heard. This finds those requests and hands them over again; where the execution is gone, this workflow sends the mails itself, once per request. Meant for a schedule every few minutes.',
	),
	{
		displayName: QUIET_LABEL,
		name: 'quietMinutes',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 3,
		description:
			'变化不足这么久的申请留给链接端自己的重试（它最多重试两分钟） Requests changed more recently are left to the link endpoint’s own retries (up to two minutes)',
	},
	{
		displayName: LOOK_BACK_LABEL,
		name: 'lookBackDays',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 7,
		description:
			'更早的申请不再处理，免得首次启用时补发全部历史 Older requests are left alone, so switching this on does not mail the whole past',
	},
];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['request'], operation: ['retryHandOvers'] } },
	properties,
);

/** The node's patience per request: a busy n8n is tried again at the next scheduled run. */
const SWEEP_PATIENCE_MS = 10_000;

/**
 * One item per stalled hand-over: `handOver` says what it was (`result` or `notify`) and
 * `answer` how it ended. Taken over (`answer: taken`), the item is the mail to send: the
 * result mail with the record, or an approver's notice.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const env = await approvalEnv(this);
	const actor = workflowActor(this);
	return forEachItem(this, async (i) => {
		const quietMinutes =
			optionalNumber(this.getNodeParameter('quietMinutes', i, 3), 'quietMinutes', QUIET_LABEL, {
				min: 0,
			}) ?? 3;
		const lookBackDays =
			optionalNumber(this.getNodeParameter('lookBackDays', i, 7), 'lookBackDays', LOOK_BACK_LABEL, {
				min: 1,
			}) ?? 7;
		const stalled = await findStalledHandOvers(env, {
			quietMs: quietMinutes * 60_000,
			lookBackMs: lookBackDays * 86_400_000,
		});
		const items: IDataObject[] = [];
		for (const one of stalled) items.push(...(await retry(env, one, actor)));
		return items;
	});
}

async function retry(
	env: ApprovalEnv,
	stalled: StalledHandOver,
	actor: { actor: string },
): Promise<IDataObject[]> {
	const report = { requestNumber: stalled.number, handOver: stalled.kind };
	const body =
		stalled.kind === 'result'
			? resultHandOver(env, stalled.requestId)
			: notifyHandOver(env, stalled.requestId, stalled.round, stalled.slotIds);
	const answer: HandOverAnswer = await postHandOver(stalled.url, body, SWEEP_PATIENCE_MS);
	if (answer !== 'gone') return [{ ...report, answer }];
	if (stalled.kind === 'result') {
		const record = await takeOverResult(env, stalled.requestId, actor);
		return record ? [{ ...resultMailItem(record), ...report, answer: 'taken' }] : [];
	}
	const change = await takeOverRound(env, stalled, actor);
	if (!change) return [];
	return (await changeItems(env, change)).map((notice) => ({
		...notice,
		...report,
		answer: 'taken',
	}));
}
