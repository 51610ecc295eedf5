/**
 * The approval core's public surface: what the Approval and Approval Links nodes call. Each
 * name is listed by the file that holds it (see the map in README.md); anything not here is
 * internal to core/approval, and its unit tests import it from its own file.
 */
import './schema';

export {
	REQUEST_STATUSES,
	SKIP_OPERATORS,
	STAGE_MODES,
	TIMEOUT_ACTIONS,
	type Notification,
	type Person,
	type RequestRecord,
} from './types';
export {
	MAX_STAGE_HOURS,
	MAX_STAGE_WORKING_DAYS,
	parsePerson,
	parseRequest,
	type RequestInput,
} from './spec';
export { formKey, hashToken, linkFor, plausibleToken, sameSecret } from './tokens';
export { type ApprovalEnv, type Change } from './steps';
export { createRequest, listRequests, type ListFilters } from './requests';
export { loadRecord, readLinkBase, toRecord } from './record';
export {
	attachmentForLink,
	decide,
	inspectLink,
	viewLink,
	type AttachmentDownload,
	type LinkView,
} from './decide';
export {
	MAX_ATTACHMENT_BYTES,
	MAX_ATTACHMENTS,
	attachmentLink,
	contentDisposition,
	humanSize,
	listAttachments,
	validateAttachments,
	type AttachmentInfo,
	type AttachmentInput,
	type ValidAttachment,
} from './attachments';
export { addApprover, expireOverdue, reassign, remind, remindDue, withdraw } from './management';
export {
	claimFinishedRequest,
	claimNotifyRound,
	firstRequestOfExecution,
	isResultHandOver,
	markDelivered,
	nextStepOnReturn,
	notifyHandOverKey,
	readResumeTarget,
	requestOfExecution,
	resultHandOverKey,
} from './waiting-execution';
export { redeliverResults } from './redeliver';
export {
	findStalledHandOvers,
	takeOverResult,
	takeOverRound,
	type StalledHandOver,
} from './stalled';
export {
	ccNotifications,
	dueNotifications,
	notifyApprovers,
	resultNotifications,
	returnedNotifications,
} from './notify';
export {
	AMEND_PARAM,
	RESUME_FROM,
	amendLinkOf,
	checkAmendToken,
	parseAmendConfig,
	resubmit,
	setAmendConfig,
	type ResumeFrom,
} from './amend';
export {
	DEFAULT_INBOX_DAYS,
	MAX_INBOX_DAYS,
	actOnInbox,
	issueInbox,
	revokeInbox,
	viewInbox,
	waitingApprovers,
} from './inbox';
export { inboxEmail } from './email/templates';
export {
	attachmentRefusedPage,
	confirmPage,
	errorPage,
	recordedPage,
	statePage,
} from './pages/render';
export { inboxPage } from './pages/inbox';
export { linkEndpoint, recordLinkEndpoint } from './endpoint';
export { endDelegation, setDelegation, type Delegation } from './delegation';
export { PAGE_MARKER } from './pages/layout';
