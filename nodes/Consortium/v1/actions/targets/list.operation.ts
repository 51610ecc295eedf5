import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateOperationDisplayOptions } from '../../../../shared/descriptions/common';
import { listTargets } from '../../../../../core/scoreboard';
import { forEachItem } from '../../../../shared/run';
import { consortiumFor } from '../../../../shared/store';
import { yearProperty } from './year';

const properties: INodeProperties[] = [yearProperty];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['targets'], operation: ['list'] } },
	properties,
);

/** Every indicator's target for the year; a year seen for the first time gets the published defaults. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const { store } = await consortiumFor(this);
	return forEachItem(
		this,
		async (i) =>
			(await listTargets(store, this.getNodeParameter('year', i))) as unknown as IDataObject[],
	);
}
