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
import { courseContext, courseIdProperty, readStep, stepProperties } from './common';

const properties: INodeProperties[] = [courseIdProperty, ...stepProperties('撤回原因 Reason')];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['proposal'], operation: ['withdraw'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const consortium = await consortiumFor(this);
	return forEachItem(
		this,
		async (i) =>
			(await courses.withdraw(
				consortium.store,
				readId(this, i),
				readStep(this, i),
				courseContext(this, consortium, i),
			)) as IDataObject,
	);
}
