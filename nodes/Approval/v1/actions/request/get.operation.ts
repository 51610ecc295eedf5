import type { INodeProperties } from 'n8n-workflow';
import { loadRecord } from '../../../../../core/approval';
import { perItemOperation } from '../../../../shared/operation';
import { recordJson } from '../items';
import { readRequestId, requestIdProperty } from './common';

const properties: INodeProperties[] = [requestIdProperty];

export const { description, execute } = perItemOperation(
	{ resource: 'request', operation: 'get' },
	properties,
	async ({ ctx, i, store }) => recordJson(await loadRecord(store.db, readRequestId(ctx, i))),
);
