import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { listTargets } from '../../../../../core/scoreboard';
import { perItemOperation } from '../../../../shared/operation';
import { yearProperty } from './year';

const properties: INodeProperties[] = [yearProperty];

/** Every indicator's target for the year; a year seen for the first time gets the published defaults. */
export const { description, execute } = perItemOperation(
	{ resource: 'targets', operation: 'list' },
	properties,
	async ({ store, param }) => (await listTargets(store, param('year'))) as unknown as IDataObject[],
);
