import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateOperationDisplayOptions } from '../../../../shared/descriptions/common';
import { courses } from '../../../../../core/course';
import { fieldProperties, readFields } from '../../../../shared/descriptions/fields';
import { forEachItem } from '../../../../shared/run';
import { consortiumFor } from '../../../../shared/store';
import { courseContext, rulesProperty } from './common';
import { proposalFields } from './fields';

const properties: INodeProperties[] = [...fieldProperties(proposalFields), rulesProperty];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['proposal'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const consortium = await consortiumFor(this);
	return forEachItem(
		this,
		async (i) =>
			(await courses.create(
				consortium.store,
				readFields(this, i, proposalFields),
				courseContext(this, consortium, i, true),
			)) as IDataObject,
		// The form's files (课程大纲) go on with the item, for the Approval node to attach.
		{ keepBinary: true },
	);
}
