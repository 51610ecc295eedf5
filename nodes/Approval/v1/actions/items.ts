import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import {
	amendLinkOf,
	notifyApprovers,
	ccNotifications,
	loadRecord,
	readLinkBase,
	resultNotifications,
	returnedNotifications,
	type ApprovalEnv,
	type Change,
	type Notification,
	type RequestRecord,
} from '../../../../core/approval';

/** The node's outputs, in order. */
export const OUTPUT = { approved: 0, rejected: 1, notify: 2, returned: 3 } as const;

export type Outputs = [
	INodeExecutionData[],
	INodeExecutionData[],
	INodeExecutionData[],
	INodeExecutionData[],
];

export const emptyOutputs = (): Outputs => [[], [], [], []];

const item = (json: object): INodeExecutionData => ({ json: json as IDataObject });

/**
 * The record item, built here only: the whole decision record with a flat `result` for IF
 * nodes and sheets, then whatever the operation adds (`executionResumed`). What a resumed
 * execution, Get, List, Withdraw and the management operations output.
 */
export function recordJson(record: Partial<RequestRecord>, extra: IDataObject = {}): IDataObject {
	return { result: record.status, ...record, ...extra } as unknown as IDataObject;
}

export function recordItem(record: RequestRecord, extra: IDataObject = {}): INodeExecutionData {
	return { json: recordJson(record, extra) };
}

/**
 * A finished request's result for a workflow that has no waiting execution to carry it: the
 * mail to the submitter and CC (the fields of a Notify item, so Send Email takes it as it is),
 * `result` for an IF node, and the whole decision record under `record`.
 */
export function resultMailItem(record: RequestRecord, extra: IDataObject = {}): IDataObject {
	return {
		...resultNotifications(record, extra.redelivered === true)[0],
		result: record.status,
		...extra,
		record,
	} as unknown as IDataObject;
}

export function notificationItems(notifications: Notification[]): INodeExecutionData[] {
	return notifications.map(item);
}

/**
 * What the workflow receives for a change: the result on Approved or Rejected (with the
 * result message to the submitter and CC on Notify), or the messages for newly opened
 * approvers on Notify.
 */
export async function outputsFor(
	env: ApprovalEnv,
	change: Change,
	extra: Notification[] = [],
	known?: { record: RequestRecord; linkBase: string | null },
): Promise<Outputs> {
	const record = known?.record ?? (await loadRecord(env.store.db, change.requestId));
	const out = emptyOutputs();
	if (change.outcome === 'returned') {
		// 退回修改: the record with the submitter's amend link on Returned, their mail on Notify.
		const link = await amendLinkOf(env, env.store.db, change.requestId);
		out[OUTPUT.returned].push(
			recordItem(record, {
				amendUrl: link?.amendUrl ?? null,
				amendToken: link?.amendToken ?? null,
			}),
		);
		out[OUTPUT.notify].push(
			...notificationItems(returnedNotifications(record, link?.amendUrl ?? null)),
		);
		return out;
	}
	if (change.outcome === 'approved' || change.outcome === 'rejected') {
		out[change.outcome === 'approved' ? OUTPUT.approved : OUTPUT.rejected].push(recordItem(record));
		out[OUTPUT.notify].push(...notificationItems([...extra, ...resultNotifications(record)]));
		return out;
	}
	const linkBase = known ? known.linkBase : await readLinkBase(env.store.db, change.requestId);
	out[OUTPUT.notify].push(
		...notificationItems([
			...(await notifyApprovers(env.store.db, env.settings, record, linkBase, change.opened)),
			...extra,
		]),
	);
	return out;
}

export async function resultOutputs(
	env: ApprovalEnv,
	requestId: string,
	known?: RequestRecord,
): Promise<Outputs> {
	const record = known ?? (await loadRecord(env.store.db, requestId));
	return outputsFor(
		env,
		{
			requestId,
			outcome:
				record.status === 'approved'
					? 'approved'
					: record.status === 'returned'
						? 'returned'
						: 'rejected',
			opened: [],
		},
		[],
		{ record, linkBase: null },
	);
}

export { ccNotifications };
