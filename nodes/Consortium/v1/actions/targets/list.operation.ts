import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { listTargets } from '../../../../../core/scoreboard';
import { forEachItem } from '../../../../shared/run';
import { consortiumFor } from '../../../../shared/store';
import { yearProperty } from './year';

export const description: INodeProperties[] = [
	yearProperty({ resource: ['targets'], operation: ['list'] }),
];

/** Every indicator's target for the year; a year seen for the first time gets the published defaults. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const { store } = await consortiumFor(this);
	return forEachItem(
		this,
		async (i) =>
			(await listTargets(store, this.getNodeParameter('year', i))) as unknown as IDataObject[],
	);
}
