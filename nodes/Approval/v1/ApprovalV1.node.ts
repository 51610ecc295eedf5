import { storeNodeVersion } from '../../shared/versionedNode';
import { router } from './actions/router';
import { versionDescription } from './actions/versionDescription';
import { approvalWebhook } from './actions/webhook';

export class ApprovalV1 extends storeNodeVersion(versionDescription, {
	execute: router,
	webhook: approvalWebhook,
}) {}
