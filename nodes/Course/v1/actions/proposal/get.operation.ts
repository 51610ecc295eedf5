import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateOperationDisplayOptions } from '../../../../shared/descriptions/common';
import { courses } from '../../../../../core/course';
import { readId } from '../../../../shared/params';
import { forEachItem } from '../../../../shared/run';
import { consortiumFor } from '../../../../shared/store';
import { courseIdProperty } from './common';

const properties: INodeProperties[] = [courseIdProperty];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['proposal'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const { store } = await consortiumFor(this);
	return forEachItem(this, async (i) => (await courses.get(store, readId(this, i))) as IDataObject);
}
