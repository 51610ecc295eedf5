import { formatInZone } from '../../util/time';
import { checkLink, plainLine } from './text';

/** What every channel message says: one approval waiting on one person. */
export interface ChannelNotice {
	/** The approver's display name. */
	to: string;
	subject: string;
	/** A short text summary of the request; shortened to fit each platform. */
	summary?: string;
	/** The signed decision (or inbox) link: never altered, only checked. */
	link: string;
	requestNumber: string;
	stage: string;
	/** ISO-8601 UTC; shown in the consortium's zone. */
	dueAt?: string | null;
	/** Default Asia/Shanghai. */
	timeZone?: string;
}

/** 本联合体设置: the longest summary a chat message carries; the page behind the link has the rest. */
export const SUMMARY_MAX_CHARS = 300;

export interface NoticeLines {
	to: string;
	subject: string;
	summary: string;
	link: string;
	requestNumber: string;
	stage: string;
	due: string;
}

/** The notice's fields as single plain lines, link checked, due time in the zone. */
export function noticeLines(notice: ChannelNotice): NoticeLines {
	return {
		to: plainLine(notice.to, 100),
		subject: plainLine(notice.subject, 200),
		summary: plainLine(notice.summary ?? '', SUMMARY_MAX_CHARS),
		link: checkLink(notice.link),
		requestNumber: plainLine(notice.requestNumber, 60),
		stage: plainLine(notice.stage, 100),
		due: notice.dueAt ? formatInZone(notice.dueAt, notice.timeZone || 'Asia/Shanghai') : '',
	};
}

/** Button text on every platform; WeCom allows at most 4 characters. */
export const BUTTON_TEXT = '审批';
export const TITLE_PREFIX = '待审批';
