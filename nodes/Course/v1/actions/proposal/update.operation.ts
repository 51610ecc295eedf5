import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateOperationDisplayOptions } from '../../../../shared/descriptions/common';
import { courses } from '../../../../../core/course';
import { readFields, updateFieldProperties } from '../../../../shared/descriptions/fields';
import { readId } from '../../../../shared/params';
import { forEachItem } from '../../../../shared/run';
import { consortiumFor } from '../../../../shared/store';
import { courseContext, courseIdProperty, rulesProperty } from './common';
import { proposalFields } from './fields';

/** Only a draft or a returned proposal changes; core refuses the rest with the current state. */
const properties: INodeProperties[] = [
	courseIdProperty,
	...updateFieldProperties(proposalFields),
	rulesProperty,
];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['proposal'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const consortium = await consortiumFor(this);
	return forEachItem(
		this,
		async (i) =>
			(await courses.update(
				consortium.store,
				readId(this, i),
				readFields(this, i, proposalFields, 'updateFields'),
				courseContext(this, consortium, i, true),
			)) as IDataObject,
	);
}
