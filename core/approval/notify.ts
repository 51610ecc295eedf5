import type { ConsortiumSettings, Db } from '../store';
import { approverEmail, ccEmail, dueEmail, resultEmail, returnedEmail } from './email/templates';
import { channelPayloads, chatTargets, type ChannelTargets } from './channels';
import type { SlotRow } from './steps';
import { deriveToken, linkFor } from './tokens';
import type { Notification, RequestRecord } from './types';

/** Notifications are items, not side effects: the workflow sends them by whatever channel it likes. */

export function approverLink(
	settings: ConsortiumSettings,
	linkBase: string | null,
	slot: Pick<SlotRow, 'id' | 'token_salt'>,
): string | null {
	if (!linkBase || !slot.token_salt) return null;
	return linkFor(linkBase, deriveToken(settings.linkSecret, slot.id, slot.token_salt));
}

/** The approvers' notices, with app-message targets from the directory (`chatTargets`). */
export async function notifyApprovers(
	db: Db,
	settings: ConsortiumSettings,
	record: RequestRecord,
	linkBase: string | null,
	slots: SlotRow[],
	kind: 'request' | 'reminder' = 'request',
): Promise<Notification[]> {
	const targets = await chatTargets(
		db,
		settings,
		slots.map((s) => s.email),
	);
	return approverNotifications(settings, record, linkBase, slots, kind, targets);
}

export function approverNotifications(
	settings: ConsortiumSettings,
	record: RequestRecord,
	linkBase: string | null,
	slots: SlotRow[],
	kind: 'request' | 'reminder' = 'request',
	targets: ReadonlyMap<string, ChannelTargets> = new Map(),
): Notification[] {
	return slots.map((slot) => {
		const link = approverLink(settings, linkBase, slot);
		const mail = approverEmail(record, link, settings.timeZone, kind === 'reminder');
		return {
			kind,
			to: slot.email,
			cc: '',
			...mail,
			link,
			channels: link
				? chatPayloads(settings, record, slot, link, targets.get(slot.email.toLowerCase()))
				: null,
			approver: slot.email,
			approverName: slot.name,
			requestNumber: record.requestNumber,
			requestId: record.requestId,
			stage: slot.stage_idx,
		};
	});
}

/**
 * The same approval as a WeCom, DingTalk and Feishu message, ready for n8n's HTTP Request node:
 * group-robot payloads always, app messages where the directory holds the approver's id on
 * that platform (and, for WeCom and DingTalk, the credential names the app).
 */
function chatPayloads(
	settings: ConsortiumSettings,
	record: RequestRecord,
	slot: Pick<SlotRow, 'name' | 'email' | 'stage_idx'>,
	link: string,
	targets: ChannelTargets = {},
) {
	const stage = record.stages[slot.stage_idx];
	return channelPayloads(
		{
			to: slot.name ?? slot.email,
			subject: record.subject.title,
			summary: record.subject.fields.map((f) => `${f.label}：${f.value}`).join('；'),
			link,
			requestNumber: record.requestNumber,
			stage: stage?.name ?? '',
			dueAt: stage?.dueAt ?? null,
			timeZone: settings.timeZone,
		},
		targets,
	);
}

const emails = (people: Array<{ email: string }>) => people.map((p) => p.email).join(', ');

/** A notice about the request as a whole, to its submitter or CC list rather than to an approver. */
function requestNotice(
	record: RequestRecord,
	kind: Notification['kind'],
	to: string,
	cc: string,
	mail: Pick<Notification, 'subject' | 'html' | 'text'>,
	{ link = null, stage = null }: { link?: string | null; stage?: number | null } = {},
): Notification {
	return {
		kind,
		to,
		cc,
		...mail,
		link,
		approver: null,
		approverName: null,
		requestNumber: record.requestNumber,
		requestId: record.requestId,
		stage,
	};
}

export function ccNotifications(record: RequestRecord): Notification[] {
	if (!record.cc.length) return [];
	return [requestNotice(record, 'cc', emails(record.cc), '', ccEmail(record))];
}

/** 退回修改: the submitter (CC in copy) gets the returner's comment and the amend link. */
export function returnedNotifications(
	record: RequestRecord,
	amendUrl: string | null,
): Notification[] {
	const amendment = record.amendments?.at(-1);
	return [
		requestNotice(
			record,
			'returned',
			record.submitter.email,
			emails(record.cc),
			returnedEmail(
				record,
				amendment?.comment ?? record.reasonNote ?? '',
				amendment?.returnedBy ?? '',
				amendUrl,
			),
			{ link: amendUrl, stage: amendment?.stage ?? null },
		),
	];
}

/** The result goes to the submitter, with the CC list in copy. */
export function resultNotifications(record: RequestRecord, resent = false): Notification[] {
	// A return handed out by the sweep or 补投 carries no amend link: the mail says whom to ask.
	if (record.status === 'returned') return returnedNotifications(record, null);
	return [
		requestNotice(
			record,
			'result',
			record.submitter.email,
			emails(record.cc),
			resultEmail(record, resent),
		),
	];
}

/** What n8n forwards on Notify when the wait time runs out; its return into the node applies the timeout. */
export function dueNotifications(
	settings: ConsortiumSettings,
	record: RequestRecord,
): Notification[] {
	return [
		requestNotice(record, 'due', record.submitter.email, '', dueEmail(record, settings.timeZone), {
			stage: record.currentStage,
		}),
	];
}
