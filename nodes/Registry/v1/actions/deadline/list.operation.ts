import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { forEachItem } from '../../../../shared/run';
import { consortiumFor } from '../../../../shared/store';
import { updateOperationDisplayOptions } from '../../../../shared/descriptions/common';
import { deadlinesInWindow, windowProperties } from './window';

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['deadline'], operation: ['list'] } },
	windowProperties(90),
);

/** One item per deadline in the window: kind, date, days left, subject, owner and email. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const { store, settings } = await consortiumFor(this);
	return forEachItem(
		this,
		async (i) =>
			(await deadlinesInWindow(this, i, store, settings.timeZone, 90)) as unknown as IDataObject[],
	);
}
